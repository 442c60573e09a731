// A search loop takes the lock on every iteration and releases it at the
// end of the iteration, but the `break` on a match leaves the loop with the
// lock held; the routine then returns with it.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
            break; // BUG: leaves the loop without releasing DevExt->Lock
        }
        KeReleaseSpinLock(&DevExt->Lock, Irql);
    }

    if (Status == STATUS_PENDING) {
        IoMarkIrpPending(Irp);
    } else {
        Irp->IoStatus.Status = Status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
    return Status; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_WRITE routine 'DispatchWrite' has returned without releasing the spinlock
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
