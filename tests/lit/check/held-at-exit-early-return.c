// The classic leak: an early return on the empty-queue path leaves the
// lock held. The normal path releases it.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (IsListEmpty(&DevExt->Queue)) {
        Irp->IoStatus.Status = STATUS_NO_MORE_ENTRIES;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_NO_MORE_ENTRIES; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the spinlock
    }
    Entry = RemoveHeadList(&DevExt->Queue);
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    Irp->IoStatus.Information = (ULONG_PTR)Entry;
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,

// At -O2 the two returns share one `ret`; the report still names the early
// `return` statement, from the location of its branch.
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: not %sdv check %t2.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
