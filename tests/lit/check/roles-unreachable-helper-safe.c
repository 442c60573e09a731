// Roles: only entry routines are roots. FlushQueueAndUnlock expects its
// caller to hold the queue lock and releases it; DebugFlush, a routine kept
// for the debugger, calls it without taking the lock. Neither is
// registered nor called from any entry routine, so the release without
// acquire on that chain can never happen and is not reported. The cleanup
// routine uses the helper correctly.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
}

VOID DebugFlush(PDEVICE_EXTENSION DevExt)
{
    DevExt->Flushes++;
    FlushQueueAndUnlock(DevExt, PASSIVE_LEVEL);
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    DevExt->Flushes++;
    FlushQueueAndUnlock(DevExt, Irql);

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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
