// Roles, buggy twin of roles-unreachable-helper-safe.c: the cleanup routine
// now calls DebugFlush, which calls FlushQueueAndUnlock without taking the
// queue lock. Reached from an entry routine, the helper's release is a
// release without acquire.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    ULONG Depth;
    ULONG Flushes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCleanup;
VOID DebugFlush(PDEVICE_EXTENSION DevExt);

// The caller holds QueueLock; it is released on return.
static VOID FlushQueueAndUnlock(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    InitializeListHead(&DevExt->Queue);
    DevExt->Depth = 0;
    KeReleaseSpinLock(&DevExt->QueueLock, Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
}

VOID DebugFlush(PDEVICE_EXTENSION DevExt)
{
    DevExt->Flushes++;
    FlushQueueAndUnlock(DevExt, PASSIVE_LEVEL);
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    DebugFlush(DevExt); // BUG: DebugFlush does not take the queue lock

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
