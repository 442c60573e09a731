// Safe twin of cancel-spinlock.c: each routine releases the cancel spin lock
// it acquired (directly, through one helper and through two, in the loop
// before `continue`, on the early return), and the cancel routines release
// the lock the I/O manager called them with, once, on every path.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    ULONG Pending;
    PIRP CurrentIrp;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead, DispatchWrite, DispatchCreate, DispatchCleanup;
DRIVER_DISPATCH DispatchControl, DispatchClose, DispatchSystemControl;
DRIVER_CANCEL CancelRead, CancelWrite;
static VOID UnlockCancel(KIRQL Irql);

VOID CancelRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    if (DevExt->CurrentIrp == Irp) {
        IoReleaseCancelSpinLock(Irp->CancelIrql);
        return;
    }
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

// Released through a helper.
VOID CancelWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UnlockCancel(Irp->CancelIrql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoAcquireCancelSpinLock(&Irql);
    IoSetCancelRoutine(Irp, CancelRead);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    IoMarkIrpPending(Irp);
    IoReleaseCancelSpinLock(Irql);
    return STATUS_PENDING;
}

static VOID LockCancel(PKIRQL Irql)
{
    IoAcquireCancelSpinLock(Irql);
}

static VOID UnlockCancel(KIRQL Irql)
{
    IoReleaseCancelSpinLock(Irql);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    LockCancel(&Irql);
    IoSetCancelRoutine(Irp, CancelWrite);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    IoMarkIrpPending(Irp);
    UnlockCancel(Irql);
    return STATUS_PENDING;
}

static VOID LockCancelAndCount(PDEVICE_EXTENSION DevExt, PKIRQL Irql)
{
    LockCancel(Irql);
    DevExt->Pending++;
}

static VOID UnlockCancelAndCount(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    DevExt->Pending--;
    UnlockCancel(Irql);
}

NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Irp);
    LockCancelAndCount(DevExt, &Irql);
    UnlockCancelAndCount(DevExt, Irql);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Irp);
    while (!IsListEmpty(&DevExt->Queue)) {
        IoAcquireCancelSpinLock(&Irql);
        Entry = RemoveHeadList(&DevExt->Queue);
        if (Entry == &DevExt->Queue) {
            IoReleaseCancelSpinLock(Irql);
            continue;
        }
        IoReleaseCancelSpinLock(Irql);
    }
    return STATUS_SUCCESS;
}

NTSTATUS DispatchControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoAcquireCancelSpinLock(&Irql);
    if (Irp->Cancel) {
        IoReleaseCancelSpinLock(Irql);
        return STATUS_CANCELLED;
    }
    DevExt->Pending++;
    UnlockCancel(Irql);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    IoAcquireCancelSpinLock(&Irql);
    IoSetCancelRoutine(Irp, NULL);
    IoReleaseCancelSpinLock(Irql);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchSystemControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL CancelIrql, QueueIrql;

    UNREFERENCED_PARAMETER(Irp);
    IoAcquireCancelSpinLock(&CancelIrql);
    KeAcquireSpinLock(&DevExt->QueueLock, &QueueIrql);
    DevExt->Pending++;
    KeReleaseSpinLock(&DevExt->QueueLock, QueueIrql);
    IoReleaseCancelSpinLock(CancelIrql);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchControl;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = DispatchClose;
    DriverObject->MajorFunction[IRP_MJ_SYSTEM_CONTROL] = DispatchSystemControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 10 entry routines)
// CHECK: CancelSpinLock: Pass (0 defects, 10 entry routines)
