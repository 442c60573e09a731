// Lock reached through a chain of pointers (extension -> channel -> ring).
// At -O0 every `->` is reloaded; nothing writes the pointers in between, so
// both acquires name the same lock object.
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
    PRING Ring;
} CHANNEL, *PCHANNEL;

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    PCHANNEL Channel;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = DeviceObject->DeviceExtension;
    KIRQL Irql;
    KIRQL Irql2;

    KeAcquireSpinLock(&Ext->Channel->Ring->Lock, &Irql);
    Ext->Channel->Ring->Head++;
    KeAcquireSpinLock(&Ext->Channel->Ring->Lock, &Irql2); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock 'Ext->Channel->Ring->Lock'.
    Ext->Channel->Ring->Tail++;
    KeReleaseSpinLock(&Ext->Channel->Ring->Lock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
