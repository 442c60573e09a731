// Storport HW_TIMER routine registered only through
// StorPortNotification(RequestTimerCall, ...) from HwInitialize. The timer
// returns early (`return;` in a void routine) with the queue lock held.
// The miniport is virtual: VIRTUAL_HW_INITIALIZATION_DATA, cast for
// StorPortInitialize.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <storport.h>

#define POLL_INTERVAL_US 10000

typedef struct _HW_DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    BOOLEAN Stopped;
    ULONG Ticks;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
VIRTUAL_HW_FIND_ADAPTER FindAdapter;
HW_INITIALIZE Initialize;
HW_STARTIO StartIo;
HW_TIMER PollTimer;

VOID PollTimer(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&Ext->QueueLock, &Irql);
    if (Ext->Stopped) {
        return; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The HW_TIMER routine 'PollTimer' has returned without releasing the spinlock
    }
    Ext->Ticks++;
    KeReleaseSpinLock(&Ext->QueueLock, Irql);
    StorPortNotification(RequestTimerCall, Ext, PollTimer, (ULONG)POLL_INTERVAL_US);
}

ULONG FindAdapter(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation,
                  PVOID LowerDevice, PCHAR ArgumentString,
                  PPORT_CONFIGURATION_INFORMATION ConfigInfo, PBOOLEAN Again)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(LowerDevice);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(ConfigInfo);
    UNREFERENCED_PARAMETER(Again);
    KeInitializeSpinLock(&Ext->QueueLock);
    return SP_RETURN_FOUND;
}

BOOLEAN Initialize(PVOID DeviceExtension)
{
    StorPortNotification(RequestTimerCall, DeviceExtension, PollTimer, (ULONG)POLL_INTERVAL_US);
    return TRUE;
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    Srb->SrbStatus = SRB_STATUS_SUCCESS;
    StorPortNotification(RequestComplete, DeviceExtension, Srb);
    return TRUE;
}

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    VIRTUAL_HW_INITIALIZATION_DATA InitData;

    RtlZeroMemory(&InitData, sizeof(InitData));
    InitData.HwInitializationDataSize = sizeof(InitData);
    InitData.AdapterInterfaceType = Internal;
    InitData.HwFindAdapter = FindAdapter;
    InitData.HwInitialize = Initialize;
    InitData.HwStartIo = StartIo;
    InitData.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, (PHW_INITIALIZATION_DATA)&InitData, NULL);
}

// CHECK: SpinLockDpc: Defect (1 defect,
