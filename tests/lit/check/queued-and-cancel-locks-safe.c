// In-stack queued spin locks and the I/O manager's cancel spin lock are
// separate disciplines (the QueuedSpinLock and CancelSpinLock rules), not
// SpinLockDpc. Nothing here is a SpinLockDpc defect:
//  - KeAcquireInStackQueuedSpinLock takes a PKSPIN_LOCK first, like the
//    monitored routines, but is released through its handle;
//  - the cancel routine releases the cancel spin lock it was called with;
//  - the cleanup routine takes the cancel spin lock itself and releases it.
// The plain KSPIN_LOCK use in the read routine is correct.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    KSPIN_LOCK StatsLock;
    LIST_ENTRY Queue;
    ULONG Reads;
    ULONG Cancelled;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchCleanup;
DRIVER_CANCEL CancelRead;

VOID CancelRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;

    IoReleaseCancelSpinLock(Irp->CancelIrql);
    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &Handle);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    DevExt->Cancelled++;
    KeReleaseInStackQueuedSpinLock(&Handle);

    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KLOCK_QUEUE_HANDLE Handle;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->StatsLock, &Irql);
    DevExt->Reads++;
    KeReleaseSpinLock(&DevExt->StatsLock, Irql);

    KeAcquireInStackQueuedSpinLock(&DevExt->QueueLock, &Handle);
    IoSetCancelRoutine(Irp, CancelRead);
    IoMarkIrpPending(Irp);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseInStackQueuedSpinLock(&Handle);
    return STATUS_PENDING;
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL CancelIrql;

    IoAcquireCancelSpinLock(&CancelIrql);
    DevExt->Cancelled = 0;
    IoReleaseCancelSpinLock(CancelIrql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 4 entry routines)
