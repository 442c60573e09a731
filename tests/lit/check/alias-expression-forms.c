// Buggy twin of alias-expression-forms-safe.c: the lock is taken through
// `&((PDEVICE_EXTENSION)DeviceObject->DeviceExtension)->Lock`, and the byte
// counting path takes it again through a local alias of `&DevExt->Lock`
// while it is still held. The alias names the same lock: the second acquire
// is a double acquire (afterwards the lock is untracked: no more reports).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KIRQL ByteIrql;

    KeAcquireSpinLock(&((PDEVICE_EXTENSION)DeviceObject->DeviceExtension)->Lock, &Irql);
    DevExt->Reads++;
    if (DevExt->Flags & FLAG_COUNT_BYTES) {
        // BUG: ReadLock is the lock already held
        KeAcquireSpinLock(ReadLock, &ByteIrql); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
        DevExt->Bytes += IoGetCurrentIrpStackLocation(Irp)->Parameters.Read.Length;
        KeReleaseSpinLock(ReadLock, ByteIrql);
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);

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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
