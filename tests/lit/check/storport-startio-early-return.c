// Storport miniport: HwStartIo (registered through HW_INITIALIZATION_DATA and
// StorPortInitialize) takes the extension's own KSPIN_LOCK and, on the
// bad-LUN path, completes the SRB and returns TRUE with the lock held.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    ULONG Outstanding;
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
        Srb->SrbStatus = SRB_STATUS_INVALID_LUN;
        StorPortNotification(RequestComplete, Ext, Srb);
        return TRUE; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The HW_STARTIO routine 'StartIo' has returned without releasing the spinlock
    }
    Ext->Outstanding++;
    KeReleaseSpinLock(&Ext->QueueLock, Irql);

    Srb->SrbStatus = SRB_STATUS_SUCCESS;
    StorPortNotification(RequestComplete, Ext, Srb);
    return TRUE;
}

BOOLEAN ResetBus(PVOID DeviceExtension, ULONG PathId)
{
    StorPortCompleteRequest(DeviceExtension, (UCHAR)PathId, 0xFF, 0xFF, SRB_STATUS_BUS_RESET);
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

// CHECK: SpinLockDpc: Defect (1 defect,
