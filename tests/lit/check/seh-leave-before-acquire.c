// MSVC targets only. Buggy twin of seh-leave-before-acquire-safe.c: the
// __finally releases unconditionally, so on the not-started path, which
// leaves the __try before the acquire, it releases a lock that is not held.
// The report is at the release in the __finally body.
// RUN: %ccmsvc %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets msvc64,msvc86 %s
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
    KIRQL Irql = PASSIVE_LEVEL;

    __try {
        if (!DevExt->Started) {
            Status = STATUS_DEVICE_NOT_READY;
            __leave; // BUG: the __finally releases a lock not taken on this path
        }
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
        DevExt->Reads++;
    } __finally {
        KeReleaseSpinLock(&DevExt->Lock, Irql); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
