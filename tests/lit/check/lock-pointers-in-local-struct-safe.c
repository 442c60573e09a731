// The lock pointers are kept in a local structure; the pair is taken in
// order and dropped in reverse, through the structure and through the
// locks' own names (SROA makes them one value).
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK A;
    KSPIN_LOCK B;
    ULONG Moved;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef struct _LOCK_PAIR {
    PKSPIN_LOCK First;
    PKSPIN_LOCK Second;
    KIRQL Irql;
} LOCK_PAIR;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = DeviceObject->DeviceExtension;
    LOCK_PAIR Pair;

    Pair.First = &Ext->A;
    Pair.Second = &Ext->B;
    KeAcquireSpinLock(Pair.First, &Pair.Irql);
    KeAcquireSpinLockAtDpcLevel(Pair.Second);
    Ext->Moved++;
    KeReleaseSpinLockFromDpcLevel(&Ext->B);
    KeReleaseSpinLock(&Ext->A, Pair.Irql);

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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
