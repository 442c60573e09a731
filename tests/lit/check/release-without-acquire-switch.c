// The switch runs under the lock, and the common release follows it; the
// ABORT arm also releases (to complete the IRP unlocked) and falls out of
// the switch into the common release, which is then the defect.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define IOCTL_SDV_QUERY CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_SDV_ABORT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Pending;
    PIRP CurrentIrp;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status = STATUS_SUCCESS;
    PIRP Aborted;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    switch (Stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_SDV_QUERY:
        Irp->IoStatus.Information = DevExt->Pending;
        break;
    case IOCTL_SDV_ABORT:
        Aborted = DevExt->CurrentIrp;
        DevExt->CurrentIrp = NULL;
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        if (Aborted != NULL) {
            Aborted->IoStatus.Status = STATUS_CANCELLED;
            IoCompleteRequest(Aborted, IO_NO_INCREMENT);
        }
        break; // BUG: falls into the common release below
    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock

    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
