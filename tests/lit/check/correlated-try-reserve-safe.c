// A condition on a helper's return value, in a Storport miniport:
// TryReserveSlot takes the slot lock and returns TRUE with it held when a
// slot is free, or releases it and returns FALSE. HwBuildIo releases the lock
// only inside `if (TryReserveSlot(Ext))`. (Unlike
// conditional-lock-return-value-safe.c, the helper acquires on both paths and
// releases on the failing one before returning.)
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    KSPIN_LOCK SlotLock;
    ULONG FreeSlots;
    ULONG Reserved;
    ULONG Busy;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_INITIALIZE Initialize;
HW_BUILDIO BuildIo;
HW_STARTIO StartIo;

// Returns TRUE with Ext->SlotLock held, or FALSE with it released.
static BOOLEAN TryReserveSlot(PHW_DEVICE_EXTENSION Ext)
{
    KeAcquireSpinLockAtDpcLevel(&Ext->SlotLock);
    if (Ext->FreeSlots == 0) {
        KeReleaseSpinLockFromDpcLevel(&Ext->SlotLock);
        return FALSE;
    }
    Ext->FreeSlots--;
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
    UNREFERENCED_PARAMETER(Reserved3);
    KeInitializeSpinLock(&Ext->SlotLock);
    Ext->FreeSlots = 32;
    ConfigInfo->MaximumTransferLength = 0x10000;
    return SP_RETURN_FOUND;
}

BOOLEAN Initialize(PVOID DeviceExtension)
{
    UNREFERENCED_PARAMETER(DeviceExtension);
    return TRUE;
}

BOOLEAN BuildIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    if (TryReserveSlot(Ext)) {
        Ext->Reserved++;
        KeReleaseSpinLockFromDpcLevel(&Ext->SlotLock);
        return TRUE;
    }
    Ext->Busy++;
    Srb->SrbStatus = SRB_STATUS_BUSY;
    StorPortNotification(RequestComplete, Ext, Srb);
    return FALSE;
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    Srb->SrbStatus = SRB_STATUS_SUCCESS;
    StorPortNotification(RequestComplete, DeviceExtension, Srb);
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
    InitData.HwBuildIo = BuildIo;
    InitData.HwStartIo = StartIo;
    InitData.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, &InitData, NULL);
}

// CHECK: SpinLockDpc: Pass (0 defects, 5 entry routines)
