// MSVC targets only. The lock is held across a __try/__except: the record
// check inside the __try may raise an exception (ValidateRecord, defined in
// another source file of the driver, raises on a corrupt record). The
// __except handler releases the lock before it completes the request and
// returns; the normal path releases after the __try.
// RUN: %ccmsvc %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets msvc64,msvc86 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK LogLock;
    PVOID LogBuffer;
    ULONG LogLength;
    ULONG Records;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

// Raises an exception if the record at Record is corrupt.
VOID ValidateRecord(PVOID Record, ULONG Length);

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->LogLock, &Irql);
    __try {
        ValidateRecord(DevExt->LogBuffer, DevExt->LogLength);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        KeReleaseSpinLock(&DevExt->LogLock, Irql);
        Irp->IoStatus.Status = STATUS_INVALID_DEVICE_STATE;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INVALID_DEVICE_STATE;
    }
    DevExt->Records++;
    KeReleaseSpinLock(&DevExt->LogLock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
