// Every WDM registration form is found, with its role and evidence.
// Line numbers below refer to DriverEntry's registrations.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv roles %t.bc | FileCheck %s
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv roles %t86.bc | FileCheck %s
// RUN: %ccmsvc %s -o %tmsvc.bc
// RUN: %sdv roles %tmsvc.bc | FileCheck %s
#include <wdm.h>

// CHECK:      FUNCTION ROLE EVIDENCE
// CHECK-NEXT: AddDevice DRIVER_ADD_DEVICE stored into DRIVER_EXTENSION.AddDevice at {{.*}}wdm-registrations.c:65:44
NTSTATUS NTAPI AddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT Pdo) {
  return STATUS_SUCCESS;
}

// CHECK-NEXT: Cancel DRIVER_CANCEL passed to IoSetCancelRoutine (inlined) at {{.*}}wdm-registrations.c:38:3
VOID NTAPI Cancel(PDEVICE_OBJECT DeviceObject, PIRP Irp) {}

// CHECK-NEXT: Completion IO_COMPLETION_ROUTINE passed to IoSetCompletionRoutine (inlined) at {{.*}}wdm-registrations.c:39:3
NTSTATUS NTAPI Completion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context) {
  return STATUS_SUCCESS;
}

// CHECK-NEXT: CreateClose IRP_MJ_CREATE stored into DRIVER_OBJECT.MajorFunction[0] at {{.*}}wdm-registrations.c:60:
// CHECK-NEXT: CreateClose IRP_MJ_CLOSE stored into DRIVER_OBJECT.MajorFunction[2] at {{.*}}wdm-registrations.c:61:
NTSTATUS NTAPI CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  return STATUS_SUCCESS;
}

// CHECK-NEXT: Dpc KDEFERRED_ROUTINE passed to KeInitializeDpc at {{.*}}wdm-registrations.c:66:
VOID NTAPI Dpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {}

// CHECK-NEXT: DriverEntry DRIVER_INITIALIZE by its name

// CHECK-NEXT: Read IRP_MJ_DEVICE_CONTROL stored into DRIVER_OBJECT.MajorFunction[14] at {{.*}}wdm-registrations.c:62:
NTSTATUS NTAPI Read(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  IoSetCancelRoutine(Irp, Cancel);
  IoSetCompletionRoutine(Irp, Completion, NULL, TRUE, TRUE, TRUE);
  return STATUS_PENDING;
}

// CHECK-NEXT: StartIo DRIVER_STARTIO stored into DRIVER_OBJECT.DriverStartIo
VOID NTAPI StartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp) {}

// CHECK-NEXT: Unload DRIVER_UNLOAD stored into DRIVER_OBJECT.DriverUnload
VOID NTAPI Unload(PDRIVER_OBJECT DriverObject) {}

// CHECK-NEXT: WorkItem IO_WORKITEM_ROUTINE passed to IoQueueWorkItem
VOID NTAPI WorkItem(PDEVICE_OBJECT DeviceObject, PVOID Context) {}

// Stored into a field no role is registered by: not an entry routine.
VOID NTAPI NotARoutine(PDEVICE_OBJECT DeviceObject, PVOID Context) {}
typedef struct _OPS { VOID (NTAPI *Op)(PDEVICE_OBJECT, PVOID); } OPS;
OPS Ops;

KDPC TheDpc;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  DriverObject->MajorFunction[IRP_MJ_CREATE] = CreateClose;
  DriverObject->MajorFunction[IRP_MJ_CLOSE] = CreateClose;
  DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Read;
  DriverObject->DriverStartIo = StartIo;
  DriverObject->DriverUnload = Unload;
  DriverObject->DriverExtension->AddDevice = AddDevice;
  KeInitializeDpc(&TheDpc, Dpc, NULL);
  IoQueueWorkItem(IoAllocateWorkItem(NULL), WorkItem, DelayedWorkQueue, NULL);
  Ops.Op = NotARoutine;
  return STATUS_SUCCESS;
}
// CHECK-NEXT: 10 entry routines
// CHECK-NOT: NotARoutine
