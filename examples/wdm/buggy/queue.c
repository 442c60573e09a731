/*
 * queue.c - the echo driver's IRP queue. Every access to the queue is made
 * under Ext->QueueLock; IRPs are completed after the lock is dropped.
 */
#include "echo.h"

/* Takes the queue lock itself: do not call with the lock held. */
ULONG EchoQueueDepth(PECHO_EXTENSION Ext)
{
    ULONG Depth;
    KIRQL Irql;

    KeAcquireSpinLock(&Ext->QueueLock, &Irql);
    Depth = Ext->Depth;
    KeReleaseSpinLock(&Ext->QueueLock, Irql);
    return Depth;
}

static VOID EchoComplete(PIRP Irp, NTSTATUS Status, ULONG_PTR Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

VOID EchoCancelIrp(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PECHO_EXTENSION Ext = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoReleaseCancelSpinLock(Irp->CancelIrql);
    KeAcquireSpinLock(&Ext->QueueLock, &Irql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    Ext->Depth--;
    KeReleaseSpinLock(&Ext->QueueLock, Irql);
    EchoComplete(Irp, STATUS_CANCELLED, 0);
}

NTSTATUS EchoDispatchReadWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PECHO_EXTENSION Ext = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    KIRQL Irql;

    if (Stack->MajorFunction == IRP_MJ_READ) {
        EchoComplete(Irp, STATUS_SUCCESS, EchoQueueDepth(Ext));
        return STATUS_SUCCESS;
    }

    KeAcquireSpinLock(&Ext->QueueLock, &Irql);
    IoSetCancelRoutine(Irp, EchoCancelIrp);
    if (Irp->Cancel && IoSetCancelRoutine(Irp, NULL) != NULL) {
        KeReleaseSpinLock(&Ext->QueueLock, Irql);
        EchoComplete(Irp, STATUS_CANCELLED, 0);
        return STATUS_CANCELLED;
    }
    IoMarkIrpPending(Irp);
    InsertTailList(&Ext->Queue, &Irp->Tail.Overlay.ListEntry);
    Ext->Depth++;
    KeReleaseSpinLock(&Ext->QueueLock, Irql);

    KeInsertQueueDpc(&Ext->CompletionDpc, NULL, NULL);
    return STATUS_PENDING;
}

/* Removes the first queued IRP whose cancel routine could still be cleared;
   caller holds the queue lock. */
static PIRP EchoDequeueLocked(PECHO_EXTENSION Ext)
{
    PLIST_ENTRY Entry;

    for (Entry = Ext->Queue.Flink; Entry != &Ext->Queue; Entry = Entry->Flink) {
        PIRP Irp = CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry);
        if (IoSetCancelRoutine(Irp, NULL) != NULL) {
            RemoveEntryList(Entry);
            Ext->Depth--;
            return Irp;
        }
    }
    return NULL;
}

VOID EchoCompletionDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
                       PVOID SystemArgument2)
{
    PECHO_EXTENSION Ext = DeferredContext;
    PIRP Irp;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    for (;;) {
        KeAcquireSpinLockAtDpcLevel(&Ext->QueueLock);
        Irp = EchoDequeueLocked(Ext);
        KeReleaseSpinLockFromDpcLevel(&Ext->QueueLock);
        if (Irp == NULL)
            break;
        EchoComplete(Irp, STATUS_SUCCESS, IoGetCurrentIrpStackLocation(Irp)->Parameters.Write.Length);
    }
}

VOID EchoFlushQueue(PECHO_EXTENSION Ext)
{
    PIRP Irp;
    KIRQL Irql;

    KeAcquireSpinLock(&Ext->QueueLock, &Irql);
    while ((Irp = EchoDequeueLocked(Ext)) != NULL) {
        KeReleaseSpinLock(&Ext->QueueLock, Irql);
        EchoComplete(Irp, STATUS_CANCELLED, 0);
        KeAcquireSpinLock(&Ext->QueueLock, &Irql);
    }
    KeReleaseSpinLock(&Ext->QueueLock, Irql);
}
