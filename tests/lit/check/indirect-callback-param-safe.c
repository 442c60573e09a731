// A callback passed as a parameter, from two call sites with different
// callbacks. ForEachPending runs its callback; the read routine calls it
// with TouchLocked (no locking) while holding the lock, and with TouchUnlocked
// (takes and drops the lock) after releasing it. The callback at each call
// is the one that call site passes, not every callback ever passed.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
// XFAIL: *
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Pending;
    ULONG Touched;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef VOID (*PPENDING_VISITOR)(PDEVICE_EXTENSION DevExt);

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

static VOID TouchLocked(PDEVICE_EXTENSION DevExt)
{
    DevExt->Touched++;
}

static VOID TouchUnlocked(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Touched++;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

static VOID ForEachPending(PDEVICE_EXTENSION DevExt, PPENDING_VISITOR Visit)
{
    if (DevExt->Pending != 0) {
        Visit(DevExt);
    }
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    ForEachPending(DevExt, TouchLocked);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    ForEachPending(DevExt, TouchUnlocked);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
