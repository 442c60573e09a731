// Buggy twin of correlated-flag-field-safe.c: the completion routine turns
// tracking on when it sees a failure, between the test that guards the
// acquire and the test that guards the release. When Tracking was FALSE and
// the request failed, the lock is released without having been taken.
// The second read is the phi of the written value and the first read (GVN
// in canonicalisation): the path that took the lock and the path that set
// the flag both release, and only the latter is wrong; no held-at-exit.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    if (!NT_SUCCESS(Irp->IoStatus.Status)) {
        DevExt->Tracking = TRUE; // BUG: the flag changes between the two tests
    }
    if (DevExt->Tracking) {
        KeReleaseSpinLock(&DevExt->TrackLock, Irql); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
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

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
