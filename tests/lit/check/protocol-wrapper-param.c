// Buggy twin of protocol-wrapper-param-safe.c: the inner LockSpin is given
// the read queue's lock, which LockQueue (the other wrapper style) already
// holds. The double acquire is LockSpin's acquire; the lock is not tracked
// after it, so the releases that follow are not reported.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _QUEUE {
    KSPIN_LOCK Lock;
    KIRQL OldIrql;
    LIST_ENTRY Head;
} QUEUE, *PQUEUE;

typedef struct _DEVICE_EXTENSION {
    QUEUE ReadQueue;
    QUEUE WriteQueue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchFlush;

static VOID LockSpin(PKSPIN_LOCK Lock, PKIRQL Irql)
{
    KeAcquireSpinLock(Lock, Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
}

static VOID UnlockSpin(PKSPIN_LOCK Lock, KIRQL Irql)
{
    KeReleaseSpinLock(Lock, Irql);
}

static VOID LockQueue(PQUEUE Q)
{
    KeAcquireSpinLock(&Q->Lock, &Q->OldIrql);
}

static VOID UnlockQueue(PQUEUE Q)
{
    KeReleaseSpinLock(&Q->Lock, Q->OldIrql);
}

NTSTATUS DispatchFlush(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    KIRQL Irql;

    LockQueue(&DevExt->ReadQueue);
    while (!IsListEmpty(&DevExt->ReadQueue.Head)) {
        Entry = RemoveHeadList(&DevExt->ReadQueue.Head);
        LockSpin(&DevExt->ReadQueue.Lock, &Irql); // BUG: the read queue's lock, held already
        InsertTailList(&DevExt->WriteQueue.Head, Entry);
        UnlockSpin(&DevExt->ReadQueue.Lock, Irql);
    }
    UnlockQueue(&DevExt->ReadQueue);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_FLUSH_BUFFERS] = DispatchFlush;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
