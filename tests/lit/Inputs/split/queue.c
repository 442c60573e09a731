#include <wdm.h>
#include "queue.h"

VOID QueueLock(PQUEUE Queue) {
  KeAcquireSpinLock(&Queue->Lock, &Queue->OldIrql);
}

VOID QueueUnlock(PQUEUE Queue) {
  KeReleaseSpinLock(&Queue->Lock, Queue->OldIrql);
}
