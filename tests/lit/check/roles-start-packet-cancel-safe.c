// Roles: the read routine queues its IRP with IoStartPacket, whose last
// argument is the cancel routine the I/O manager calls for the IRP while it
// waits in the device queue; the cancel routine is registered nowhere else.
// It releases the cancel spin lock on every path.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <wdm.h>

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_STARTIO StartIo;
DRIVER_CANCEL CancelQueued;

VOID CancelQueued(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    if (Irp == DeviceObject->CurrentIrp) {
        IoReleaseCancelSpinLock(Irp->CancelIrql);
        return;
    }
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

VOID StartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    IoStartNextPacket(DeviceObject, TRUE);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    IoMarkIrpPending(Irp);
    IoStartPacket(DeviceObject, Irp, NULL, CancelQueued);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverStartIo = StartIo;
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: CancelSpinLock: Pass (0 defects, 4 entry routines)
// ROLES: CancelQueued {{ *}}DRIVER_CANCEL {{ *}}passed to IoStartPacket at
