// x86 names: the non-empty path releases the queue lock through the NTAPI
// helper DropQueueLock and then again on the common path. The release
// without acquire is reported with the undecorated names on both targets:
// the function is KeReleaseSpinLock on x64 and KfReleaseSpinLock on x86
// (IR "\01@KfReleaseSpinLock@8"), the lock is 'DevExt->QueueLock', and the
// trace note names the helper 'DropQueueLock' (x86 IR
// "\01_DropQueueLock@8").
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --check-prefixes=CHECK,X64 --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --check-prefixes=CHECK,X86 --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    ULONG Cleanups;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCleanup;

static VOID NTAPI DropQueueLock(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    KeReleaseSpinLock(&DevExt->QueueLock, Irql); // X64: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling KeReleaseSpinLock without first acquiring the spinlock 'DevExt->QueueLock'.
                                                 // X86: .c:[[@LINE-1]]:5: error: [SpinLockDpc] The driver is calling KeReleaseSpinLock (KfReleaseSpinLock) without first acquiring the spinlock 'DevExt->QueueLock'.
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    DevExt->Cleanups++;
    if (!IsListEmpty(&DevExt->Queue)) {
        InitializeListHead(&DevExt->Queue);
        DropQueueLock(DevExt, Irql); // BUG: the common path below releases too
    }
    DropQueueLock(DevExt, Irql); // CHECK: .c:[[@LINE]]:5: note: calls 'DropQueueLock'

    Irp->IoStatus.Status = STATUS_SUCCESS;
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
