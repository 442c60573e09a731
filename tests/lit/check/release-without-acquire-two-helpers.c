// Two helper levels: CompleteCurrent -> DropLock releases the lock, but the
// StartIo routine calls CompleteCurrent without holding it.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KeReleaseSpinLock(&DevExt->Lock, DevExt->LockIrql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
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

    DevExt->CurrentIrp = Irp;
    CompleteCurrent(DevExt, DeviceObject); // BUG: DevExt->Lock is not held here
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

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
