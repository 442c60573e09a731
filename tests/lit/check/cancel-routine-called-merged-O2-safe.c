// A dispatch routine that holds the cancel spin lock while it sets one of
// two cancel routines, and calls the routine itself through Irp->CancelRoutine
// when the IRP was already cancelled: the routine releases the cancel spin
// lock. clang -O2 merges the two inlined exchanges into one whose value is a
// phi of the two routines; the call through the IRP goes to either. Safe
// twin of cancel-routine-called-merged-O2.c: the dispatch routine leaves the
// release to the cancel routine.
// RUN: %cc64 -O2 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    LIST_ENTRY Queue;
    BOOLEAN Busy;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_CANCEL CancelQueued;
DRIVER_CANCEL CancelActive;

VOID CancelQueued(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

VOID CancelActive(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PDRIVER_CANCEL Old;

    IoAcquireCancelSpinLock(&Irp->CancelIrql);
    if (DevExt->Busy) {
        InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
        Old = IoSetCancelRoutine(Irp, CancelQueued);
    } else {
        Old = IoSetCancelRoutine(Irp, CancelActive);
    }
    if (Irp->Cancel && Old == NULL) {
        Irp->CancelRoutine(DeviceObject, Irp);
        return STATUS_CANCELLED;
    }
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: CancelSpinLock: Pass (0 defects, 4 entry routines)
