// A walk over a list of contexts calls a helper on each element; the helper
// takes the element's lock and keeps it. Each element is its own object (no
// double acquire on the second element); the routine returns with the
// elements' locks held.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _CONTEXT_ENTRY {
    KSPIN_LOCK Lock;
    LIST_ENTRY Link;
    ULONG Touched;
} CONTEXT_ENTRY, *PCONTEXT_ENTRY;

typedef struct _DEVICE_EXTENSION {
    LIST_ENTRY Contexts;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

static VOID Touch(PCONTEXT_ENTRY Context)
{
    KIRQL Irql;

    KeAcquireSpinLock(&Context->Lock, &Irql);
    Context->Touched++;
}

static VOID TouchAll(PDEVICE_EXTENSION DevExt)
{
    PLIST_ENTRY Entry;

    for (Entry = DevExt->Contexts.Flink; Entry != &DevExt->Contexts; Entry = Entry->Flink)
        Touch(CONTAINING_RECORD(Entry, CONTEXT_ENTRY, Link));
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    TouchAll(DeviceObject->DeviceExtension);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_DEVICE_CONTROL routine 'DispatchDeviceControl' has returned without releasing the spinlock 'CONTAINING_RECORD(Entry, CONTEXT_ENTRY, Link)->Lock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
