// Buggy twin of protocol-mutual-recursion-safe.c: StartNext hands the
// dequeued request to ProcessIrp before releasing the queue lock, and
// ProcessIrp takes that lock again: a double acquire in ProcessIrp, reached
// through the StartNext/ProcessIrp cycle.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    ULONG Processed;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static VOID StartNext(PDEVICE_EXTENSION DevExt);

static VOID ProcessIrp(PDEVICE_EXTENSION DevExt, PIRP Irp)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    DevExt->Processed++;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    StartNext(DevExt);
}

static VOID StartNext(PDEVICE_EXTENSION DevExt)
{
    PLIST_ENTRY Entry;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (IsListEmpty(&DevExt->Queue)) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        return;
    }
    Entry = RemoveHeadList(&DevExt->Queue);
    // BUG: ProcessIrp takes the lock, which is still held here
    ProcessIrp(DevExt, CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry));
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoMarkIrpPending(Irp);
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    StartNext(DevExt);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
