// MSVC targets only (structured exception handling). Two locks, two nested
// __try/__finally blocks: the queue lock is taken before the outer __try
// and released in the outer __finally; the statistics lock is taken inside
// the outer __try right before the inner __try and released in the inner
// __finally. Both `__leave` statements (one in each block) go through the
// __finally blocks of the blocks they leave; nothing is held at the return.
// RUN: %ccmsvc %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
        __try {
            if (DevExt->Pending >= MAX_PENDING) {
                Status = STATUS_DEVICE_BUSY;
                __leave;
            }
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
    return Status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
