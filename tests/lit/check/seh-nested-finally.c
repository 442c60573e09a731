// MSVC targets only. Buggy twin of seh-nested-finally-safe.c: the busy
// check sits between the acquire of the statistics lock and the inner
// __try, so its `__leave` leaves the outer block: the outer __finally drops
// the queue lock, but the statistics lock, released only by the inner
// __finally, stays held when the routine returns.
// RUN: %ccmsvc %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets msvc64,msvc86 %s
#include <wdm.h>

#define MAX_PENDING 64

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    KSPIN_LOCK StatsLock;
    LIST_ENTRY Queue;
    BOOLEAN Stopping;
    ULONG Pending;
    ULONG Writes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    NTSTATUS Status = STATUS_PENDING;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    __try {
        if (DevExt->Stopping) {
            Status = STATUS_DELETE_PENDING;
            __leave;
        }
        KeAcquireSpinLockAtDpcLevel(&DevExt->StatsLock);
        if (DevExt->Pending >= MAX_PENDING) {
            Status = STATUS_DEVICE_BUSY;
            __leave; // BUG: leaves the outer block; only the inner __finally drops StatsLock
        }
        __try {
            DevExt->Writes++;
            DevExt->Pending++;
            InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
        } __finally {
            KeReleaseSpinLockFromDpcLevel(&DevExt->StatsLock);
        }
    } __finally {
        KeReleaseSpinLock(&DevExt->QueueLock, Irql);
    }

    if (Status == STATUS_PENDING) {
        IoMarkIrpPending(Irp);
    } else {
        Irp->IoStatus.Status = Status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
    return Status; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_WRITE routine 'DispatchWrite' has returned without releasing the spinlock 'DevExt->StatsLock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
