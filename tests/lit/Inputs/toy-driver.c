#include <wdm.h>
typedef struct _GATE { int Open; } GATE;
void OpenGate(GATE *G);
void CloseGate(GATE *G);
GATE Front, Back;

NTSTATUS NTAPI DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  OpenGate(&Front);
  OpenGate(&Back);
  CloseGate(&Front);
  return STATUS_SUCCESS;
}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
  return STATUS_SUCCESS;
}
