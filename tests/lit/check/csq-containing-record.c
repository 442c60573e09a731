// Cancel-safe queue, buggy twin of csq-containing-record-safe.c: the
// callbacks find the device extension with CONTAINING_RECORD written with
// `(ULONG_PTR)&((T *)0)->Field`, and the release-lock callback skips the
// release while the device is stopping, so the I/O manager's routines
// return with the queue lock held.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc %s -o %tmsvc.bc
// RUN: not %sdv check %tmsvc.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define RECORD_BY_INTEGER(Address, Type, Field) \
    ((Type *)((ULONG_PTR)(Address) - (ULONG_PTR)(&((Type *)0)->Field)))
#define RECORD_BY_BYTES(Address, Type, Field) \
    ((Type *)((PCHAR)(Address) - (ULONG_PTR)(&((Type *)0)->Field)))

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    IO_CSQ Csq;
    BOOLEAN Stopping;
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
    PDEVICE_EXTENSION DevExt = RECORD_BY_INTEGER(Csq, DEVICE_EXTENSION, Csq);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
}

VOID CsqRemove(PIO_CSQ Csq, PIRP Irp)
{
    UNREFERENCED_PARAMETER(Csq);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
}

PIRP CsqPeek(PIO_CSQ Csq, PIRP Irp, PVOID PeekContext)
{
    PDEVICE_EXTENSION DevExt = RECORD_BY_BYTES(Csq, DEVICE_EXTENSION, Csq);
    PLIST_ENTRY Next = (Irp == NULL) ? DevExt->Queue.Flink : Irp->Tail.Overlay.ListEntry.Flink;

    UNREFERENCED_PARAMETER(PeekContext);
    if (Next == &DevExt->Queue) {
        return NULL;
    }
    return CONTAINING_RECORD(Next, IRP, Tail.Overlay.ListEntry);
}

VOID CsqAcquireLock(PIO_CSQ Csq, PKIRQL Irql)
{
    PDEVICE_EXTENSION DevExt = RECORD_BY_INTEGER(Csq, DEVICE_EXTENSION, Csq);
    KeAcquireSpinLock(&DevExt->QueueLock, Irql);
}

VOID CsqReleaseLock(PIO_CSQ Csq, KIRQL Irql)
{
    PDEVICE_EXTENSION DevExt = RECORD_BY_BYTES(Csq, DEVICE_EXTENSION, Csq);
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
    IoCsqInsertIrp(&g_Ext.Csq, Irp, NULL);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.QueueLock);
    InitializeListHead(&g_Ext.Queue);
    IoCsqInitialize(&g_Ext.Csq, CsqInsert, CsqRemove, CsqPeek, CsqAcquireLock, CsqReleaseLock, // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IO_CSQ_CALLBACKS routine 'IoCsq[CsqInsert]' has returned without releasing the spinlock 'CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq)->QueueLock'.
                    CsqCompleteCanceled);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
