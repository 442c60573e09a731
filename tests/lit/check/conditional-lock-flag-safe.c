// Conditional locking correlated on a parameter: the helper takes the lock
// only if its caller does not already hold it, and releases it under the
// same condition. No execution path has a defect: when NeedLock is TRUE the
// helper acquires and releases; when FALSE it does neither, and the caller
// holds the lock throughout. (A checker that merges the two branch states
// without tracking NeedLock would raise false alarms here.)
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    ULONG Queued;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchWrite;

static VOID Enqueue(PDEVICE_EXTENSION DevExt, PIRP Irp, BOOLEAN NeedLock)
{
    KIRQL Irql = PASSIVE_LEVEL;

    if (NeedLock) {
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
    }
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    DevExt->Queued++;
    if (NeedLock) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
    }
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    IoMarkIrpPending(Irp);
    Enqueue(DevExt, Irp, TRUE);
    return STATUS_PENDING;
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoMarkIrpPending(Irp);
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    Enqueue(DevExt, Irp, FALSE);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects,
