// Conditional locking correlated on a parameter whose value is not known at
// the call: the read routine passes the device's MultiQueue setting, read
// once, and the helper takes the statistics lock only when NeedLock is TRUE
// and releases it under the same test of the same parameter. Both values give
// a defect-free path. (conditional-lock-flag-safe.c passes constants from two
// callers; here a single caller passes an unknown value, so the two states
// after the first `if` must be kept apart by the value of NeedLock.)
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK StatsLock;
    ULONGLONG BytesRead;
    ULONG Reads;
    BOOLEAN MultiQueue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

static VOID AccountRead(PDEVICE_EXTENSION DevExt, ULONG Length, BOOLEAN NeedLock)
{
    KIRQL Irql = PASSIVE_LEVEL;

    if (NeedLock) {
        KeAcquireSpinLock(&DevExt->StatsLock, &Irql);
    }
    DevExt->BytesRead += Length;
    DevExt->Reads++;
    if (NeedLock) {
        KeReleaseSpinLock(&DevExt->StatsLock, Irql);
    }
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    BOOLEAN Shared = DevExt->MultiQueue;

    AccountRead(DevExt, Stack->Parameters.Read.Length, Shared);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = Stack->Parameters.Read.Length;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
