// Lock identity: one lock named through three pointer expressions. The read
// routine acquires `&DevExt->Lock` and releases it through
// `&((PDEVICE_EXTENSION)DeviceObject->DeviceExtension)->Lock` (the extension
// pointer loaded again from the device object), then acquires it through a
// local alias pointer and releases it through `&DevExt->Lock`. Every release
// finds the lock held and nothing is held at the return.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define FLAG_COUNT_BYTES 0x1

typedef struct _DEVICE_EXTENSION {
    ULONG Flags;
    KSPIN_LOCK Lock;
    ULONG Reads;
    ULONG Bytes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PKSPIN_LOCK ReadLock = &DevExt->Lock;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Reads++;
    KeReleaseSpinLock(&((PDEVICE_EXTENSION)DeviceObject->DeviceExtension)->Lock, Irql);

    if (DevExt->Flags & FLAG_COUNT_BYTES) {
        KeAcquireSpinLock(ReadLock, &Irql);
        DevExt->Bytes += IoGetCurrentIrpStackLocation(Irp)->Parameters.Read.Length;
        KeReleaseSpinLock(&DevExt->Lock, Irql);
    }

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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
