// Roles, work items through the driver's own wrapper, buggy twin of
// roles-work-item-wrapper-safe.c: QueueDeferred stores the routine it is
// given in a context and queues one generic worker, which calls the stored
// routine (a hub's work-item wrapper), and StartThread does the same for a
// system thread with a start context of its own. The routines queued that
// way are reached through the worker's call: ResetPort leaves the port lock
// held when the port is gone, so the work item returns holding it;
// PollPorts takes it twice.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef VOID DEFERRED_ROUTINE(PVOID Context);

typedef struct _DEFERRED_ITEM {
    PIO_WORKITEM WorkItem;
    DEFERRED_ROUTINE *Routine;
    PVOID Context;
} DEFERRED_ITEM, *PDEFERRED_ITEM;

typedef struct _THREAD_START {
    DEFERRED_ROUTINE *Routine;
    PVOID Context;
} THREAD_START, *PTHREAD_START;

typedef struct _HUB {
    PDEVICE_OBJECT Device;
    KSPIN_LOCK PortLock;
    ULONG PortPresent;
    ULONG Resets;
    DEFERRED_ITEM ResetItem;
    THREAD_START ThreadStart;
} HUB, *PHUB;

HUB g_Hub;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchIoctl;
IO_WORKITEM_ROUTINE DeferredWorker;
KSTART_ROUTINE ThreadMain;

VOID DeferredWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PDEFERRED_ITEM Item = Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    Item->Routine(Item->Context);
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The IO_WORKITEM_ROUTINE routine 'DeferredWorker' has returned without releasing the spinlock 'Item->Context->PortLock'.

VOID ThreadMain(PVOID Context)
{
    PTHREAD_START Start = Context;
    Start->Routine(Start->Context);
}

static VOID QueueDeferred(PDEFERRED_ITEM Item, DEFERRED_ROUTINE *Routine, PVOID Context)
{
    Item->Routine = Routine;
    Item->Context = Context;
    IoQueueWorkItem(Item->WorkItem, DeferredWorker, DelayedWorkQueue, Item);
}

static NTSTATUS StartThread(PTHREAD_START Start, DEFERRED_ROUTINE *Routine, PVOID Context)
{
    HANDLE Thread;
    Start->Routine = Routine;
    Start->Context = Context;
    return PsCreateSystemThread(&Thread, 0, NULL, NULL, NULL, ThreadMain, Start);
}

static VOID ResetPort(PVOID Context)
{
    PHUB Hub = Context;
    KIRQL Irql;
    KeAcquireSpinLock(&Hub->PortLock, &Irql);
    if (!Hub->PortPresent) {
        return;
    }
    Hub->Resets++;
    KeReleaseSpinLock(&Hub->PortLock, Irql);
}

static VOID PollPorts(PVOID Context)
{
    PHUB Hub = Context;
    KIRQL Irql, Again;
    KeAcquireSpinLock(&Hub->PortLock, &Irql);
    KeAcquireSpinLock(&Hub->PortLock, &Again); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock 'Start->Context->PortLock'.
    KeReleaseSpinLock(&Hub->PortLock, Irql);
}

NTSTATUS DispatchIoctl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    QueueDeferred(&g_Hub.ResetItem, ResetPort, &g_Hub);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Hub.PortLock);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchIoctl;
    return StartThread(&g_Hub.ThreadStart, PollPorts, &g_Hub);
}

// CHECK: SpinLockDpc: Defect (2 defects, 4 entry routines)
