// QueuedSpinLock, buggy: one mistake per routine, in each shape the rule
// must follow (directly, through a helper and through two, in a loop, on an
// early return, a release through a handle bound to nothing or released
// twice, and in a routine only a registration names); the release names only
// the KLOCK_QUEUE_HANDLE the acquire bound to the lock. Nested different
// locks are fine. Safe twin: queued-spinlock-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    KSPIN_LOCK StatsLock;
    LIST_ENTRY Queue;
    ULONG Pending;
    KDPC Dpc;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead, DispatchWrite, DispatchCreate, DispatchCleanup;
DRIVER_DISPATCH DispatchControl, DispatchClose, DispatchFlush, DispatchSystemControl;
KDEFERRED_ROUTINE CompletionDpc;

// Direct: the routine returns holding the lock.
NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &Handle);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    return STATUS_PENDING; // CHECK: queued-spinlock.c:[[@LINE]]:5: error: [QueuedSpinLock] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the queued spinlock 'DevExt->QueueLock'.
}

static VOID LockQueue(PDEVICE_EXTENSION DevExt, PKLOCK_QUEUE_HANDLE Handle)
{
    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, Handle);
}

static VOID UnlockQueue(PKLOCK_QUEUE_HANDLE Handle)
{
    KeReleaseInStackQueuedSpinLock(Handle); // CHECK: queued-spinlock.c:[[@LINE]]:5: error: [QueuedSpinLock] The driver is calling KeReleaseInStackQueuedSpinLock through a lock handle whose queued spinlock 'DevExt->QueueLock' is not held.
}

// Through a helper that binds the caller's handle.
NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    LockQueue(DevExt, &Handle);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    return STATUS_PENDING; // CHECK: queued-spinlock.c:[[@LINE]]:5: error: [QueuedSpinLock] The IRP_MJ_WRITE routine 'DispatchWrite' has returned without releasing the queued spinlock 'DevExt->QueueLock'.
}

static VOID LockBoth(PDEVICE_EXTENSION DevExt, PKLOCK_QUEUE_HANDLE Handle)
{
    LockQueue(DevExt, Handle);
}

// Through two helper levels.
NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    UNREFERENCED_PARAMETER(Irp);
    LockBoth(DevExt, &Handle);
    DevExt->Pending++;
    return STATUS_SUCCESS; // CHECK: queued-spinlock.c:[[@LINE]]:5: error: [QueuedSpinLock] The IRP_MJ_CREATE routine 'DispatchCreate' has returned without releasing the queued spinlock 'DevExt->QueueLock'.
}

// In a loop: `continue` skips the release, and the next round takes the
// lock again (or the loop ends with it held).
NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;
    PLIST_ENTRY Entry;

    UNREFERENCED_PARAMETER(Irp);
    while (!IsListEmpty(&DevExt->Queue)) {
        KeAcquireInStackQueuedSpinLock(&DevExt->StatsLock, &Handle); // CHECK: queued-spinlock.c:[[@LINE]]:9: error: [QueuedSpinLock] The driver is calling KeAcquireInStackQueuedSpinLock after already acquiring the queued spinlock 'DevExt->StatsLock'.
        Entry = RemoveHeadList(&DevExt->Queue);
        if (Entry == &DevExt->Queue) {
            continue;
        }
        DevExt->Pending--;
        KeReleaseInStackQueuedSpinLock(&Handle);
    }
    return STATUS_SUCCESS; // CHECK: queued-spinlock.c:[[@LINE]]:5: error: [QueuedSpinLock] The IRP_MJ_CLEANUP routine 'DispatchCleanup' has returned without releasing the queued spinlock 'DevExt->StatsLock'.
}

// An early return on an error path leaves the lock held.
NTSTATUS DispatchControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &Handle);
    if (Irp->IoStatus.Information == 0) {
        return STATUS_INVALID_PARAMETER; // CHECK: queued-spinlock.c:[[@LINE]]:9: error: [QueuedSpinLock] The IRP_MJ_DEVICE_CONTROL routine 'DispatchControl' has returned without releasing the queued spinlock 'DevExt->QueueLock'.
    }
    DevExt->Pending++;
    UnlockQueue(&Handle);
    return STATUS_SUCCESS;
}

// A release through a handle no acquire bound.
NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KLOCK_QUEUE_HANDLE Handle;

    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeReleaseInStackQueuedSpinLock(&Handle); // CHECK: queued-spinlock.c:[[@LINE]]:5: error: [QueuedSpinLock] The driver is calling KeReleaseInStackQueuedSpinLock through a lock handle whose queued spinlock 'lock of Handle' is not held.
    return STATUS_SUCCESS;
}

// A second release through the same handle.
NTSTATUS DispatchFlush(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    UNREFERENCED_PARAMETER(Irp);
    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &Handle);
    DevExt->Pending = 0;
    KeReleaseInStackQueuedSpinLock(&Handle);
    UnlockQueue(&Handle);
    return STATUS_SUCCESS;
}

// Different locks nested, each released through its own handle: fine.
NTSTATUS DispatchSystemControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE QueueHandle, StatsHandle;

    UNREFERENCED_PARAMETER(Irp);
    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &QueueHandle);
    KeAcquireInStackQueuedSpinLockAtDpcLevel(&DevExt->StatsLock, &StatsHandle);
    DevExt->Pending++;
    KeReleaseInStackQueuedSpinLockFromDpcLevel(&StatsHandle);
    KeReleaseInStackQueuedSpinLock(&QueueHandle);
    return STATUS_SUCCESS;
}

// Registered only by KeInitializeDpc: a DPC that returns holding the lock
// when the queue is empty.
VOID CompletionDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PDEVICE_EXTENSION DevExt = Context;
    KLOCK_QUEUE_HANDLE Handle;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    KeAcquireInStackQueuedSpinLockForDpc(&DevExt->QueueLock, &Handle);
    if (IsListEmpty(&DevExt->Queue)) {
        return; // CHECK: queued-spinlock.c:[[@LINE]]:9: error: [QueuedSpinLock] The KDEFERRED_ROUTINE routine 'CompletionDpc' has returned without releasing the queued spinlock 'DevExt->QueueLock'.
    }
    RemoveHeadList(&DevExt->Queue);
    KeReleaseInStackQueuedSpinLockForDpc(&Handle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_EXTENSION DevExt = DriverObject->DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&DevExt->Dpc, CompletionDpc, DevExt);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchControl;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = DispatchClose;
    DriverObject->MajorFunction[IRP_MJ_FLUSH_BUFFERS] = DispatchFlush;
    DriverObject->MajorFunction[IRP_MJ_SYSTEM_CONTROL] = DispatchSystemControl;
    return STATUS_SUCCESS;
}

// CHECK: QueuedSpinLock: Defect (9 defects, 10 entry routines)
