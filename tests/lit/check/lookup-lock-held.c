// A helper looks a context up and returns with the context's lock held; the
// dispatch routine never releases it. The lock is behind a pointer only the
// helper has, yet it is still held when the routine returns.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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

static NTSTATUS OpenContext(PIRP Irp)
{
    PCONTEXT_ENTRY Context = FindContext(Irp);
    KIRQL Irql;

    if (Context == NULL)
        return STATUS_INVALID_PARAMETER;
    KeAcquireSpinLock(&Context->Lock, &Irql);
    Context->OpenCount++;
    return STATUS_SUCCESS;
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(DeviceObject);
    Status = OpenContext(Irp);
    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_DEVICE_CONTROL routine 'DispatchDeviceControl' has returned without releasing the spinlock 'Context->Lock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
