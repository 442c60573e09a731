// Cancel spin lock, applicability: the driver's cancel routine never
// releases the cancel spin lock the I/O manager calls it holding, and the
// driver calls no cancel spin lock routine anywhere. The rule still
// applies (its cancel routine starts holding the lock): the routine
// returns holding it.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _QUEUE {
    KSPIN_LOCK Lock;
    LIST_ENTRY Irps;
} QUEUE, *PQUEUE;

QUEUE g_Queue;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_CANCEL CancelRead;

VOID CancelRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(DeviceObject);
    KeAcquireSpinLock(&g_Queue.Lock, &Irql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&g_Queue.Lock, Irql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
} // CHECK: .c:[[@LINE]]:1: error: [CancelSpinLock] The DRIVER_CANCEL routine 'CancelRead' has returned without releasing the cancel spin lock.

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(DeviceObject);
    IoMarkIrpPending(Irp);
    KeAcquireSpinLock(&g_Queue.Lock, &Irql);
    InsertTailList(&g_Queue.Irps, &Irp->Tail.Overlay.ListEntry);
    IoSetCancelRoutine(Irp, CancelRead);
    KeReleaseSpinLock(&g_Queue.Lock, Irql);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Queue.Lock);
    InitializeListHead(&g_Queue.Irps);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 3 entry routines)
// CHECK: CancelSpinLock: Defect (1 defect, 3 entry routines)
