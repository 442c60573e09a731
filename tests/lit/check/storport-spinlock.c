// StorPortSpinLock, buggy: one mistake per routine, in each shape (directly,
// through a helper, through two helpers in a DPC only StorPortInitializeDpc
// registers, in a loop, on an early return, a release through a handle no
// acquire bound, and an MSI lock released twice in the timer routine). The
// acquire is StorPortAcquireSpinLock, an inline wrapper of
// StorPortNotification(AcquireSpinLock, ...); the release names only the
// STOR_LOCK_HANDLE. A full-duplex miniport with concurrent channels:
// Storport holds no lock in these routines, and the nested StartIo and
// Interrupt locks are in order, so StorPortSpinLock3 finds nothing. Safe
// twin: storport-spinlock-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    STOR_DPC CompletionDpc;
    LIST_ENTRY Pending;
    ULONG Outstanding;
    ULONG Resets;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_INITIALIZE Initialize;
HW_PASSIVE_INITIALIZE_ROUTINE PassiveInitialize;
HW_BUILDIO BuildIo;
HW_STARTIO StartIo;
HW_INTERRUPT Interrupt;
HW_DPC_ROUTINE CompletionDpc;
HW_ADAPTER_CONTROL AdapterControl;
HW_UNIT_CONTROL UnitControl;
HW_RESET_BUS ResetBus;
HW_TIMER Timer;
HW_FREE_ADAPTER_RESOURCES FreeAdapterResources;

// Direct.
BOOLEAN BuildIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    UNREFERENCED_PARAMETER(Srb);
    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &Handle);
    Ext->Outstanding++;
    return TRUE; // CHECK: storport-spinlock.c:[[@LINE]]:5: error: [StorPortSpinLock] The HW_BUILDIO routine 'BuildIo' has returned without releasing the spinlock 'StartIoLock'.
}

static VOID LockInterrupt(PHW_DEVICE_EXTENSION Ext, PSTOR_LOCK_HANDLE Handle)
{
    StorPortAcquireSpinLock(Ext, InterruptLock, NULL, Handle);
}

static VOID Unlock(PHW_DEVICE_EXTENSION Ext, PSTOR_LOCK_HANDLE Handle)
{
    StorPortReleaseSpinLock(Ext, Handle);
}

// Through a helper.
BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    LockInterrupt(Ext, &Handle);
    Srb->SrbStatus = SRB_STATUS_PENDING;
    return TRUE; // CHECK: storport-spinlock.c:[[@LINE]]:5: error: [StorPortSpinLock] The HW_STARTIO routine 'StartIo' has returned without releasing the spinlock 'InterruptLock'.
}

static VOID LockDpc(PHW_DEVICE_EXTENSION Ext, PSTOR_DPC Dpc, PSTOR_LOCK_HANDLE Handle)
{
    StorPortAcquireSpinLock(Ext, DpcLock, Dpc, Handle);
}

static VOID LockCompletion(PHW_DEVICE_EXTENSION Ext, PSTOR_LOCK_HANDLE Handle)
{
    LockDpc(Ext, &Ext->CompletionDpc, Handle);
}

// Through two helpers, in a DPC only its registration names: the DPC lock
// of this DPC stays held when nothing is pending.
VOID CompletionDpc(PSTOR_DPC Dpc, PVOID HwDeviceExtension, PVOID SystemArgument1,
                   PVOID SystemArgument2)
{
    PHW_DEVICE_EXTENSION Ext = HwDeviceExtension;
    STOR_LOCK_HANDLE Handle;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    LockCompletion(Ext, &Handle);
    if (Ext->Outstanding == 0) {
        return; // CHECK: storport-spinlock.c:[[@LINE]]:9: error: [StorPortSpinLock] The HW_DPC_ROUTINE routine 'CompletionDpc' has returned without releasing the spinlock 'DpcLock of Ext->CompletionDpc'.
    }
    Ext->Outstanding--;
    Unlock(Ext, &Handle);
}

// In a loop: `continue` skips the release.
SCSI_ADAPTER_CONTROL_STATUS AdapterControl(PVOID DeviceExtension,
                                           SCSI_ADAPTER_CONTROL_TYPE ControlType,
                                           PVOID Parameters)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;
    PLIST_ENTRY Entry;

    UNREFERENCED_PARAMETER(ControlType);
    UNREFERENCED_PARAMETER(Parameters);
    while (!IsListEmpty(&Ext->Pending)) {
        StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &Handle); // CHECK: storport-spinlock.c:[[@LINE]]:9: error: [StorPortSpinLock] The miniport is calling StorPortAcquireSpinLock after already acquiring the spinlock 'StartIoLock'.
        Entry = RemoveHeadList(&Ext->Pending);
        if (Entry == &Ext->Pending) {
            continue;
        }
        Ext->Outstanding--;
        StorPortReleaseSpinLock(Ext, &Handle);
    }
    return ScsiAdapterControlSuccess; // CHECK: storport-spinlock.c:[[@LINE]]:5: error: [StorPortSpinLock] The HW_ADAPTER_CONTROL routine 'AdapterControl' has returned without releasing the spinlock 'StartIoLock'.
}

