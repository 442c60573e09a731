// Safe twin of held-at-exit-helper.c: LockDevice/UnlockDevice are paired.
// The helper LockDevice returns with the lock held by design; helpers'
// returns are not checked, only entry routines'.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KIRQL LockIrql;
    LIST_ENTRY Queue;
    ULONG Queued;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static VOID LockDevice(PDEVICE_EXTENSION DevExt)
{
    KeAcquireSpinLock(&DevExt->Lock, &DevExt->LockIrql);
}

static VOID UnlockDevice(PDEVICE_EXTENSION DevExt)
{
    KeReleaseSpinLock(&DevExt->Lock, DevExt->LockIrql);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    LockDevice(DevExt);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    DevExt->Queued++;
    UnlockDevice(DevExt);

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects,
