// Buggy variant of the nested case: the inner release names the outer lock
// (copy-paste slip). QueueLock is then released twice and StatsLock is never
// released. Two defects, on two different locks: the second release of
// QueueLock, and the return with StatsLock held. Their order in the output
// is not fixed, hence CHECK-DAG. Both pairs use KeAcquireSpinLock and
// KeReleaseSpinLock, so no acquire/release variant is mismatched.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    KSPIN_LOCK StatsLock;
    LIST_ENTRY Queue;
    ULONG Reads;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;
    KIRQL StatsIrql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    KeAcquireSpinLock(&DevExt->StatsLock, &StatsIrql);
    DevExt->Reads++;
    KeReleaseSpinLock(&DevExt->QueueLock, StatsIrql); // BUG: should release StatsLock
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->QueueLock, Irql); // CHECK-DAG: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock 'DevExt->QueueLock'.

    IoMarkIrpPending(Irp);
    return STATUS_PENDING; // CHECK-DAG: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the spinlock 'DevExt->StatsLock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// An extra error between the two CHECK-DAG matches would change the count
// below; this CHECK-NOT catches any extra error after them.
// CHECK-NOT: error:
// CHECK: SpinLockDpc: Defect (2 defects, 2 entry routines)
