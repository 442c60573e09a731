// Buggy twin of alias-accessor-safe.c: the queue lock, taken through the
// field, is still held when the depth update takes it again through the
// accessor QueueLockOf, which returns `&DevExt->QueueLock`: a double
// acquire (afterwards the lock is untracked: no more reports).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    ULONG Flags;
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    ULONG Depth;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static PKSPIN_LOCK QueueLockOf(PDEVICE_EXTENSION DevExt)
{
    return &DevExt->QueueLock;
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;
    KIRQL DepthIrql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    // BUG: the release of the queue lock belongs here
    KeAcquireSpinLock(QueueLockOf(DevExt), &DepthIrql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    DevExt->Depth++;
    KeReleaseSpinLock(QueueLockOf(DevExt), DepthIrql);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
