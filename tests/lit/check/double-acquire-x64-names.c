// x64 only: KeAcquireSpinLockRaiseToDpc called directly (it is not declared
// for x86) and through the KeAcquireSpinLock macro are the same call in IR;
// the diagnostic names the function as it appears in IR. Also built with the
// MSVC target.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc %s -o %tmsvc.bc
// RUN: not %sdv check %tmsvc.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets x64 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Pending;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;
    KIRQL Irql2;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Pending++;
    Irql2 = KeAcquireSpinLockRaiseToDpc(&DevExt->Lock); // CHECK: .c:[[@LINE]]:13: error: [SpinLockDpc] The driver is calling KeAcquireSpinLockRaiseToDpc after already acquiring the spinlock
    KeReleaseSpinLock(&DevExt->Lock, Irql2);

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
