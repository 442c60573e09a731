// A driver whose registrations a role map can contradict: DispatchWrite is
// stored into MajorFunction[IRP_MJ_WRITE] and Cancel is a cancel routine.
#include <wdm.h>

KSPIN_LOCK Lock;

NTSTATUS NTAPI DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  KIRQL Irql;
  KeAcquireSpinLock(&Lock, &Irql);
  KeReleaseSpinLock(&Lock, Irql);
  return STATUS_SUCCESS;
}

NTSTATUS NTAPI DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  return STATUS_SUCCESS;
}

VOID NTAPI Cancel(PDEVICE_OBJECT DeviceObject, PIRP Irp) { IoReleaseCancelSpinLock(Irp->CancelIrql); }

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
  DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
  return STATUS_SUCCESS;
}

VOID NTAPI Arm(PIRP Irp) { IoSetCancelRoutine(Irp, Cancel); }
