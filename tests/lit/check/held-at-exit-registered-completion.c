// The completion routine is registered only through IoSetCompletionRoutine
// in the write dispatch routine (which forwards the IRP). It takes the
// statistics lock and leaves early on a failed IRP without releasing it.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    KSPIN_LOCK StatsLock;
    ULONG Completed;
    ULONG Failed;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;
IO_COMPLETION_ROUTINE WriteCompletion;

NTSTATUS WriteCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    KeAcquireSpinLock(&DevExt->StatsLock, &Irql);
    if (!NT_SUCCESS(Irp->IoStatus.Status)) {
        DevExt->Failed++;
        return STATUS_CONTINUE_COMPLETION; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IO_COMPLETION_ROUTINE routine 'WriteCompletion' has returned without releasing the spinlock
    }
    DevExt->Completed++;
    KeReleaseSpinLock(&DevExt->StatsLock, Irql);
    return STATUS_CONTINUE_COMPLETION;
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, WriteCompletion, DevExt, TRUE, TRUE, TRUE);
    return IoCallDriver(DevExt->LowerDevice, Irp);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
