// One defect in a helper reached from two entry routines: both the read and
// the write routine call QueueLocked while holding the lock, and QueueLocked
// takes it again. It is the same defect (same call, same lock object in the
// extension), reported once.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    ULONG Queued;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchWrite;

// Meant to be called with DevExt->Lock held, but takes it anyway.
static VOID QueueLocked(PDEVICE_EXTENSION DevExt, PIRP Irp)
{
    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    DevExt->Queued++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    QueueLocked(DevExt, Irp);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    QueueLocked(DevExt, Irp);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
