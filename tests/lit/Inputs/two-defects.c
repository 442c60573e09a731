// A small driver with a double acquire through a helper and a lock held at
// exit on an early return; shared by the output-format tests.
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
  ULONG Pending;
  KSPIN_LOCK QueueLock;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchWrite;

static VOID LockQueue(PDEVICE_EXTENSION DevExt, PKIRQL Irql) {
  KeAcquireSpinLock(&DevExt->QueueLock, Irql);
}

NTSTATUS NTAPI DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  PDEVICE_EXTENSION DevExt = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
  KIRQL Irql;
  KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
  LockQueue(DevExt, &Irql);
  KeReleaseSpinLock(&DevExt->QueueLock, Irql);
  return STATUS_SUCCESS;
}

NTSTATUS NTAPI DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  PDEVICE_EXTENSION DevExt = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
  KIRQL Irql;
  LockQueue(DevExt, &Irql);
  if (Irp->IoStatus.Information == 0) {
    return STATUS_INVALID_PARAMETER;
  }
  DevExt->Pending++;
  KeReleaseSpinLock(&DevExt->QueueLock, Irql);
  return STATUS_SUCCESS;
}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
  DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
  return STATUS_SUCCESS;
}
