// Lock/unlock helpers whose variant is chosen by `OldIrql != NULL`: callers
// below DISPATCH_LEVEL pass a KIRQL to save the previous IRQL in (acquire
// with KeAcquireSpinLock, release with KeReleaseSpinLock), callers already
// at DISPATCH_LEVEL pass NULL (KeAcquireSpinLockAtDpcLevel /
// KeReleaseSpinLockFromDpcLevel). The write routine passes &Irql to both
// helpers, the DpcForIsr passes NULL to both: every path takes and drops the
// queue lock once, with matching variants.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _QUEUE {
    KSPIN_LOCK Lock;
    LIST_ENTRY Head;
    ULONG Depth;
} QUEUE, *PQUEUE;

typedef struct _DEVICE_EXTENSION {
    QUEUE Queue;
    ULONG Dpcs;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE AddDevice;
DRIVER_DISPATCH DispatchWrite;
IO_DPC_ROUTINE DpcForIsr;

static VOID LockQueue(PQUEUE Q, PKIRQL OldIrql)
{
    if (OldIrql != NULL) {
        KeAcquireSpinLock(&Q->Lock, OldIrql);
    } else {
        KeAcquireSpinLockAtDpcLevel(&Q->Lock);
    }
}

static VOID UnlockQueue(PQUEUE Q, PKIRQL OldIrql)
{
    if (OldIrql != NULL) {
        KeReleaseSpinLock(&Q->Lock, *OldIrql);
    } else {
        KeReleaseSpinLockFromDpcLevel(&Q->Lock);
    }
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoMarkIrpPending(Irp);
    LockQueue(&DevExt->Queue, &Irql);
    InsertTailList(&DevExt->Queue.Head, &Irp->Tail.Overlay.ListEntry);
    DevExt->Queue.Depth++;
    UnlockQueue(&DevExt->Queue, &Irql);
    return STATUS_PENDING;
}

VOID DpcForIsr(PKDPC Dpc, PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry = NULL;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Context);
    DevExt->Dpcs++;
    LockQueue(&DevExt->Queue, NULL);
    if (!IsListEmpty(&DevExt->Queue.Head)) {
        Entry = RemoveHeadList(&DevExt->Queue.Head);
        DevExt->Queue.Depth--;
    }
    UnlockQueue(&DevExt->Queue, NULL);
    if (Entry != NULL) {
        PIRP Done = CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry);
        Done->IoStatus.Status = STATUS_SUCCESS;
        IoCompleteRequest(Done, IO_NO_INCREMENT);
    }
}

NTSTATUS AddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject)
{
    PDEVICE_OBJECT DeviceObject;
    PDEVICE_EXTENSION DevExt;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(PhysicalDeviceObject);
    Status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &DeviceObject);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    DevExt = DeviceObject->DeviceExtension;
    KeInitializeSpinLock(&DevExt->Queue.Lock);
    InitializeListHead(&DevExt->Queue.Head);
    IoInitializeDpcRequest(DeviceObject, DpcForIsr);
    DeviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverExtension->AddDevice = AddDevice;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 4 entry routines)
