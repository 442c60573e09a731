// The dispatch table is filled through a PVOID argument cast to
// PDRIVER_OBJECT, as port libraries (ScsiPortInitialize, StorPortInitialize)
// receive it. At -O2 the stores are one GEP on a pointer whose parameter
// type says nothing; the local variable's type names the structure.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: not %sdv check %t2.bc | FileCheck %s --check-prefix=O2 --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --check-prefix=O2 --implicit-check-not=error: --implicit-check-not=warning:
// At -O2 the two returns are merged: the exit is the function's end.
// RUN: %sdv roles %t2.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Opens;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCreate;
DRIVER_DISPATCH DispatchClose;

// ROLES: DispatchClose IRP_MJ_CLOSE
// ROLES: DispatchCreate IRP_MJ_CREATE
NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Opens == 0)
        return STATUS_INVALID_PARAMETER; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IRP_MJ_CLOSE routine 'DispatchClose' has returned without releasing the spinlock 'DevExt->Lock'.
    // O2: .c:[[@LINE-1]]:9: error: [SpinLockDpc] The IRP_MJ_CLOSE routine 'DispatchClose' has returned without releasing the spinlock 'DevExt->Lock'.
    DevExt->Opens--;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

__attribute__((noinline)) NTSTATUS PortInitialize(PVOID Argument1)
{
    PDRIVER_OBJECT DriverObject = Argument1;

    DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = DispatchClose;
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    return PortInitialize(DriverObject);
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
// O2: SpinLockDpc: Defect (1 defect, 3 entry routines)
