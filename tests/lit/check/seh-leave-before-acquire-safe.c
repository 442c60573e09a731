// MSVC targets only. The lock is acquired inside the __try, after a
// not-started check that may `__leave` first; the __finally releases only
// if the acquire happened, as recorded in the Locked flag. The outlined
// __finally reads Locked through llvm.localrecover: on the `__leave` path
// it is FALSE and nothing is released.
// RUN: %ccmsvc %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets msvc64,msvc86 %s
// XFAIL: *
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    BOOLEAN Started;
    ULONG Reads;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    NTSTATUS Status = STATUS_SUCCESS;
    BOOLEAN Locked = FALSE;
    KIRQL Irql = PASSIVE_LEVEL;

    __try {
        if (!DevExt->Started) {
            Status = STATUS_DEVICE_NOT_READY;
            __leave;
        }
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
        Locked = TRUE;
        DevExt->Reads++;
    } __finally {
        if (Locked) {
            KeReleaseSpinLock(&DevExt->Lock, Irql);
        }
    }

    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
