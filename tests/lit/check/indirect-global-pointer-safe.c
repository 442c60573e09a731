// Calls through global function pointers set in DriverEntry. g_UnlockQueue
// holds UnlockQueue (drops the queue lock); g_UnlockAll, of the same type,
// holds UnlockAll (drops the statistics lock and the queue lock). The write
// routine calls g_UnlockQueue holding only the queue lock; the cleanup
// routine calls g_UnlockAll holding both. Each call reaches only what was
// stored into its own global: resolving either by the pointer type alone
// would release a lock that is not held or leave one held.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
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

// CHECK: SpinLockDpc: Pass (0 defects, 3 entry routines)
