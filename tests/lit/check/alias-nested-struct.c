// Buggy twin of alias-nested-struct-safe.c: the ring pointer is set to the
// embedded Rx ring instead of Tx, so `&Ring->Lock` is
// `&DevExt->Port.Rx.Lock`, already held: a double acquire (afterwards the
// lock is untracked: no more reports).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _RING {
    KSPIN_LOCK Lock;
    ULONG Head;
    ULONG Tail;
} RING, *PRING;

typedef struct _PORT {
    ULONG Id;
    RING Rx;
    RING Tx;
} PORT;

typedef struct _DEVICE_EXTENSION {
    ULONG Flags;
    PORT Port;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchInternalDeviceControl;

NTSTATUS DispatchInternalDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PRING Ring;
    KIRQL Irql;

    // Loop a received packet back: consume from Rx, produce into Tx.
    KeAcquireSpinLock(&DevExt->Port.Rx.Lock, &Irql);
    Ring = &DevExt->Port.Rx; // BUG: meant &DevExt->Port.Tx
    KeAcquireSpinLockAtDpcLevel(&Ring->Lock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    if (DevExt->Port.Rx.Head != DevExt->Port.Rx.Tail) {
        DevExt->Port.Rx.Head++;
        Ring->Tail++;
    }
    KeReleaseSpinLockFromDpcLevel(&Ring->Lock);
    KeReleaseSpinLock(&DevExt->Port.Rx.Lock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = DispatchInternalDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
