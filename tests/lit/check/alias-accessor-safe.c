// Lock identity through an accessor function: QueueLockOf returns
// `&DevExt->QueueLock`. The dispatch routine acquires through the accessor
// and releases through the field, then acquires and releases through two
// separate calls of the accessor: each call returns the same lock.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    ULONG Flags;
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    ULONG Depth;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static PKSPIN_LOCK QueueLockOf(PDEVICE_EXTENSION DevExt)
{
    return &DevExt->QueueLock;
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(QueueLockOf(DevExt), &Irql);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);

    KeAcquireSpinLock(QueueLockOf(DevExt), &Irql);
    DevExt->Depth++;
    KeReleaseSpinLock(QueueLockOf(DevExt), Irql);

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
