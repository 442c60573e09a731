// A walk over a list of contexts calls a helper on each element that takes
// and drops the element's lock.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: %sdv check %t2.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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

__attribute__((noinline)) static VOID Touch(PCONTEXT_ENTRY Context)
{
    KIRQL Irql;

    KeAcquireSpinLock(&Context->Lock, &Irql);
    Context->Touched++;
    KeReleaseSpinLock(&Context->Lock, Irql);
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
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
