// The lock pointer is assigned on both branches of an if, then released
// once through it: after SROA the release's argument is a phi of two equal
// addresses, and at -O2 clang sinks two such releases into one phi'd call.
// Both name one lock.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    ULONG Flags;
    KSPIN_LOCK Lock;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PKSPIN_LOCK Lock;
    KIRQL Irql;

    if (Irp->MdlAddress == NULL) {
        Lock = &DevExt->Lock;
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
    } else {
        Lock = &DevExt->Lock;
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
        DevExt->Flags |= 2;
    }
    KeReleaseSpinLock(Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
