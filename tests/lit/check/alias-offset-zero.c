// Buggy twin of alias-offset-zero-safe.c: the write routine takes the
// pending queue's lock as `&DevExt->Pending.Lock` instead of the extension
// lock, then calls LockQueue, which takes `(PKSPIN_LOCK)Queue`: the queue's
// lock is its first member, so this is the lock already held (double
// acquire; afterwards the lock is untracked: no more reports).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _REQUEST_QUEUE {
    KSPIN_LOCK Lock;
    LIST_ENTRY Head;
    ULONG Count;
} REQUEST_QUEUE, *PREQUEST_QUEUE;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    REQUEST_QUEUE Pending;
    ULONG State;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static VOID LockQueue(PREQUEST_QUEUE Queue)
{
    KeAcquireSpinLockAtDpcLevel((PKSPIN_LOCK)Queue); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
}

static VOID UnlockQueue(PREQUEST_QUEUE Queue)
{
    KeReleaseSpinLockFromDpcLevel(&Queue->Lock);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Pending.Lock, &Irql); // BUG: meant &DevExt->Lock
    DevExt->State++;
    LockQueue(&DevExt->Pending);
    InsertTailList(&DevExt->Pending.Head, &Irp->Tail.Overlay.ListEntry);
    DevExt->Pending.Count++;
    UnlockQueue(&DevExt->Pending);
    KeReleaseSpinLock(&DevExt->Pending.Lock, Irql);

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
