// A dispatch routine calls its queue's operations through a table of
// function pointers kept in the device extension; the table is filled in
// DriverEntry. The "insert" operation takes the queue lock and keeps it.
// A table of the same shape for another purpose (Alt) is not mixed in.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: not %sdv check %t2.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

struct _DEVICE_EXTENSION;

typedef struct _QUEUE_OPS {
    VOID (*Insert)(struct _DEVICE_EXTENSION *DevExt, PIRP Irp);
    VOID (*Remove)(struct _DEVICE_EXTENSION *DevExt, PIRP Irp);
} QUEUE_OPS;

typedef struct _ALT_OPS {
    VOID (*Insert)(struct _DEVICE_EXTENSION *DevExt, PIRP Irp);
} ALT_OPS;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    QUEUE_OPS Ops;
    ALT_OPS Alt;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static VOID InsertLocked(PDEVICE_EXTENSION DevExt, PIRP Irp)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
}

static VOID RemoveLocked(PDEVICE_EXTENSION DevExt, PIRP Irp)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

static VOID AltInsert(PDEVICE_EXTENSION DevExt, PIRP Irp)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    KeAcquireSpinLock(&DevExt->Lock, &Irql); // never called: no report
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    DevExt->Ops.Insert(DevExt, Irp);
    IoMarkIrpPending(Irp);
    return STATUS_PENDING; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_WRITE routine 'DispatchWrite' has returned without releasing the spinlock 'DevExt->Lock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_EXTENSION DevExt = DriverObject->DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(RegistryPath);
    DevExt->Ops.Insert = InsertLocked;
    DevExt->Ops.Remove = RemoveLocked;
    DevExt->Alt.Insert = AltInsert;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
