// Buggy twin of indirect-global-pointer-safe.c: the write routine's
// stopping path calls the unlock routine through g_UnlockQueue before the
// queue lock has been taken. The release without acquire is in
// UnlockQueue, the routine DriverEntry stored into g_UnlockQueue.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    KSPIN_LOCK StatsLock;
    LIST_ENTRY Queue;
    ULONG Writes;
    BOOLEAN Stopping;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef VOID (*PUNLOCK_ROUTINE)(PDEVICE_EXTENSION DevExt, KIRQL Irql);

PUNLOCK_ROUTINE g_UnlockQueue;
PUNLOCK_ROUTINE g_UnlockAll;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;
DRIVER_DISPATCH DispatchCleanup;

static VOID UnlockQueue(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    KeReleaseSpinLock(&DevExt->QueueLock, Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
}

static VOID UnlockAll(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    KeReleaseSpinLockFromDpcLevel(&DevExt->StatsLock);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql = PASSIVE_LEVEL;

    if (DevExt->Stopping) {
        g_UnlockQueue(DevExt, Irql); // BUG: the queue lock is not held yet
        Irp->IoStatus.Status = STATUS_DELETE_PENDING;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_DELETE_PENDING;
    }
    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    g_UnlockQueue(DevExt, Irql);
    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    KeAcquireSpinLockAtDpcLevel(&DevExt->StatsLock);
    DevExt->Stopping = TRUE;
    DevExt->Writes = 0;
    g_UnlockAll(DevExt, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    g_UnlockQueue = UnlockQueue;
    g_UnlockAll = UnlockAll;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
