// Entry routines given on the command line only (no registration in this
// fragment), with two --entry options and non-dispatch roles. Both routines
// are correct.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check --entry CancelQueued=DRIVER_CANCEL --entry FlushDpc=KDEFERRED_ROUTINE %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check --entry CancelQueued=DRIVER_CANCEL --entry FlushDpc=KDEFERRED_ROUTINE %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s -- --entry CancelQueued=DRIVER_CANCEL --entry FlushDpc=KDEFERRED_ROUTINE
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    ULONG Flushes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_CANCEL CancelQueued;
KDEFERRED_ROUTINE FlushDpc;

VOID CancelQueued(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    IoReleaseCancelSpinLock(Irp->CancelIrql);
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    Irp->IoStatus.Status = STATUS_CANCELLED;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

VOID FlushDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
    DevExt->Flushes++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
