// MSVC targets only. A `return` inside a __try block runs the __finally
// block before the routine returns: the empty-queue path returns from
// inside the __try without releasing, and the __finally releases the lock
// on that path as on the normal one.
// RUN: %ccmsvc %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
            IoCompleteRequest(Irp, IO_NO_INCREMENT);
            return STATUS_SUCCESS;
        }
        Entry = RemoveHeadList(&DevExt->Queue);
        InitializeListHead(Entry);
        DevExt->Dequeued++;
    } __finally {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
