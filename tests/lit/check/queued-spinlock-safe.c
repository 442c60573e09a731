// Safe twin of queued-spinlock.c: every shape releases through the handle
// the acquire bound (directly, through one helper and through two, in a loop
// that releases before `continue`, on the early return, once per acquire,
// nested with another lock, and in the registered DPC).
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &Handle);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseInStackQueuedSpinLock(&Handle);
    return STATUS_PENDING;
}

static VOID LockQueue(PDEVICE_EXTENSION DevExt, PKLOCK_QUEUE_HANDLE Handle)
{
    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, Handle);
}

static VOID UnlockQueue(PKLOCK_QUEUE_HANDLE Handle)
{
    KeReleaseInStackQueuedSpinLock(Handle);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    LockQueue(DevExt, &Handle);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    UnlockQueue(&Handle);
    return STATUS_PENDING;
}

static VOID LockBoth(PDEVICE_EXTENSION DevExt, PKLOCK_QUEUE_HANDLE Handle)
{
    LockQueue(DevExt, Handle);
}

static VOID UnlockBoth(PKLOCK_QUEUE_HANDLE Handle)
{
    UnlockQueue(Handle);
}

NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    UNREFERENCED_PARAMETER(Irp);
    LockBoth(DevExt, &Handle);
    DevExt->Pending++;
    UnlockBoth(&Handle);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;
    PLIST_ENTRY Entry;

    UNREFERENCED_PARAMETER(Irp);
    while (!IsListEmpty(&DevExt->Queue)) {
        KeAcquireInStackQueuedSpinLock(&DevExt->StatsLock, &Handle);
        Entry = RemoveHeadList(&DevExt->Queue);
        if (Entry == &DevExt->Queue) {
            KeReleaseInStackQueuedSpinLock(&Handle);
            continue;
        }
        DevExt->Pending--;
        KeReleaseInStackQueuedSpinLock(&Handle);
    }
    return STATUS_SUCCESS;
}

NTSTATUS DispatchControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &Handle);
    if (Irp->IoStatus.Information == 0) {
        UnlockQueue(&Handle);
        return STATUS_INVALID_PARAMETER;
    }
    DevExt->Pending++;
    UnlockQueue(&Handle);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    UNREFERENCED_PARAMETER(Irp);
    KeAcquireInStackQueuedSpinLock(&DevExt->StatsLock, &Handle);
    KeReleaseInStackQueuedSpinLock(&Handle);
    return STATUS_SUCCESS;
}

// One handle reused for a second critical section.
NTSTATUS DispatchFlush(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    UNREFERENCED_PARAMETER(Irp);
    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &Handle);
    DevExt->Pending = 0;
    KeReleaseInStackQueuedSpinLock(&Handle);
    KeAcquireInStackQueuedSpinLock(&DevExt->StatsLock, &Handle);
    DevExt->Pending = 1;
    UnlockQueue(&Handle);
    return STATUS_SUCCESS;
}

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

VOID CompletionDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PDEVICE_EXTENSION DevExt = Context;
    KLOCK_QUEUE_HANDLE Handle;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    KeAcquireInStackQueuedSpinLockForDpc(&DevExt->QueueLock, &Handle);
    if (IsListEmpty(&DevExt->Queue)) {
        KeReleaseInStackQueuedSpinLockForDpc(&Handle);
        return;
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

// CHECK: QueuedSpinLock: Pass (0 defects, 10 entry routines)
