// Buggy twin of indirect-callback-param-safe.c: the call made while holding
// the lock passes TouchUnlocked, which takes the lock again. The double
// acquire is in the callback, reached through ForEachPending's parameter.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
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

    KeAcquireSpinLock(&DevExt->Lock, &Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
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
    ForEachPending(DevExt, TouchUnlocked); // BUG: meant TouchLocked
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    ForEachPending(DevExt, TouchLocked);

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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
