// Conditional locking correlated on a structure field read twice, with a
// call through a function pointer between the reads: the completion
// routine takes the tracking lock only if DevExt->Tracking is set, kicks
// the ring through the extension's Kick pointer, and releases under the
// same test. The driver stores only KickRing into Kick, and KickRing
// writes other fields, so the two reads are one value. Buggy twin:
// flag-across-indirect-call.c.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    KSPIN_LOCK TrackLock;
    ULONG Kicks;
    ULONG Completed;
    BOOLEAN Tracking;
    VOID (*Kick)(struct _DEVICE_EXTENSION *DevExt);
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
IO_COMPLETION_ROUTINE ReadCompletion;

static VOID KickRing(PDEVICE_EXTENSION DevExt)
{
    DevExt->Kicks++;
}

NTSTATUS ReadCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = Context;
    KIRQL Irql = PASSIVE_LEVEL;

    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    if (DevExt->Tracking) {
        KeAcquireSpinLock(&DevExt->TrackLock, &Irql);
    }
    DevExt->Completed++;
    DevExt->Kick(DevExt);
    if (DevExt->Tracking) {
        KeReleaseSpinLock(&DevExt->TrackLock, Irql);
    }
    return STATUS_CONTINUE_COMPLETION;
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    DevExt->Kick = KickRing;
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
