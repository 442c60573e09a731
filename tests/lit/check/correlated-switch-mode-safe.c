// A switch on a mode parameter, twice: FlushQueue takes the queue lock with
// KeAcquireSpinLock (LockRaise), with KeAcquireSpinLockAtDpcLevel
// (LockAtDpc), or not at all because the caller holds it (LockHeld), and the
// second switch releases with the matching call. The cleanup routine, the
// DPC and the device control routine (which holds the lock around the call)
// use one mode each; every arm of the first switch meets its own arm in the
// second.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef enum _LOCK_MODE {
    LockRaise,
    LockAtDpc,
    LockHeld
} LOCK_MODE;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    KDPC FlushDpc;
    ULONG Flushes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCleanup;
DRIVER_DISPATCH DispatchDeviceControl;
KDEFERRED_ROUTINE FlushDpc;

static VOID FlushQueue(PDEVICE_EXTENSION DevExt, LOCK_MODE Mode)
{
    KIRQL Irql = PASSIVE_LEVEL;

    switch (Mode) {
    case LockRaise:
        KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
        break;
    case LockAtDpc:
        KeAcquireSpinLockAtDpcLevel(&DevExt->QueueLock);
        break;
    case LockHeld:
        break;
    }
    InitializeListHead(&DevExt->Queue);
    DevExt->Flushes++;
    switch (Mode) {
    case LockRaise:
        KeReleaseSpinLock(&DevExt->QueueLock, Irql);
        break;
    case LockAtDpc:
        KeReleaseSpinLockFromDpcLevel(&DevExt->QueueLock);
        break;
    case LockHeld:
        break;
    }
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    FlushQueue(DeviceObject->DeviceExtension, LockRaise);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    FlushQueue(DevExt, LockHeld);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID FlushDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    FlushQueue(DeferredContext, LockAtDpc);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.QueueLock);
    InitializeListHead(&g_Ext.Queue);
    KeInitializeDpc(&g_Ext.FlushDpc, FlushDpc, &g_Ext);
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 4 entry routines)
