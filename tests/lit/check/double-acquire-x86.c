// x86 only: KeAcquireSpinLock is a macro over the fastcall HAL export
// KfAcquireSpinLock, which appears in IR as "\01@KfAcquireSpinLock@4". The
// diagnostic names the function with the decoration stripped.
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets x86 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG OpenCount;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCreate;

NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;
    KIRQL Irql2;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->OpenCount++;
    KeAcquireSpinLock(&DevExt->Lock, &Irql2); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling KeAcquireSpinLock (KfAcquireSpinLock) after already acquiring the spinlock
    KeReleaseSpinLock(&DevExt->Lock, Irql);

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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
