// MSVC targets only (structured exception handling). The lock is taken
// before a __try block and released in its __finally block, which runs on
// every way out of the __try: normal completion, __leave, and unwinding.
// clang outlines the __finally body into its own function that reaches the
// parent's locals through llvm.localrecover; it is the same lock.
// RUN: %ccmsvc %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets msvc64,msvc86 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    BOOLEAN Stopping;
    ULONG Pending;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    NTSTATUS Status = STATUS_PENDING;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    __try {
        if (DevExt->Stopping) {
            Status = STATUS_DELETE_PENDING;
            __leave;
        }
        InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
        DevExt->Pending++;
    } __finally {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
    }

    if (Status == STATUS_PENDING) {
        IoMarkIrpPending(Irp);
    } else {
        Irp->IoStatus.Status = Status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
    return Status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects,
