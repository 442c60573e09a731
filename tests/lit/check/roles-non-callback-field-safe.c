// Roles: a routine stored in a field that nothing calls through or
// registers is not a root. The device control routine records ResetWorker
// in the extension's PendingWork field (to be queued when the device
// restarts, which this fragment does not do). ResetWorker returns early
// with the lock held, but the OS never runs it.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
        return;
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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
