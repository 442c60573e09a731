typedef struct _QUEUE {
  LIST_ENTRY Items;
  KSPIN_LOCK Lock;
  KIRQL OldIrql;
} QUEUE, *PQUEUE;
VOID QueueLock(PQUEUE Queue);
VOID QueueUnlock(PQUEUE Queue);
