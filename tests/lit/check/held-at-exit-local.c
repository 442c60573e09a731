// Lock in a field of a local structure: acquired, never released, and the
// routine returns (the lock object dies with the frame, but it is still held
// at the return). The diagnostic names it `Ctx.Lock`.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _SCAN_CONTEXT {
    ULONG Found;
    KSPIN_LOCK Lock;
} SCAN_CONTEXT;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchInternalIoctl;

NTSTATUS DispatchInternalIoctl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    SCAN_CONTEXT Ctx;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    Ctx.Found = 0;
    KeInitializeSpinLock(&Ctx.Lock);
    KeAcquireSpinLock(&Ctx.Lock, &Irql);
    Ctx.Found++;

    Irp->IoStatus.Information = Ctx.Found;
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_INTERNAL_DEVICE_CONTROL routine 'DispatchInternalIoctl' has returned without releasing the spinlock 'Ctx.Lock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = DispatchInternalIoctl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
