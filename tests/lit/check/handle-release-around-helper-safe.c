// Lock handles a helper releases and binds again: a helper that drops its
// caller's queued spin lock around work and takes it again with the same
// KLOCK_QUEUE_HANDLE releases what the caller bound the handle to, before
// it acquires (no double acquire where the caller holds the lock); a helper
// releasing through a global handle another helper binds. Safe twin of
// handle-release-around-helper.c: the same routines without their mistakes.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Pending;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

KSPIN_LOCK g_Lock;
KLOCK_QUEUE_HANDLE g_Handle;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchWrite;
DRIVER_DISPATCH DispatchCleanup;
DRIVER_DISPATCH DispatchClose;
VOID DoWork(PDEVICE_EXTENSION DevExt);

static VOID DropAround(PDEVICE_EXTENSION DevExt, PKLOCK_QUEUE_HANDLE Handle)
{
    KeReleaseInStackQueuedSpinLock(Handle);
    DoWork(DevExt);
    KeAcquireInStackQueuedSpinLock(&DevExt->Lock, Handle);
}

static VOID UnlockGlobal(VOID)
{
    KeReleaseInStackQueuedSpinLock(&g_Handle);
}

static VOID LockGlobal(VOID)
{
    KeAcquireInStackQueuedSpinLock(&g_Lock, &g_Handle);
}

// Releases the lock the helper took again before it pends.
NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->Lock, &Handle);
    while (DevExt->Pending != 0) {
        DropAround(DevExt, &Handle);
    }
    KeReleaseInStackQueuedSpinLock(&Handle);
    if (Irp->Tail.Overlay.DriverContext[0] != NULL) {
        return STATUS_PENDING;
    }
    return STATUS_SUCCESS;
}

// Calls the helper holding the lock.
NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->Lock, &Handle);
    DropAround(DevExt, &Handle);
    KeReleaseInStackQueuedSpinLock(&Handle);
    return STATUS_SUCCESS;
}

// Releases once the lock the helper took again, then takes and releases
// it with the same handle.
NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->Lock, &Handle);
    DropAround(DevExt, &Handle);
    KeReleaseInStackQueuedSpinLock(&Handle);
    KeAcquireInStackQueuedSpinLockAtDpcLevel(&DevExt->Lock, &Handle);
    KeReleaseInStackQueuedSpinLockFromDpcLevel(&Handle);
    return STATUS_SUCCESS;
}

// Drops the global lock and takes it again through the helpers.
NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KeAcquireInStackQueuedSpinLock(&g_Lock, &g_Handle);
    UnlockGlobal();
    LockGlobal();
    UnlockGlobal();
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KeInitializeSpinLock(&g_Lock);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = DispatchClose;
    return STATUS_SUCCESS;
}
// CHECK: QueuedSpinLock: Pass (0 defects, 5 entry routines)
