// Safe twin of release-without-acquire-two-helpers.c: StartIo takes the
// lock before calling CompleteCurrent, whose callee DropLock releases it.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    PIRP CurrentIrp;
    KIRQL LockIrql;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_STARTIO StartIo;
DRIVER_DISPATCH DispatchRead;

static VOID DropLock(PDEVICE_EXTENSION DevExt)
{
    KeReleaseSpinLock(&DevExt->Lock, DevExt->LockIrql);
}

// Called with DevExt->Lock held; returns with it released.
static VOID CompleteCurrent(PDEVICE_EXTENSION DevExt, PDEVICE_OBJECT DeviceObject)
{
    PIRP Irp = DevExt->CurrentIrp;

    DevExt->CurrentIrp = NULL;
    DropLock(DevExt);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    IoStartNextPacket(DeviceObject, FALSE);
}

VOID StartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    KeAcquireSpinLock(&DevExt->Lock, &DevExt->LockIrql);
    DevExt->CurrentIrp = Irp;
    CompleteCurrent(DevExt, DeviceObject);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    IoMarkIrpPending(Irp);
    IoStartPacket(DeviceObject, Irp, NULL, NULL);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->DriverStartIo = StartIo;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 3 entry routines)
