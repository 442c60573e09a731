// Lock identity at offset 0: the extension's own lock is its first member,
// so `&DevExt->Lock` and `(PKSPIN_LOCK)DevExt` are one lock (at -O2 the
// lock pointer is the extension pointer itself). The pending queue is a
// REQUEST_QUEUE embedded at a non-zero offset whose lock is in turn its
// first member: the queue helpers name it `(PKSPIN_LOCK)Queue` and
// `&Queue->Lock`. The queue lock is taken nested inside the extension lock:
// two different locks, each released once, through the other spelling.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KeAcquireSpinLockAtDpcLevel((PKSPIN_LOCK)Queue);
}

static VOID UnlockQueue(PREQUEST_QUEUE Queue)
{
    KeReleaseSpinLockFromDpcLevel(&Queue->Lock);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->State++;
    LockQueue(&DevExt->Pending);
    InsertTailList(&DevExt->Pending.Head, &Irp->Tail.Overlay.ListEntry);
    DevExt->Pending.Count++;
    UnlockQueue(&DevExt->Pending);
    KeReleaseSpinLock((PKSPIN_LOCK)DevExt, Irql);

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
