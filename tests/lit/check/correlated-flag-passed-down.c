// Buggy twin of correlated-flag-passed-down-safe.c: SetValue passes its two
// BOOLEAN arguments to CommitValue in the wrong order. The dispatch routine
// always asks for a notification (Notify TRUE), so CommitValue always
// releases; for the private-value IOCTL the lock was never taken.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define IOCTL_SET_PRIVATE_VALUE CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_SET_SHARED_VALUE  CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KEVENT Changed;
    ULONG Value;
    ULONG Commits;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

static VOID CommitValue(PDEVICE_EXTENSION DevExt, KIRQL Irql, BOOLEAN Locked, BOOLEAN Notify)
{
    DevExt->Commits++;
    if (Locked) {
        KeReleaseSpinLock(&DevExt->Lock, Irql); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
    }
    if (Notify) {
        KeSetEvent(&DevExt->Changed, 0, FALSE);
    }
}

static VOID SetValue(PDEVICE_EXTENSION DevExt, ULONG Value, KIRQL Irql, BOOLEAN Locked,
                     BOOLEAN Notify)
{
    DevExt->Value = Value;
    CommitValue(DevExt, Irql, Notify, Locked); // BUG: Locked and Notify swapped
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG Code = Stack->Parameters.DeviceIoControl.IoControlCode;
    BOOLEAN Shared = (BOOLEAN)(Code == IOCTL_SET_SHARED_VALUE);
    KIRQL Irql = PASSIVE_LEVEL;

    if (Code != IOCTL_SET_SHARED_VALUE && Code != IOCTL_SET_PRIVATE_VALUE) {
        Irp->IoStatus.Status = STATUS_INVALID_DEVICE_REQUEST;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    if (Shared) {
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
    }
    SetValue(DevExt, Stack->Parameters.DeviceIoControl.InputBufferLength, Irql, Shared, TRUE);

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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
