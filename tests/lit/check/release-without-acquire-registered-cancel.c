// The cancel routine is registered only through IoSetCancelRoutine in the
// read dispatch routine. It is called with the I/O manager's cancel spin lock
// held, and mistakes that lock for the queue lock: it releases
// DevExt->QueueLock, which it never acquired. Not releasing the cancel spin
// lock is the CancelSpinLock rule's defect, reported at its return.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_CANCEL CancelRead;

VOID CancelRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->QueueLock, Irp->CancelIrql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
    Irp->IoStatus.Status = STATUS_CANCELLED;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
} // CHECK: .c:[[@LINE]]:1: error: [CancelSpinLock] The DRIVER_CANCEL routine 'CancelRead' has returned without releasing the cancel spin lock.

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    IoSetCancelRoutine(Irp, CancelRead);
    IoMarkIrpPending(Irp);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
// CHECK: CancelSpinLock: Defect (1 defect, 3 entry routines)
