// Lock reached through a chain of pointers: the power routine, quiescing
// the ring, releases only the outer channel lock and returns with the ring
// lock held. The diagnostic names it `Ext->Channel->Ring->Lock`.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _RING {
    ULONG Head;
    ULONG Tail;
    KSPIN_LOCK Lock;
} RING, *PRING;

typedef struct _CHANNEL {
    ULONG Id;
    KSPIN_LOCK Lock;
    PRING Ring;
} CHANNEL, *PCHANNEL;

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    PCHANNEL Channel;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchPower;

NTSTATUS DispatchPower(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&Ext->Channel->Lock, &Irql);
    KeAcquireSpinLockAtDpcLevel(&Ext->Channel->Ring->Lock);
    Ext->Channel->Ring->Head = Ext->Channel->Ring->Tail;
    KeReleaseSpinLock(&Ext->Channel->Lock, Irql); // BUG: ring lock still held

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_POWER routine 'DispatchPower' has returned without releasing the spinlock 'Ext->Channel->Ring->Lock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_POWER] = DispatchPower;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
