// Buggy twin of protocol-recursive-node-locks-safe.c: the early return for
// a node marked deleted keeps that node's lock. The recursion returns to the
// read routine, which returns with the lock held.
// The tool runs are bounded by `timeout` (the walk's two recursive calls on
// `Node->Left` and `Node->Right` have made sdv-lite run for many minutes).
// sdv-lite now bounds how deep recursion names locks; a run past the bound fails.
// RUN: %cc64 %s -o %t.bc
// RUN: not timeout 60 %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not timeout 60 %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: timeout 120 %variants %s
#include <wdm.h>

#define NODE_DELETED 0xFFFFFFFF

typedef struct _NODE {
    KSPIN_LOCK Lock;
    struct _NODE *Left;
    struct _NODE *Right;
    ULONG Value;
} NODE, *PNODE;

typedef struct _DEVICE_EXTENSION {
    PNODE Root;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

static ULONG CountTree(PNODE Node)
{
    PNODE Left, Right;
    KIRQL Irql;

    if (Node == NULL) {
        return 0;
    }
    KeAcquireSpinLock(&Node->Lock, &Irql);
    if (Node->Value == NODE_DELETED) {
        return 0; // BUG: the node's lock is still held
    }
    Left = Node->Left;
    Right = Node->Right;
    KeReleaseSpinLock(&Node->Lock, Irql);
    return 1 + CountTree(Left) + CountTree(Right);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    Irp->IoStatus.Information = CountTree(DevExt->Root);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the spinlock
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
