// Try-acquire of a second, different lock while one is held: StartIo holds
// the queue lock and tries the statistics lock, updating the statistics only
// if the attempt succeeds. Two locks, each released on every path it is held.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    KSPIN_LOCK StatsLock;
    ULONG Started;
    ULONG StatsStarted;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_STARTIO StartIo;

VOID StartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    KeAcquireSpinLockAtDpcLevel(&DevExt->QueueLock);
    DevExt->Started++;
    if (KeTryToAcquireSpinLockAtDpcLevel(&DevExt->StatsLock)) {
        DevExt->StatsStarted++;
        KeReleaseSpinLockFromDpcLevel(&DevExt->StatsLock);
    }
    KeReleaseSpinLockFromDpcLevel(&DevExt->QueueLock);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    IoStartNextPacket(DeviceObject, FALSE);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    IoMarkIrpPending(Irp);
    IoStartPacket(DeviceObject, Irp, NULL, NULL);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->DriverStartIo = StartIo;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 3 entry routines)
