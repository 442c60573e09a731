// Buggy twin of protocol-callee-releases-safe.c: StartNextLocked's
// queue-empty early return forgets to release, so on that path the lock
// comes back to the DPC held, and the DPC falls off its end holding it
// (reported at its closing brace).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    KDPC StartDpc;
    PDEVICE_OBJECT LowerDevice;
    BOOLEAN Busy;
    ULONG DpcCount;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;
KDEFERRED_ROUTINE StartDpc;

// Called with DevExt->Lock held (Irql saved by the caller's acquire);
// returns with it released on every path.
static NTSTATUS StartNextLocked(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    PLIST_ENTRY Entry;

    if (DevExt->Busy) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        return STATUS_DEVICE_BUSY;
    }
    if (IsListEmpty(&DevExt->Queue)) {
        return STATUS_NO_MORE_ENTRIES; // BUG: returns with the lock held
    }
    Entry = RemoveHeadList(&DevExt->Queue);
    DevExt->Busy = TRUE;
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    return IoCallDriver(DevExt->LowerDevice, CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry));
}

VOID StartDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->DpcCount++;
    StartNextLocked(DevExt, Irql);
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'StartDpc' has returned without releasing the spinlock

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = &g_Ext;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    IoMarkIrpPending(Irp);
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    KeInsertQueueDpc(&DevExt->StartDpc, NULL, NULL);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.Lock);
    InitializeListHead(&g_Ext.Queue);
    KeInitializeDpc(&g_Ext.StartDpc, StartDpc, &g_Ext);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
