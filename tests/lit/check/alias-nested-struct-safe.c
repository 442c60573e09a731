// Lock identity inside nested embedded structures: the port structure
// embedded in the extension embeds two rings of one type, each with its own
// lock at the same offset within the ring. `&DevExt->Port.Rx.Lock` and
// `&DevExt->Port.Tx.Lock` are different locks; the Tx lock is taken and
// released through a pointer to the embedded ring (`&Ring->Lock`), nested
// inside the Rx lock.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    Ring = &DevExt->Port.Tx;
    KeAcquireSpinLockAtDpcLevel(&Ring->Lock);
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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
