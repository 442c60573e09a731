// Roles, buggy twin of roles-non-callback-field-safe.c: the routine stored
// in PendingWork is then passed, loaded back from that field, to
// IoQueueWorkItem: ResetWorker is a work item routine (a root), and its
// early return with the lock held is reported.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    PIO_WORKITEM WorkItem;
    PIO_WORKITEM_ROUTINE PendingWork;
    BOOLEAN Resetting;
    ULONG Errors;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;
IO_WORKITEM_ROUTINE ResetWorker;

VOID ResetWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (!DevExt->Resetting) {
        return; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IO_WORKITEM_ROUTINE routine 'ResetWorker' has returned without releasing the spinlock
    }
    DevExt->Resetting = FALSE;
    DevExt->Errors = 0;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    DevExt->Resetting = TRUE;
    DevExt->PendingWork = ResetWorker;
    IoQueueWorkItem(DevExt->WorkItem, DevExt->PendingWork, DelayedWorkQueue, DevExt); // BUG: runs the leaking routine

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
