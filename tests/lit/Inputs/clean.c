// A small driver that follows the rule.
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
  KSPIN_LOCK Lock;
  ULONG Count;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_DISPATCH DispatchRead;

NTSTATUS NTAPI DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  PDEVICE_EXTENSION DevExt = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
  KIRQL Irql;
  KeAcquireSpinLock(&DevExt->Lock, &Irql);
  DevExt->Count++;
  KeReleaseSpinLock(&DevExt->Lock, Irql);
  return STATUS_SUCCESS;
}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
  return STATUS_SUCCESS;
}
