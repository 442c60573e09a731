// Conditional locking correlated on a structure field read twice, with a
// call through a function pointer between the reads: the completion
// routine takes the tracking lock only if DevExt->Tracking is set, kicks
// the ring through the extension's Kick pointer, and releases under the
// same test. Buggy: KickRing, the only routine the driver stores into
// Kick, also re-decides whether to track (by the count of kicks), so the
// release may be skipped after the acquire, or run without it. Safe twin:
// flag-across-indirect-call-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    DevExt->Tracking = DevExt->Kicks < 1000;
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
        KeReleaseSpinLock(&DevExt->TrackLock, Irql); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling KeReleaseSpinLock{{( \(KfReleaseSpinLock\))?}} without first acquiring the spinlock 'DevExt->TrackLock'.
    }
    return STATUS_CONTINUE_COMPLETION; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IO_COMPLETION_ROUTINE routine 'ReadCompletion' has returned without releasing the spinlock 'DevExt->TrackLock'.
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

// CHECK: SpinLockDpc: Defect (2 defects, 3 entry routines)
