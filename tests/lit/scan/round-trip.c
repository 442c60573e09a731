// Round trip: the map `sdv-lite scan` writes from this driver's role-type
// declarations, read back with --map, gives every routine the roles the
// registrations in DriverEntry give it (`sdv-lite roles` without a map),
// with no warning.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv scan %s -o %t.map.h
// RUN: %sdv roles --no-auto-map %t.bc > %t.ir.txt
// RUN: FileCheck %s --check-prefix=IR < %t.ir.txt
// RUN: awk 'NR > 1 && !/ entry routines?$/ { print $1, $2 }' %t.ir.txt | sort > %t.ir.pairs
// RUN: %sdv roles --map %t.map.h %t.bc 2>%t.map.err > %t.map.txt
// RUN: count 0 < %t.map.err
// RUN: grep 'declared by' %t.map.txt | awk '{ print $1, $2 }' | sort > %t.map.pairs
// RUN: diff %t.ir.pairs %t.map.pairs
// Both verdicts agree too.
// RUN: %sdv check --no-auto-map %t.bc | FileCheck %s --check-prefix=VERDICT
// RUN: %sdv check --map %t.map.h %t.bc | FileCheck %s --check-prefix=VERDICT
#include <wdm.h>

// IR: AddDevice DRIVER_ADD_DEVICE stored into
// IR: Cancel DRIVER_CANCEL
// IR: Completion IO_COMPLETION_ROUTINE
// IR: CreateClose IRP_MJ_CREATE
// IR: CreateClose IRP_MJ_CLOSE
// IR: Dpc KDEFERRED_ROUTINE
// IR: DriverEntry DRIVER_INITIALIZE by its name
// IR: Isr KSERVICE_ROUTINE
// IR: Read IRP_MJ_READ
// IR: StartIo DRIVER_STARTIO
// IR: Unload DRIVER_UNLOAD
// IR: WorkItem IO_WORKITEM_ROUTINE
// IR: 11 entry routines
// VERDICT: SpinLockDpc: Pass (0 defects, 11 entry routines)

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE AddDevice;
DRIVER_UNLOAD Unload;
DRIVER_STARTIO StartIo;
_Dispatch_type_(IRP_MJ_CREATE)
_Dispatch_type_(IRP_MJ_CLOSE)
DRIVER_DISPATCH CreateClose;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH Read;
DRIVER_CANCEL Cancel;
IO_COMPLETION_ROUTINE Completion;
KDEFERRED_ROUTINE Dpc;
IO_WORKITEM_ROUTINE WorkItem;
KSERVICE_ROUTINE Isr;

KSPIN_LOCK Lock;
KDPC TheDpc;
PKINTERRUPT Interrupt;

static VOID Touch(void) {
  KIRQL Irql;
  KeAcquireSpinLock(&Lock, &Irql);
  KeReleaseSpinLock(&Lock, Irql);
}

NTSTATUS NTAPI AddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT Pdo) {
  return STATUS_SUCCESS;
}
VOID NTAPI Cancel(PDEVICE_OBJECT DeviceObject, PIRP Irp) { IoReleaseCancelSpinLock(Irp->CancelIrql); Touch(); }
NTSTATUS NTAPI Completion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context) {
  return STATUS_SUCCESS;
}
NTSTATUS NTAPI CreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  return STATUS_SUCCESS;
}
VOID NTAPI Dpc(PKDPC D, PVOID Context, PVOID Arg1, PVOID Arg2) { Touch(); }
BOOLEAN NTAPI Isr(PKINTERRUPT I, PVOID Context) { return FALSE; }
NTSTATUS NTAPI Read(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  Touch();
  IoSetCancelRoutine(Irp, Cancel);
  IoSetCompletionRoutine(Irp, Completion, NULL, TRUE, TRUE, TRUE);
  return STATUS_PENDING;
}
VOID NTAPI StartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp) {}
VOID NTAPI Unload(PDRIVER_OBJECT DriverObject) {}
VOID NTAPI WorkItem(PDEVICE_OBJECT DeviceObject, PVOID Context) {}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  DriverObject->MajorFunction[IRP_MJ_CREATE] = CreateClose;
  DriverObject->MajorFunction[IRP_MJ_CLOSE] = CreateClose;
  DriverObject->MajorFunction[IRP_MJ_READ] = Read;
  DriverObject->DriverStartIo = StartIo;
  DriverObject->DriverUnload = Unload;
  DriverObject->DriverExtension->AddDevice = AddDevice;
  KeInitializeDpc(&TheDpc, Dpc, NULL);
  IoQueueWorkItem(IoAllocateWorkItem(NULL), WorkItem, DelayedWorkQueue, NULL);
  IoConnectInterrupt(&Interrupt, Isr, NULL, NULL, 0, 0, 0, LevelSensitive, FALSE, 1,
                     FALSE);
  return STATUS_SUCCESS;
}
