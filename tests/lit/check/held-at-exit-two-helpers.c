// Two helper levels: BeginTransfer -> LockDevice takes the lock, and
// BeginTransfer returns with it held on every path (by contract the caller
// ends with EndTransfer). The dispatch routine's error path returns without
// EndTransfer.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KIRQL LockIrql;
    ULONG Capacity;
    ULONG InFlight;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

static VOID LockDevice(PDEVICE_EXTENSION DevExt)
{
    KeAcquireSpinLock(&DevExt->Lock, &DevExt->LockIrql);
}

static VOID UnlockDevice(PDEVICE_EXTENSION DevExt)
{
    KeReleaseSpinLock(&DevExt->Lock, DevExt->LockIrql);
}

// Returns with the device lock held, whatever the status.
static NTSTATUS BeginTransfer(PDEVICE_EXTENSION DevExt, ULONG Length)
{
    LockDevice(DevExt);
    if (Length > DevExt->Capacity - DevExt->InFlight) {
        return STATUS_DEVICE_BUSY;
    }
    DevExt->InFlight += Length;
    return STATUS_SUCCESS;
}

static VOID EndTransfer(PDEVICE_EXTENSION DevExt)
{
    UnlockDevice(DevExt);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status;

    Status = BeginTransfer(DevExt, Stack->Parameters.Read.Length);
    if (!NT_SUCCESS(Status)) {
        Irp->IoStatus.Status = Status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return Status; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the spinlock
    }
    EndTransfer(DevExt);

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
