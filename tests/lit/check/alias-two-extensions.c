// Buggy twin of alias-two-extensions-safe.c: the call passes the data
// channel as both source and destination, so TransferCredits's nested
// acquire of `&To->Lock` takes the lock it already holds as `&From->Lock`.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
// XFAIL: *
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
    KeAcquireSpinLockAtDpcLevel(&To->Lock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
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
    TransferCredits(&g_DataChannel, &g_DataChannel, 4); // BUG: meant &g_ControlChannel
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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
