// Safe twin of double-acquire-local.c: two distinct local locks, nested.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCreate;

NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KSPIN_LOCK Lock;
    KSPIN_LOCK Other;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    KeInitializeSpinLock(&Lock);
    KeInitializeSpinLock(&Other);
    KeAcquireSpinLock(&Lock, &Irql);
    KeAcquireSpinLockAtDpcLevel(&Other);
    Irp->IoStatus.Information = 0;
    KeReleaseSpinLockFromDpcLevel(&Other);
    KeReleaseSpinLock(&Lock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects,