// An early return.
SCSI_UNIT_CONTROL_STATUS UnitControl(PVOID DeviceExtension, SCSI_UNIT_CONTROL_TYPE ControlType,
                                     PVOID Parameters)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    UNREFERENCED_PARAMETER(Parameters);
    LockInterrupt(Ext, &Handle);
    if (ControlType != ScsiQuerySupportedUnitControlTypes) {
        return ScsiUnitControlSuccess; // CHECK: storport-spinlock.c:[[@LINE]]:9: error: [StorPortSpinLock] The HW_UNIT_CONTROL routine 'UnitControl' has returned without releasing the spinlock 'InterruptLock'.
    }
    Ext->Resets = 0;
    Unlock(Ext, &Handle);
    return ScsiUnitControlSuccess;
}

// A release through a handle no acquire bound.
BOOLEAN ResetBus(PVOID DeviceExtension, ULONG PathId)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    UNREFERENCED_PARAMETER(PathId);
    Ext->Resets++;
    StorPortReleaseSpinLock(Ext, &Handle); // CHECK: storport-spinlock.c:[[@LINE]]:5: error: [StorPortSpinLock] The miniport is calling StorPortReleaseSpinLock without first acquiring the spinlock 'lock of Handle'.
    return TRUE;
}

// An MSI lock released twice.
VOID Timer(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    ULONG OldIrql;

    StorPortAcquireMSISpinLock(Ext, 1, &OldIrql);
    Ext->Outstanding = 0;
    StorPortReleaseMSISpinLock(Ext, 1, OldIrql);
    StorPortReleaseMSISpinLock(Ext, 1, OldIrql); // CHECK: storport-spinlock.c:[[@LINE]]:5: error: [StorPortSpinLock] The miniport is calling StorPortReleaseMSISpinLock without first acquiring the spinlock 'MSI spin lock 1'.
}

// The StartIo and Interrupt locks nested, in order: fine.
VOID FreeAdapterResources(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE StartIoHandle, InterruptHandle;

    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &StartIoHandle);
    StorPortAcquireSpinLock(Ext, InterruptLock, NULL, &InterruptHandle);
    Ext->Outstanding = 0;
    StorPortReleaseSpinLock(Ext, &InterruptHandle);
    StorPortReleaseSpinLock(Ext, &StartIoHandle);
}

BOOLEAN Interrupt(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    StorPortIssueDpc(Ext, &Ext->CompletionDpc, NULL, NULL);
    return TRUE;
}

BOOLEAN PassiveInitialize(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    StorPortInitializeDpc(Ext, &Ext->CompletionDpc, CompletionDpc);
    return TRUE;
}

BOOLEAN Initialize(PVOID DeviceExtension)
{
    StorPortNotification(RequestTimerCall, DeviceExtension, Timer, 1000);
    return StorPortEnablePassiveInitialization(DeviceExtension, PassiveInitialize);
}

ULONG FindAdapter(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation,
                  PCHAR ArgumentString, PPORT_CONFIGURATION_INFORMATION ConfigInfo,
                  PBOOLEAN Reserved3)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    PERF_CONFIGURATION_DATA Perf;

    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(Reserved3);
    ConfigInfo->SynchronizationModel = StorSynchronizeFullDuplex;
    RtlZeroMemory(&Perf, sizeof(Perf));
    Perf.Flags = STOR_PERF_CONCURRENT_CHANNELS;
    Perf.ConcurrentChannels = 4;
    StorPortInitializePerfOpts(Ext, FALSE, &Perf);
    InitializeListHead(&Ext->Pending);
    return SP_RETURN_FOUND;
}

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    HW_INITIALIZATION_DATA InitData;

    RtlZeroMemory(&InitData, sizeof(InitData));
    InitData.HwInitializationDataSize = sizeof(InitData);
    InitData.AdapterInterfaceType = PCIBus;
    InitData.HwFindAdapter = FindAdapter;
    InitData.HwInitialize = Initialize;
    InitData.HwBuildIo = BuildIo;
    InitData.HwStartIo = StartIo;
    InitData.HwInterrupt = Interrupt;
    InitData.HwAdapterControl = AdapterControl;
    InitData.HwUnitControl = UnitControl;
    InitData.HwResetBus = ResetBus;
    InitData.HwFreeAdapterResources = FreeAdapterResources;
    InitData.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, &InitData, NULL);
}

// CHECK: StorPortSpinLock: Defect (8 defects, 13 entry routines)
// CHECK: StorPortSpinLock3: Pass (0 defects, 13 entry routines)
