// Safe twin of double-acquire-loop.c: the retry path drops the lock before
// `continue`, so every iteration starts with the lock released. A second
// routine re-acquires the lock on every iteration of a counted loop.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    BOOLEAN Busy;
    PIRP CurrentIrp;
    ULONG Slots[8];
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;
DRIVER_DISPATCH DispatchCleanup;

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    for (;;) {
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
        if (DevExt->Busy) {
            KeReleaseSpinLock(&DevExt->Lock, Irql);
            continue;
        }
        DevExt->Busy = TRUE;
        DevExt->CurrentIrp = Irp;
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        break;
    }

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;
    ULONG i;

    for (i = 0; i < 8; i++) {
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
        DevExt->Slots[i] = 0;
        KeReleaseSpinLock(&DevExt->Lock, Irql);
    }

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects,
