// MSVC targets only. Buggy twin of seh-return-in-try-safe.c: the empty-queue
// path releases the lock itself before its `return` from inside the __try,
// not knowing that the __finally runs on the way out and releases it again.
// The report is at the release in the __finally body.
// RUN: %ccmsvc %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets msvc64,msvc86 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    ULONG Dequeued;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCleanup;

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    KIRQL Irql;

    Irp->IoStatus.Status = STATUS_SUCCESS;
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    __try {
        if (IsListEmpty(&DevExt->Queue)) {
            KeReleaseSpinLock(&DevExt->Lock, Irql); // BUG: the __finally releases too
            IoCompleteRequest(Irp, IO_NO_INCREMENT);
            return STATUS_SUCCESS;
        }
        Entry = RemoveHeadList(&DevExt->Queue);
        InitializeListHead(Entry);
        DevExt->Dequeued++;
    } __finally {
        KeReleaseSpinLock(&DevExt->Lock, Irql); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
    }

    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
