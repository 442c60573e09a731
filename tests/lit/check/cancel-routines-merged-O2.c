// Two IoSetCancelRoutine calls on the two sides of an if: clang -O2 merges
// the two inlined exchanges into one whose value is a phi of the two
// routines (as integers). Both are cancel routines; CancelA returns holding
// the lock.
// RUN: %cc64 -O2 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 %s -o %t0.bc
// RUN: not %sdv check %t0.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    BOOLEAN Busy;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_CANCEL CancelA;
DRIVER_CANCEL CancelB;

// ROLES: CancelA DRIVER_CANCEL
// ROLES: CancelB DRIVER_CANCEL
VOID CancelA(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoReleaseCancelSpinLock(Irp->CancelIrql);
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Busy = FALSE;
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The DRIVER_CANCEL routine 'CancelA' has returned without releasing the spinlock 'DevExt->Lock'.

VOID CancelB(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    if (DevExt->Busy)
        IoSetCancelRoutine(Irp, CancelA);
    else
        IoSetCancelRoutine(Irp, CancelB);
    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 4 entry routines)
