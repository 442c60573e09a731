// CancelSpinLock, buggy: one mistake per routine, in each shape the rule
// must follow (directly, through a helper and through two, in a loop, on an
// early return, a release without acquire), and in cancel routines, which
// the I/O manager calls holding the cancel spin lock: one that forgets to
// release it on a path, one that releases it twice. The cancel lock nested
// with a driver spin lock is fine. Safe twin: cancel-spinlock-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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

// A cancel routine that completes the IRP but keeps the cancel spin lock
// when the IRP is the current one.
VOID CancelRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    if (DevExt->CurrentIrp == Irp) {
        return; // CHECK: cancel-spinlock.c:[[@LINE]]:9: error: [CancelSpinLock] The DRIVER_CANCEL routine 'CancelRead' has returned without releasing the cancel spin lock.
    }
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

// A cancel routine that releases the cancel spin lock twice.
VOID CancelWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    IoReleaseCancelSpinLock(Irp->CancelIrql);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoReleaseCancelSpinLock(Irp->CancelIrql); // CHECK: cancel-spinlock.c:[[@LINE]]:5: error: [CancelSpinLock] The driver is calling IoReleaseCancelSpinLock without first acquiring the cancel spin lock.
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

// Direct: the routine returns holding the cancel spin lock.
NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoAcquireCancelSpinLock(&Irql);
    IoSetCancelRoutine(Irp, CancelRead);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    IoMarkIrpPending(Irp);
    return STATUS_PENDING; // CHECK: cancel-spinlock.c:[[@LINE]]:5: error: [CancelSpinLock] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the cancel spin lock.
}

static VOID LockCancel(PKIRQL Irql)
{
    IoAcquireCancelSpinLock(Irql);
}

static VOID UnlockCancel(KIRQL Irql)
{
    IoReleaseCancelSpinLock(Irql);
}

// Through a helper.
NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    LockCancel(&Irql);
    IoSetCancelRoutine(Irp, CancelWrite);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    IoMarkIrpPending(Irp);
    return STATUS_PENDING; // CHECK: cancel-spinlock.c:[[@LINE]]:5: error: [CancelSpinLock] The IRP_MJ_WRITE routine 'DispatchWrite' has returned without releasing the cancel spin lock.
}

static VOID LockCancelAndCount(PDEVICE_EXTENSION DevExt, PKIRQL Irql)
{
    LockCancel(Irql);
    DevExt->Pending++;
}

// Through two helper levels.
NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Irp);
    LockCancelAndCount(DevExt, &Irql);
    return STATUS_SUCCESS; // CHECK: cancel-spinlock.c:[[@LINE]]:5: error: [CancelSpinLock] The IRP_MJ_CREATE routine 'DispatchCreate' has returned without releasing the cancel spin lock.
}

// In a loop: `continue` skips the release.
NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Irp);
    while (!IsListEmpty(&DevExt->Queue)) {
        IoAcquireCancelSpinLock(&Irql); // CHECK: cancel-spinlock.c:[[@LINE]]:9: error: [CancelSpinLock] The driver is calling IoAcquireCancelSpinLock after already acquiring the cancel spin lock.
        Entry = RemoveHeadList(&DevExt->Queue);
        if (Entry == &DevExt->Queue) {
            continue;
        }
        IoReleaseCancelSpinLock(Irql);
    }
    return STATUS_SUCCESS; // CHECK: cancel-spinlock.c:[[@LINE]]:5: error: [CancelSpinLock] The IRP_MJ_CLEANUP routine 'DispatchCleanup' has returned without releasing the cancel spin lock.
}

// An early return leaves the cancel spin lock held.
NTSTATUS DispatchControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoAcquireCancelSpinLock(&Irql);
    if (Irp->Cancel) {
        return STATUS_CANCELLED; // CHECK: cancel-spinlock.c:[[@LINE]]:9: error: [CancelSpinLock] The IRP_MJ_DEVICE_CONTROL routine 'DispatchControl' has returned without releasing the cancel spin lock.
    }
    DevExt->Pending++;
    UnlockCancel(Irql);
    return STATUS_SUCCESS;
}

// A release without acquire.
NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    IoReleaseCancelSpinLock(Irp->CancelIrql); // CHECK: cancel-spinlock.c:[[@LINE]]:5: error: [CancelSpinLock] The driver is calling IoReleaseCancelSpinLock without first acquiring the cancel spin lock.
    return STATUS_SUCCESS;
}

// The cancel spin lock nested with the driver's own lock: fine.
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
// CHECK: CancelSpinLock: Defect (9 defects, 10 entry routines)
