// As lookup-in-loop-safe.c, but an early `continue` skips the release: the
// looked-up contexts' locks may still be held when the routine returns. No
// double acquire: each iteration's context is a new object.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
        if (Context->Uses == 0)
            continue;
        Context->Uses++;
        KeReleaseSpinLock(&Context->Lock, Irql);
    }
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_DEVICE_CONTROL routine 'DispatchDeviceControl' has returned without releasing the spinlock 'Context->Lock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
