// Lock handles a helper releases and binds again: a helper that drops its
// caller's queued spin lock around work and takes it again with the same
// KLOCK_QUEUE_HANDLE releases what the caller bound the handle to, before
// it acquires (no double acquire where the caller holds the lock); a helper
// releasing through a global handle another helper binds. Buggy: one
// mistake per routine. Safe twin: handle-release-around-helper-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KeReleaseInStackQueuedSpinLock(Handle); // CHECK: handle-release-around-helper.c:[[@LINE]]:5: error: [QueuedSpinLock] The driver is calling KeReleaseInStackQueuedSpinLock through a lock handle whose queued spinlock 'lock of Handle' is not held.
    DoWork(DevExt);
    KeAcquireInStackQueuedSpinLock(&DevExt->Lock, Handle);
}

static VOID UnlockGlobal(VOID)
{
    KeReleaseInStackQueuedSpinLock(&g_Handle);
}

static VOID LockGlobal(VOID)
{
    KeAcquireInStackQueuedSpinLock(&g_Lock, &g_Handle); // CHECK: handle-release-around-helper.c:[[@LINE]]:5: error: [QueuedSpinLock] The driver is calling KeAcquireInStackQueuedSpinLock after already acquiring the queued spinlock 'g_Lock'.
}

// Pends with the lock the helper took again still held.
NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->Lock, &Handle);
    while (DevExt->Pending != 0) {
        DropAround(DevExt, &Handle);
    }
    if (Irp->Tail.Overlay.DriverContext[0] != NULL) {
        return STATUS_PENDING; // CHECK: handle-release-around-helper.c:[[@LINE]]:9: error: [QueuedSpinLock] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the queued spinlock 'DevExt->Lock'.
    }
    KeReleaseInStackQueuedSpinLock(&Handle);
    return STATUS_SUCCESS;
}

// Calls the helper without holding the lock: its release binds nothing.
NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    DropAround(DevExt, &Handle);
    KeReleaseInStackQueuedSpinLock(&Handle);
    return STATUS_SUCCESS;
}

// Releases once more after the helper took the lock again and it was
// released: the handle is still bound to the lock.
NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    KeAcquireInStackQueuedSpinLock(&DevExt->Lock, &Handle);
    DropAround(DevExt, &Handle);
    KeReleaseInStackQueuedSpinLock(&Handle);
    KeReleaseInStackQueuedSpinLock(&Handle); // CHECK: handle-release-around-helper.c:[[@LINE]]:5: error: [QueuedSpinLock] The driver is calling KeReleaseInStackQueuedSpinLock through a lock handle whose queued spinlock 'DevExt->Lock' is not held.
    return STATUS_SUCCESS;
}

// Takes the global lock twice through the helper.
NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KeAcquireInStackQueuedSpinLock(&g_Lock, &g_Handle);
    UnlockGlobal();
    LockGlobal();
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
// CHECK: QueuedSpinLock: Defect (4 defects, 5 entry routines)
