// Two helper levels: the dispatch routine holds the lock and calls
// AddRequest, which calls UpdateStats, which takes the same lock again.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    ULONG Requests;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

static VOID UpdateStats(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    DevExt->Requests++;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

static VOID AddRequest(PDEVICE_EXTENSION DevExt, PIRP Irp)
{
    InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
    UpdateStats(DevExt);
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    AddRequest(DevExt, Irp); // BUG: AddRequest -> UpdateStats re-takes DevExt->Lock
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    IoMarkIrpPending(Irp);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
