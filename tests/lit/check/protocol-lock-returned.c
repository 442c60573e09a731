// Buggy twin of protocol-lock-returned-safe.c: the cancel routine releases
// the queue lock through its direct name and then again through the pointer
// GetQueueLock returned. The second release is of a lock no longer held; it
// is the same lock only because the helper returned its address.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    LIST_ENTRY Queue;
    KSPIN_LOCK QueueLock;
    ULONG Queued;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;
DRIVER_CANCEL CancelWrite;

static PKSPIN_LOCK GetQueueLock(PDEVICE_EXTENSION DevExt)
{
    return &DevExt->QueueLock;
}

VOID CancelWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PKSPIN_LOCK Lock = GetQueueLock(DevExt);
    KIRQL Irql;

    IoReleaseCancelSpinLock(Irp->CancelIrql);
    KeAcquireSpinLock(Lock, &Irql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    DevExt->Queued--;
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    Irp->IoStatus.Information = 0;
    // BUG: released above already, under its direct name
    KeReleaseSpinLock(Lock, Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(GetQueueLock(DevExt), &Irql);
    IoSetCancelRoutine(Irp, CancelWrite);
    IoMarkIrpPending(Irp);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    DevExt->Queued++;
    KeReleaseSpinLock(GetQueueLock(DevExt), Irql);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
