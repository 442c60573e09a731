// Lock identity: two structures of the same type are two locks. The driver
// keeps two channel extensions of one type in globals; TransferCredits
// takes the source channel's lock and, nested inside it, the destination
// channel's lock, both as `&Channel->Lock`. Called with the two different
// channels, no lock is taken twice.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _CHANNEL_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Credits;
} CHANNEL_EXTENSION, *PCHANNEL_EXTENSION;

CHANNEL_EXTENSION g_DataChannel;
CHANNEL_EXTENSION g_ControlChannel;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

static VOID TransferCredits(PCHANNEL_EXTENSION From, PCHANNEL_EXTENSION To, ULONG Credits)
{
    KIRQL Irql;

    KeAcquireSpinLock(&From->Lock, &Irql);
    KeAcquireSpinLockAtDpcLevel(&To->Lock);
    if (From->Credits >= Credits) {
        From->Credits -= Credits;
        To->Credits += Credits;
    }
    KeReleaseSpinLockFromDpcLevel(&To->Lock);
    KeReleaseSpinLock(&From->Lock, Irql);
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    TransferCredits(&g_DataChannel, &g_ControlChannel, 4);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_DataChannel.Lock);
    KeInitializeSpinLock(&g_ControlChannel.Lock);
    g_DataChannel.Credits = 16;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
