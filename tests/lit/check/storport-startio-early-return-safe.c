// Safe twin of storport-startio-early-return.c: the bad-LUN path releases
// the lock before completing the SRB. The adapter's StartIo lock, taken with
// StorPortAcquireSpinLock (a separate Storport rule), is used correctly.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    ULONG Outstanding;
    ULONG Resets;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_INITIALIZE Initialize;
HW_STARTIO StartIo;
HW_RESET_BUS ResetBus;

ULONG FindAdapter(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation,
                  PCHAR ArgumentString, PPORT_CONFIGURATION_INFORMATION ConfigInfo,
                  PBOOLEAN Reserved3)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(Reserved3);
    KeInitializeSpinLock(&Ext->QueueLock);
    InitializeListHead(&Ext->Queue);
    ConfigInfo->MaximumTransferLength = 0x10000;
    // Full duplex: Storport holds no lock around HwStorResetBus, which may
    // then take the StartIo lock (StorPortSpinLock3).
    ConfigInfo->SynchronizationModel = StorSynchronizeFullDuplex;
    return SP_RETURN_FOUND;
}

BOOLEAN Initialize(PVOID DeviceExtension)
{
    UNREFERENCED_PARAMETER(DeviceExtension);
    return TRUE;
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&Ext->QueueLock, &Irql);
    if (Srb->Lun != 0) {
        KeReleaseSpinLock(&Ext->QueueLock, Irql);
        Srb->SrbStatus = SRB_STATUS_INVALID_LUN;
        StorPortNotification(RequestComplete, Ext, Srb);
        return TRUE;
    }
    Ext->Outstanding++;
    KeReleaseSpinLock(&Ext->QueueLock, Irql);

    Srb->SrbStatus = SRB_STATUS_SUCCESS;
    StorPortNotification(RequestComplete, Ext, Srb);
    return TRUE;
}

BOOLEAN ResetBus(PVOID DeviceExtension, ULONG PathId)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE LockHandle;

    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &LockHandle);
    Ext->Resets++;
    StorPortReleaseSpinLock(Ext, &LockHandle);
    StorPortCompleteRequest(Ext, (UCHAR)PathId, 0xFF, 0xFF, SRB_STATUS_BUS_RESET);
    return TRUE;
}

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    HW_INITIALIZATION_DATA InitData;

    RtlZeroMemory(&InitData, sizeof(InitData));
    InitData.HwInitializationDataSize = sizeof(InitData);
    InitData.AdapterInterfaceType = Internal;
    InitData.HwFindAdapter = FindAdapter;
    InitData.HwInitialize = Initialize;
    InitData.HwStartIo = StartIo;
    InitData.HwResetBus = ResetBus;
    InitData.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, &InitData, NULL);
}

// CHECK: SpinLockDpc: Pass (0 defects,
