// Roles, buggy twin of roles-registration-through-helper-safe.c: the
// completion routine, registered only through the parameter of
// ForwardWithCompletion, returns early on the failure path with the queue
// lock held.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    PDEVICE_OBJECT LowerDevice;
    ULONG Completed;
    ULONG Failed;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchWrite;
IO_COMPLETION_ROUTINE ReadComplete;
DRIVER_CANCEL CancelQueued;

static NTSTATUS ForwardWithCompletion(PDEVICE_EXTENSION DevExt, PIRP Irp,
                                      PIO_COMPLETION_ROUTINE Routine)
{
    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, Routine, DevExt, TRUE, TRUE, TRUE);
    return IoCallDriver(DevExt->LowerDevice, Irp);
}

static VOID QueueCancelable(PDEVICE_EXTENSION DevExt, PIRP Irp, PDRIVER_CANCEL Routine)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    IoSetCancelRoutine(Irp, Routine);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
}

NTSTATUS ReadComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    if (!NT_SUCCESS(Irp->IoStatus.Status)) {
        DevExt->Failed++;
        return STATUS_CONTINUE_COMPLETION; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IO_COMPLETION_ROUTINE routine 'ReadComplete' has returned without releasing the spinlock
    }
    DevExt->Completed++;
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
    return STATUS_CONTINUE_COMPLETION;
}

VOID CancelQueued(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoReleaseCancelSpinLock(Irp->CancelIrql);
    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    return ForwardWithCompletion(DeviceObject->DeviceExtension, Irp, ReadComplete);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    IoMarkIrpPending(Irp);
    QueueCancelable(DeviceObject->DeviceExtension, Irp, CancelQueued);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 5 entry routines)
