// Lock in a local variable of the dispatch routine, taken twice: the
// diagnostic names the local.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCreate;

NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KSPIN_LOCK Lock;
    KIRQL Irql;
    KIRQL Irql2;

    UNREFERENCED_PARAMETER(DeviceObject);
    KeInitializeSpinLock(&Lock);
    KeAcquireSpinLock(&Lock, &Irql);
    Irp->IoStatus.Information = 0;
    KeAcquireSpinLock(&Lock, &Irql2); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock 'Lock'.
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

// CHECK: SpinLockDpc: Defect (1 defect,
