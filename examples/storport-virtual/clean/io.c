/*
 * io.c - the request queue of the example virtual Storport miniport. Every
 * access to the queue is made under Adapter->QueueLock, through
 * VmLockQueue/VmUnlockQueue. Completions are made after the lock is dropped.
 */
#include "vminiport.h"

VOID VmLockQueue(PVM_ADAPTER Adapter, PKIRQL OldIrql)
{
    KeAcquireSpinLock(&Adapter->QueueLock, OldIrql);
}

VOID VmUnlockQueue(PVM_ADAPTER Adapter, KIRQL OldIrql)
{
    KeReleaseSpinLock(&Adapter->QueueLock, OldIrql);
}

/* Queues Srb for completion by the timer; FALSE if the queue is full or the
   adapter is stopped. */
BOOLEAN VmQueueRequest(PVM_ADAPTER Adapter, PSCSI_REQUEST_BLOCK Srb)
{
    PVM_SRB_EXTENSION SrbExt = Srb->SrbExtension;
    KIRQL Irql;

    VmLockQueue(Adapter, &Irql);
    if (Adapter->Stopped || Adapter->QueueDepth >= VM_MAX_QUEUE_DEPTH) {
        VmUnlockQueue(Adapter, Irql);
        return FALSE;
    }
    SrbExt->TicksQueued = Adapter->Ticks;
    InsertTailList(&Adapter->PendingQueue, &SrbExt->Link);
    Adapter->QueueDepth++;
    VmUnlockQueue(Adapter, Irql);
    return TRUE;
}

/* Moves every queued request older than one tick to Done; caller holds the
   queue lock. */
static VOID VmCollectReadyLocked(PVM_ADAPTER Adapter, PLIST_ENTRY Done)
{
    PLIST_ENTRY Entry = Adapter->PendingQueue.Flink;

    while (Entry != &Adapter->PendingQueue) {
        PVM_SRB_EXTENSION SrbExt = CONTAINING_RECORD(Entry, VM_SRB_EXTENSION, Link);
        Entry = Entry->Flink;
        if (SrbExt->TicksQueued != Adapter->Ticks) {
            RemoveEntryList(&SrbExt->Link);
            Adapter->QueueDepth--;
            InsertTailList(Done, &SrbExt->Link);
        }
    }
}

static VOID VmCompleteList(PVM_ADAPTER Adapter, PLIST_ENTRY Done, UCHAR SrbStatus)
{
    while (!IsListEmpty(Done)) {
        PLIST_ENTRY Entry = RemoveHeadList(Done);
        PVM_SRB_EXTENSION SrbExt = CONTAINING_RECORD(Entry, VM_SRB_EXTENSION, Link);
        SrbExt->Srb->SrbStatus = SrbStatus;
        StorPortNotification(RequestComplete, Adapter, SrbExt->Srb);
    }
}

VOID VmCompleteReady(PVM_ADAPTER Adapter)
{
    LIST_ENTRY Done;
    KIRQL Irql;

    InitializeListHead(&Done);
    VmLockQueue(Adapter, &Irql);
    Adapter->Ticks++;
    VmCollectReadyLocked(Adapter, &Done);
    VmUnlockQueue(Adapter, Irql);
    VmCompleteList(Adapter, &Done, SRB_STATUS_SUCCESS);
}

VOID VmFlushQueue(PVM_ADAPTER Adapter, UCHAR SrbStatus)
{
    LIST_ENTRY Done;
    KIRQL Irql;

    InitializeListHead(&Done);
    VmLockQueue(Adapter, &Irql);
    while (!IsListEmpty(&Adapter->PendingQueue)) {
        InsertTailList(&Done, RemoveHeadList(&Adapter->PendingQueue));
    }
    Adapter->QueueDepth = 0;
    VmUnlockQueue(Adapter, Irql);
    VmCompleteList(Adapter, &Done, SrbStatus);
}

/* HW_TIMER: completes the requests that have waited one tick, re-arms. */
VOID VmTimer(PVOID DeviceExtension)
{
    PVM_ADAPTER Adapter = DeviceExtension;

    VmCompleteReady(Adapter);
    StorPortNotification(RequestTimerCall, Adapter, VmTimer, (ULONG)VM_TIMER_INTERVAL);
}
