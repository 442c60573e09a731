// Roles, Storport, buggy twin of roles-storport-dpc-safe.c: the HW_DPC_ROUTINE
// (registered only through StorPortInitializeDpc in the passive
// initialization routine, registered only through
// StorPortEnablePassiveInitialization) returns early with the completion
// lock held when there is no interrupt status to process.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    KSPIN_LOCK CompletionLock;
    STOR_DPC CompletionDpc;
    ULONG InterruptStatus;
    ULONG Completed;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_INITIALIZE Initialize;
HW_PASSIVE_INITIALIZE_ROUTINE PassiveInitialize;
HW_STARTIO StartIo;
HW_INTERRUPT Interrupt;
HW_DPC_ROUTINE CompletionDpc;

VOID CompletionDpc(PSTOR_DPC Dpc, PVOID HwDeviceExtension, PVOID SystemArgument1,
                   PVOID SystemArgument2)
{
    PHW_DEVICE_EXTENSION Ext = HwDeviceExtension;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    KeAcquireSpinLockAtDpcLevel(&Ext->CompletionLock);
    if (Ext->InterruptStatus == 0) {
        return; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The HW_DPC_ROUTINE routine 'CompletionDpc' has returned without releasing the spinlock
    }
    Ext->InterruptStatus = 0;
    Ext->Completed++;
    KeReleaseSpinLockFromDpcLevel(&Ext->CompletionLock);
}

BOOLEAN PassiveInitialize(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    StorPortInitializeDpc(Ext, &Ext->CompletionDpc, CompletionDpc);
    return TRUE;
}

ULONG FindAdapter(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation,
                  PCHAR ArgumentString, PPORT_CONFIGURATION_INFORMATION ConfigInfo,
                  PBOOLEAN Reserved3)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(ConfigInfo);
    UNREFERENCED_PARAMETER(Reserved3);
    KeInitializeSpinLock(&Ext->CompletionLock);
    return SP_RETURN_FOUND;
}

BOOLEAN Initialize(PVOID DeviceExtension)
{
    return StorPortEnablePassiveInitialization(DeviceExtension, PassiveInitialize);
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    UNREFERENCED_PARAMETER(DeviceExtension);
    Srb->SrbStatus = SRB_STATUS_PENDING;
    return TRUE;
}

BOOLEAN Interrupt(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    Ext->InterruptStatus = 1;
    StorPortIssueDpc(Ext, &Ext->CompletionDpc, NULL, NULL);
    return TRUE;
}

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    HW_INITIALIZATION_DATA InitData;

    RtlZeroMemory(&InitData, sizeof(InitData));
    InitData.HwInitializationDataSize = sizeof(InitData);
    InitData.AdapterInterfaceType = PCIBus;
    InitData.HwFindAdapter = FindAdapter;
    InitData.HwInitialize = Initialize;
    InitData.HwStartIo = StartIo;
    InitData.HwInterrupt = Interrupt;
    InitData.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, &InitData, NULL);
}

// CHECK: SpinLockDpc: Defect (1 defect, 7 entry routines)
