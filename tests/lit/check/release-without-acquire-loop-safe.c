// Safe twin of release-without-acquire-loop.c: the classic drain loop that
// drops the lock around the completion and takes it again before the next
// test, then releases it once after the loop.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCleanup;

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    PIRP Queued;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    while (!IsListEmpty(&DevExt->Queue)) {
        Entry = RemoveHeadList(&DevExt->Queue);
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        Queued = CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry);
        Queued->IoStatus.Status = STATUS_CANCELLED;
        IoCompleteRequest(Queued, IO_NO_INCREMENT);
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects,
