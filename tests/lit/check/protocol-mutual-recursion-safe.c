// Mutual recursion: StartNext dequeues the next request under the queue lock
// and hands it to ProcessIrp, which accounts for it under the same lock,
// completes it and calls StartNext again until the queue is empty. Each
// function releases the lock before calling the other, so no call in the
// cycle is entered with the lock held.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    ULONG Processed;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static VOID StartNext(PDEVICE_EXTENSION DevExt);

static VOID ProcessIrp(PDEVICE_EXTENSION DevExt, PIRP Irp)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Processed++;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    StartNext(DevExt);
}

static VOID StartNext(PDEVICE_EXTENSION DevExt)
{
    PLIST_ENTRY Entry;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (IsListEmpty(&DevExt->Queue)) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        return;
    }
    Entry = RemoveHeadList(&DevExt->Queue);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    ProcessIrp(DevExt, CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry));
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoMarkIrpPending(Irp);
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    StartNext(DevExt);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
