#include <wdm.h>
#include "queue.h"

NTSTATUS NTAPI DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  PQUEUE Queue = (PQUEUE)DeviceObject->DeviceExtension;
  QueueLock(Queue);
  QueueLock(Queue);
  QueueUnlock(Queue);
  return STATUS_SUCCESS;
}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
  return STATUS_SUCCESS;
}
