// Cancel-safe queue, buggy twin of csq-callbacks-safe.c, with the Ex
// insert callback (IoCsqInitializeEx): the release-lock callback skips the
// release while the device is stopping. The I/O manager calls it to drop
// the lock its acquire-lock callback took, around every insert, removal
// and cancellation, so the queue lock stays held when the I/O manager's
// routine returns.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    IO_CSQ Csq;
    KSPIN_LOCK QueueLock;
    BOOLEAN Stopping;
    LIST_ENTRY Queue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
IO_CSQ_INSERT_IRP_EX CsqInsert;
IO_CSQ_REMOVE_IRP CsqRemove;
IO_CSQ_PEEK_NEXT_IRP CsqPeek;
IO_CSQ_ACQUIRE_LOCK CsqAcquireLock;
IO_CSQ_RELEASE_LOCK CsqReleaseLock;
IO_CSQ_COMPLETE_CANCELED_IRP CsqCompleteCanceled;

NTSTATUS CsqInsert(PIO_CSQ Csq, PIRP Irp, PVOID InsertContext)
{
    PDEVICE_EXTENSION DevExt = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq);
    UNREFERENCED_PARAMETER(InsertContext);
    if (DevExt->Stopping)
        return STATUS_DEVICE_NOT_READY;
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    return STATUS_SUCCESS;
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
    if (DevExt->Stopping)
        return;
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
    return IoCsqInsertIrpEx(&g_Ext.Csq, Irp, NULL, NULL);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.QueueLock);
    InitializeListHead(&g_Ext.Queue);
    IoCsqInitializeEx(&g_Ext.Csq, CsqInsert, CsqRemove, CsqPeek, CsqAcquireLock, // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IO_CSQ_CALLBACKS routine 'IoCsq[CsqInsert]' has returned without releasing the spinlock
                      CsqReleaseLock, CsqCompleteCanceled);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
