// Cancelling a driver's queued IRPs by hand, as a kernel-streaming library
// does: under the queue lock each IRP's cancel routine is taken out with
// IoSetCancelRoutine(Irp, NULL); when there was one, the queue lock is
// dropped, the cancel spin lock taken and the cancel routine called with
// it, as the I/O manager would. The routine is one the driver stored into
// Irp->CancelRoutine, and it releases the cancel spin lock. (Unoptimised
// builds only: -O1 and -O2 fold the IRP's address into the exchange's, from
// the list entry, and the slot the routine is taken from is not named; the
// call is not followed and the cancel spin lock is reported held: README,
// known approximations.)
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
#include <wdm.h>

typedef struct _QUEUE {
    KSPIN_LOCK Lock;
    LIST_ENTRY Irps;
} QUEUE, *PQUEUE;

QUEUE g_Queue;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchCleanup;
DRIVER_CANCEL CancelRead;

VOID CancelRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(DeviceObject);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    KeAcquireSpinLock(&g_Queue.Lock, &Irql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&g_Queue.Lock, Irql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

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

static VOID CancelQueued(PDEVICE_OBJECT DeviceObject)
{
    PLIST_ENTRY Entry, Next;
    KIRQL Irql;

    KeAcquireSpinLock(&g_Queue.Lock, &Irql);
    for (Entry = g_Queue.Irps.Flink; Entry != &g_Queue.Irps; Entry = Next) {
        PIRP Irp = CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry);
        PDRIVER_CANCEL OldCancel;

        Next = Entry->Flink;
        Irp->Cancel = TRUE;
        OldCancel = IoSetCancelRoutine(Irp, NULL);
        if (OldCancel) {
            KeReleaseSpinLock(&g_Queue.Lock, Irql);
            IoAcquireCancelSpinLock(&Irp->CancelIrql);
            OldCancel(DeviceObject, Irp);
            KeAcquireSpinLock(&g_Queue.Lock, &Irql);
        }
    }
    KeReleaseSpinLock(&g_Queue.Lock, Irql);
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    CancelQueued(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Queue.Lock);
    InitializeListHead(&g_Queue.Irps);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 4 entry routines)
// CHECK: CancelSpinLock: Pass (0 defects, 4 entry routines)
