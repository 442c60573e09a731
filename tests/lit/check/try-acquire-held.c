// Buggy twin of try-acquire-held-safe.c: the try-acquire names the queue
// lock, which StartIo already holds. A try-acquire of a held lock is a
// double acquire (reported at the try call) whatever the attempt would
// return; the lock is not tracked afterwards.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    // BUG: the queue lock instead of the statistics lock
    if (KeTryToAcquireSpinLockAtDpcLevel(&DevExt->QueueLock)) { // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
        DevExt->StatsStarted++;
        KeReleaseSpinLockFromDpcLevel(&DevExt->QueueLock);
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

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
