// Safe twin of held-at-exit-loop.c: the match path releases the lock before
// `break`, so the loop always exits with the lock released.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define SLOT_COUNT 8

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    PIRP Slots[SLOT_COUNT];
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    NTSTATUS Status = STATUS_DEVICE_BUSY;
    KIRQL Irql;
    ULONG i;

    for (i = 0; i < SLOT_COUNT; i++) {
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
        if (DevExt->Slots[i] == NULL) {
            DevExt->Slots[i] = Irp;
            Status = STATUS_PENDING;
            KeReleaseSpinLock(&DevExt->Lock, Irql);
            break;
        }
        KeReleaseSpinLock(&DevExt->Lock, Irql);
    }

    if (Status == STATUS_PENDING) {
        IoMarkIrpPending(Irp);
    } else {
        Irp->IoStatus.Status = Status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
    return Status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects,
