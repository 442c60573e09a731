// x86 names, safe twin of x86-names-fastcall-helper.c: a completion routine
// (x86 IR "\01_WriteComplete@12", registered with IoSetCompletionRoutine)
// locks the queue through the driver's own FASTCALL helpers LockQueue and
// UnlockQueue (x86 IR "\01@LockQueue@8", "\01@UnlockQueue@8"), and starts
// the next write through StartNextWrite after unlocking. Built for both
// targets: the same verdict.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    PDEVICE_OBJECT LowerDevice;
    ULONG Completed;
    ULONG Started;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;
IO_COMPLETION_ROUTINE WriteComplete;

static VOID FASTCALL LockQueue(PDEVICE_EXTENSION DevExt, PKIRQL Irql)
{
    KeAcquireSpinLock(&DevExt->QueueLock, Irql);
}

static VOID FASTCALL UnlockQueue(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
}

static VOID FASTCALL StartNextWrite(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    LockQueue(DevExt, &Irql);
    DevExt->Started++;
    UnlockQueue(DevExt, Irql);
}

NTSTATUS WriteComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    LockQueue(DevExt, &Irql);
    DevExt->Completed++;
    UnlockQueue(DevExt, Irql);
    StartNextWrite(DevExt);
    return STATUS_CONTINUE_COMPLETION;
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, WriteComplete, DevExt, TRUE, TRUE, TRUE);
    return IoCallDriver(DevExt->LowerDevice, Irp);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 3 entry routines)
