// Each iteration looks a context up and takes and drops its lock. The call
// names a new context on every iteration: the lock taken in the previous
// iteration is another object, already released.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _CONTEXT_ENTRY {
    KSPIN_LOCK Lock;
    ULONG Uses;
} CONTEXT_ENTRY, *PCONTEXT_ENTRY;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

PCONTEXT_ENTRY LookupContext(ULONG Index);

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    ULONG i;

    UNREFERENCED_PARAMETER(DeviceObject);
    for (i = 0; i < 4; i++) {
        PCONTEXT_ENTRY Context = LookupContext(i);
        KIRQL Irql;

        KeAcquireSpinLock(&Context->Lock, &Irql);
        Context->Uses++;
        KeReleaseSpinLock(&Context->Lock, Irql);
    }
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
