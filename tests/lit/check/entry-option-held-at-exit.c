// No registration in this file (it is a fragment of a larger driver): the
// entry routine and its role come from the command line. On x86 the routine
// is "\01_ReadDispatch@8" in IR; --entry names it as in the source.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check --entry ReadDispatch=IRP_MJ_READ %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check --entry ReadDispatch=IRP_MJ_READ %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s -- --entry ReadDispatch=IRP_MJ_READ
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    BOOLEAN Stopping;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_DISPATCH ReadDispatch;

NTSTATUS ReadDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Stopping) {
        Irp->IoStatus.Status = STATUS_DELETE_PENDING;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_DELETE_PENDING; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IRP_MJ_READ routine 'ReadDispatch' has returned without releasing the spinlock
    }
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

// CHECK: SpinLockDpc: Defect (1 defect, 1 entry routine)
