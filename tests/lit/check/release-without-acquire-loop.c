// A do/while drain loop drops the lock to complete each request but never
// takes it again: the second iteration's release is the defect. One
// iteration alone is correct, and the loop holds no lock when it exits.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    do {
        Entry = RemoveHeadList(&DevExt->Queue);
        KeReleaseSpinLock(&DevExt->Lock, Irql); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
        Queued = CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry);
        Queued->IoStatus.Status = STATUS_CANCELLED;
        IoCompleteRequest(Queued, IO_NO_INCREMENT);
    } while (!IsListEmpty(&DevExt->Queue)); // BUG: loops back without re-acquiring DevExt->Lock

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

// CHECK: SpinLockDpc: Defect (1 defect,
