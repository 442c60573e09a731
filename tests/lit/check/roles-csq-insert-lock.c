// Roles, buggy twin of roles-csq-insert-lock-safe.c: CsqInsert takes the
// queue lock itself. IoCsqInsertIrp calls CsqInsert only after
// CsqAcquireLock has taken that same lock (the documented calling
// sequence of a cancel-safe queue), so this acquire spins on a lock the
// processor already holds: a double acquire, in CsqInsert, on the path
// DispatchRead -> IoCsqInsertIrp -> CsqAcquireLock, CsqInsert. (Afterwards
// the lock is untracked: no more reports.)
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    IO_CSQ Csq;
    KSPIN_LOCK QueueLock;
    KSPIN_LOCK StatsLock;
    LIST_ENTRY Queue;
    ULONG Queued;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
IO_CSQ_INSERT_IRP CsqInsert;
IO_CSQ_REMOVE_IRP CsqRemove;
IO_CSQ_PEEK_NEXT_IRP CsqPeek;
IO_CSQ_ACQUIRE_LOCK CsqAcquireLock;
IO_CSQ_RELEASE_LOCK CsqReleaseLock;
IO_CSQ_COMPLETE_CANCELED_IRP CsqCompleteCanceled;

VOID CsqInsert(PIO_CSQ Csq, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);

    // BUG: the I/O manager already holds QueueLock (CsqAcquireLock)
    KeAcquireSpinLockAtDpcLevel(&DevExt->QueueLock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    DevExt->Queued++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->QueueLock);
}

VOID CsqRemove(PIO_CSQ Csq, PIRP Irp)
{
    UNREFERENCED_PARAMETER(Csq);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
}

PIRP CsqPeek(PIO_CSQ Csq, PIRP Irp, PVOID PeekContext)
{
    PDEVICE_EXTENSION DevExt = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    PLIST_ENTRY Next = (Irp == NULL) ? DevExt->Queue.Flink : Irp->Tail.Overlay.ListEntry.Flink;

    UNREFERENCED_PARAMETER(PeekContext);
    if (Next == &DevExt->Queue) {
        return NULL;
    }
    return CONTAINING_RECORD(Next, IRP, Tail.Overlay.ListEntry);
}

VOID CsqAcquireLock(PIO_CSQ Csq, PKIRQL Irql)
{
    PDEVICE_EXTENSION DevExt = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    KeAcquireSpinLock(&DevExt->QueueLock, Irql);
}

VOID CsqReleaseLock(PIO_CSQ Csq, KIRQL Irql)
{
    PDEVICE_EXTENSION DevExt = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
}

VOID CsqCompleteCanceled(PIO_CSQ Csq, PIRP Irp)
{
    UNREFERENCED_PARAMETER(Csq);
    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    IoMarkIrpPending(Irp);
    IoCsqInsertIrp(&g_Ext.Csq, Irp, NULL);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.QueueLock);
    KeInitializeSpinLock(&g_Ext.StatsLock);
    InitializeListHead(&g_Ext.Queue);
    IoCsqInitialize(&g_Ext.Csq, CsqInsert, CsqRemove, CsqPeek, CsqAcquireLock, CsqReleaseLock,
                    CsqCompleteCanceled);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
