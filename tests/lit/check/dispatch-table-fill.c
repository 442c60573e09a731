// The dispatch table is filled with one routine by RtlFillMemoryUlong (the
// routine's address as the fill pattern), then one slot is overwritten.
// Dispatch is a dispatch routine for every other major function.
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t86.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <wdm.h>

NTSYSAPI VOID NTAPI RtlFillMemoryUlong(PVOID Destination, SIZE_T Length, ULONG Pattern);

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Opens;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH Dispatch;
DRIVER_DISPATCH DispatchDeviceControl;

// ROLES: Dispatch DRIVER_DISPATCH filled into DRIVER_OBJECT.MajorFunction by RtlFillMemoryUlong at {{.*}}dispatch-table-fill.c:43:5
NTSTATUS Dispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Opens++;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The DRIVER_DISPATCH routine 'Dispatch' has returned without releasing the spinlock 'DevExt->Lock'.
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    RtlFillMemoryUlong(DriverObject->MajorFunction, sizeof(DriverObject->MajorFunction),
                       (ULONG)(ULONG_PTR)Dispatch);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
