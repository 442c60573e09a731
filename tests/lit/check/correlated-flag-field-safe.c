// Conditional locking correlated on a structure field read twice: the
// completion routine (registered with IoSetCompletionRoutine) takes the
// tracking lock only if DevExt->Tracking is set, and releases it under the
// same test. Between the two reads only other fields of the extension and a
// local are written, so both reads give the same value on every path.
// The lock calls between the reads touch no memory the driver reads, so
// the two reads are one value.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    KSPIN_LOCK TrackLock;
    ULONG Completed;
    NTSTATUS LastStatus;
    BOOLEAN Tracking;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
IO_COMPLETION_ROUTINE ReadCompletion;

NTSTATUS ReadCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = Context;
    KIRQL Irql = PASSIVE_LEVEL;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (DevExt->Tracking) {
        KeAcquireSpinLock(&DevExt->TrackLock, &Irql);
    }
    DevExt->Completed++;
    DevExt->LastStatus = Irp->IoStatus.Status;
    if (DevExt->Tracking) {
        KeReleaseSpinLock(&DevExt->TrackLock, Irql);
    }
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    return STATUS_CONTINUE_COMPLETION;
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, ReadCompletion, DevExt, TRUE, TRUE, TRUE);
    return IoCallDriver(DevExt->LowerDevice, Irp);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 3 entry routines)
