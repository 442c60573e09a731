// Lock reached through a chain of pointers: the routine takes the channel's
// lock but releases the ring's lock (a different object) and then the
// channel's. The ring lock release is the defect and is named
// `Ext->Channel->Ring->Lock`.
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
DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&Ext->Channel->Lock, &Irql);
    Ext->Channel->Ring->Tail++;
    KeReleaseSpinLockFromDpcLevel(&Ext->Channel->Ring->Lock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock 'Ext->Channel->Ring->Lock'.
    KeReleaseSpinLock(&Ext->Channel->Lock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
