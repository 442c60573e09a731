// As status-phi-safe.c, but the guard is inverted: the common release runs
// on the failure path, after the early release.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
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
    NTSTATUS Status;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->OpenCount != 0) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        Status = STATUS_INVALID_PARAMETER;
    } else {
        DevExt->OpenCount++;
        Status = STATUS_SUCCESS;
    }
    if (!NT_SUCCESS(Status))
        KeReleaseSpinLock(&DevExt->Lock, Irql); // CHECK-DAG: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock 'DevExt->Lock'.
    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status; // CHECK-DAG: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_CREATE routine 'DispatchCreate' has returned without releasing the spinlock 'DevExt->Lock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
    return STATUS_SUCCESS;
}

// CHECK-NOT: error:
// CHECK: SpinLockDpc: Defect (2 defects, 2 entry routines)
