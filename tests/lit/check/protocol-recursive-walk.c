// Buggy twin of protocol-recursive-walk-safe.c: SumTree keeps the tree-wide
// lock across its recursive calls, so the next level's acquire of
// `DevExt->TreeLock` (same source line, deeper call) is a double acquire
// whenever the node has a child.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _NODE {
    struct _NODE *Left;
    struct _NODE *Right;
    ULONG Value;
} NODE, *PNODE;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK TreeLock;
    PNODE Root;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

static ULONG SumTree(PDEVICE_EXTENSION DevExt, PNODE Node)
{
    PNODE Left, Right;
    ULONG Value;
    KIRQL Irql;

    if (Node == NULL) {
        return 0;
    }
    KeAcquireSpinLock(&DevExt->TreeLock, &Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    Value = Node->Value;
    Left = Node->Left;
    Right = Node->Right;
    Value += SumTree(DevExt, Left) + SumTree(DevExt, Right); // BUG: recurses with TreeLock held
    KeReleaseSpinLock(&DevExt->TreeLock, Irql);
    return Value;
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    Irp->IoStatus.Information = SumTree(DevExt, DevExt->Root);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
