// Lock wrappers reached through parameters, in two styles: LockSpin takes
// the lock it is given (`LockSpin(&Q->Lock, &Irql)`), LockQueue takes the
// queue and locks `&Q->Lock` itself. The flush routine holds the read
// queue's lock (LockQueue) while it moves entries to the write queue under
// that queue's lock (LockSpin): two different locks, each released once by
// the matching wrapper.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KeAcquireSpinLock(Lock, Irql);
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
        LockSpin(&DevExt->WriteQueue.Lock, &Irql);
        InsertTailList(&DevExt->WriteQueue.Head, Entry);
        UnlockSpin(&DevExt->WriteQueue.Lock, Irql);
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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
