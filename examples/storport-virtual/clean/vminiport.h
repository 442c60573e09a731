/*
 * vminiport.h - shared declarations of the sdv-lite example virtual Storport
 * miniport ("vmini"): a RAM-less virtual adapter that queues SCSI requests
 * and completes them from a periodic HW_TIMER routine.
 */
#ifndef VMINIPORT_H
#define VMINIPORT_H

#include <storport.h>

#define VM_POOL_TAG        0x696E6D56UL /* "Vmni" */
#define VM_MAX_QUEUE_DEPTH 32
#define VM_TIMER_INTERVAL  100000       /* microseconds */

/* Per-request state, kept in the SRB extension. */
typedef struct _VM_SRB_EXTENSION {
    LIST_ENTRY Link;
    PSCSI_REQUEST_BLOCK Srb;
    ULONG TicksQueued;
} VM_SRB_EXTENSION, *PVM_SRB_EXTENSION;

/* Per-adapter state: the Storport device extension. */
typedef struct _VM_ADAPTER {
    KSPIN_LOCK QueueLock;         /* protects everything below */
    LIST_ENTRY PendingQueue;      /* VM_SRB_EXTENSION.Link */
    ULONG QueueDepth;
    ULONG Ticks;
    ULONG Completed;
    BOOLEAN Stopped;
    PVOID ServiceIrp;             /* IRP handed in by HwProcessServiceRequest */
} VM_ADAPTER, *PVM_ADAPTER;

/* io.c: the request queue and its lock helpers. */
VOID VmLockQueue(PVM_ADAPTER Adapter, PKIRQL OldIrql);
VOID VmUnlockQueue(PVM_ADAPTER Adapter, KIRQL OldIrql);
BOOLEAN VmQueueRequest(PVM_ADAPTER Adapter, PSCSI_REQUEST_BLOCK Srb);
VOID VmCompleteReady(PVM_ADAPTER Adapter);
VOID VmFlushQueue(PVM_ADAPTER Adapter, UCHAR SrbStatus);
HW_TIMER VmTimer;

#endif /* VMINIPORT_H */
