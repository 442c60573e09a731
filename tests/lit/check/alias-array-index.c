// Buggy twin of alias-array-index-safe.c: the inner critical section was
// copied from the outer one and still names `Locks[QUEUE_READ]`, the element
// already held. Same array, same constant index: a double acquire
// (afterwards the lock is untracked: no more reports).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
        // BUG: meant Locks[QUEUE_WRITE]
        KeAcquireSpinLockAtDpcLevel(&DevExt->Locks[QUEUE_READ]); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
        InsertTailList(&DevExt->Queues[QUEUE_WRITE], Entry);
        DevExt->Moved++;
        KeReleaseSpinLockFromDpcLevel(&DevExt->Locks[QUEUE_READ]);
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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
