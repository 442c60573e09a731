// Lock identity: elements of a lock array with constant indexes are distinct
// locks. Moving a request from the read queue to the write queue takes
// `Locks[QUEUE_READ]`, then `Locks[QUEUE_WRITE]` nested inside it, and
// releases them in reverse order.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define QUEUE_READ  0
#define QUEUE_WRITE 1
#define QUEUE_COUNT 2

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Locks[QUEUE_COUNT];
    LIST_ENTRY Queues[QUEUE_COUNT];
    ULONG Moved;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchFlush;

NTSTATUS DispatchFlush(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Locks[QUEUE_READ], &Irql);
    if (!IsListEmpty(&DevExt->Queues[QUEUE_READ])) {
        Entry = RemoveHeadList(&DevExt->Queues[QUEUE_READ]);
        KeAcquireSpinLockAtDpcLevel(&DevExt->Locks[QUEUE_WRITE]);
        InsertTailList(&DevExt->Queues[QUEUE_WRITE], Entry);
        DevExt->Moved++;
        KeReleaseSpinLockFromDpcLevel(&DevExt->Locks[QUEUE_WRITE]);
    }
    KeReleaseSpinLock(&DevExt->Locks[QUEUE_READ], Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_FLUSH_BUFFERS] = DispatchFlush;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
