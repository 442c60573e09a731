// Routines the driver registers nowhere visible in the IR (e.g. through a
// table the tool cannot read): only --entry or a role map makes them roots.
#include <wdm.h>

KSPIN_LOCK QueueLock;

NTSTATUS NTAPI HiddenRead(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  KIRQL Irql;
  KeAcquireSpinLock(&QueueLock, &Irql);
  if (Irp == NULL)
    return STATUS_INVALID_PARAMETER;
  KeReleaseSpinLock(&QueueLock, Irql);
  return STATUS_SUCCESS;
}

VOID NTAPI HiddenCancel(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  KIRQL Irql;
  IoReleaseCancelSpinLock(Irp->CancelIrql);
  KeAcquireSpinLock(&QueueLock, &Irql);
  KeReleaseSpinLock(&QueueLock, Irql);
}
