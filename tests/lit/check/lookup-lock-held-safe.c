// A helper looks a context up and returns it with its lock held; the caller
// releases the lock through the returned pointer. The objects behind the
// returned pointer are the caller's, named through the call's result.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: %sdv check %t2.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _CONTEXT_ENTRY {
    LIST_ENTRY Link;
    KSPIN_LOCK Lock;
    ULONG OpenCount;
} CONTEXT_ENTRY, *PCONTEXT_ENTRY;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

PCONTEXT_ENTRY FindContext(PIRP Irp);

__attribute__((noinline)) static PCONTEXT_ENTRY LookupAndLock(PIRP Irp, PKIRQL Irql)
{
    PCONTEXT_ENTRY Context = FindContext(Irp);

    if (Context == NULL)
        return NULL;
    KeAcquireSpinLock(&Context->Lock, Irql);
    return Context;
}

__attribute__((noinline)) static VOID Unlock(PCONTEXT_ENTRY Context, KIRQL Irql)
{
    KeReleaseSpinLock(&Context->Lock, Irql);
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PCONTEXT_ENTRY Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    Context = LookupAndLock(Irp, &Irql);
    if (Context != NULL) {
        Context->OpenCount++;
        Unlock(Context, Irql);
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
