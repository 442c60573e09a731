// Buggy twin of correlated-oldirql-helpers-safe.c: LockQueue takes the lock
// only when OldIrql != NULL (its author took NULL to mean "the caller holds
// the lock already"), while UnlockQueue still releases on both branches. The
// DpcForIsr passes NULL to both: its UnlockQueue releases a lock that nobody
// took (reported at the release in UnlockQueue's NULL branch).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    if (OldIrql != NULL) { // BUG: no KeAcquireSpinLockAtDpcLevel when OldIrql is NULL
        KeAcquireSpinLock(&Q->Lock, OldIrql);
    }
}

static VOID UnlockQueue(PQUEUE Q, PKIRQL OldIrql)
{
    if (OldIrql != NULL) {
        KeReleaseSpinLock(&Q->Lock, *OldIrql);
    } else {
        KeReleaseSpinLockFromDpcLevel(&Q->Lock); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
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

// CHECK: SpinLockDpc: Defect (1 defect, 4 entry routines)
