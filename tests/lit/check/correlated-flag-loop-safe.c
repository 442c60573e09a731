// A flag computed once into a local and tested twice in every iteration of
// a loop: StartIo locks each channel update only when the device has more
// than one channel. `Sync` is never written after its initialisation, so
// each iteration either takes and drops the lock or does neither.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define MAX_CHANNELS 8

typedef struct _CHANNEL {
    ULONG Submitted;
    BOOLEAN Stalled;
} CHANNEL;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG ChannelCount;
    CHANNEL Channels[MAX_CHANNELS];
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;
DRIVER_STARTIO StartIo;

VOID StartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    BOOLEAN Sync = (BOOLEAN)(DevExt->ChannelCount > 1);
    ULONG i;

    for (i = 0; i < DevExt->ChannelCount && i < MAX_CHANNELS; i++) {
        if (Sync) {
            KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
        }
        if (!DevExt->Channels[i].Stalled) {
            DevExt->Channels[i].Submitted++;
        }
        if (Sync) {
            KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
        }
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    IoStartNextPacket(DeviceObject, FALSE);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    IoMarkIrpPending(Irp);
    IoStartPacket(DeviceObject, Irp, NULL, NULL);
    return STATUS_PENDING;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    DriverObject->DriverStartIo = StartIo;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 3 entry routines)
