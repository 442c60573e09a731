// Safe twin of storport-spinlock3.c: a full-duplex miniport with concurrent
// channels, so Storport holds only the Interrupt lock around its interrupt
// routines and HwStorInitialize; HwStorStartIo and HwStorTimer may take the
// StartIo and Interrupt locks (in that order), the interrupt routines take
// no lower lock, and the DPC takes StartIo before Interrupt.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    STOR_DPC CompletionDpc;
    ULONG Outstanding;
    ULONG Ticks;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_INITIALIZE Initialize;
HW_PASSIVE_INITIALIZE_ROUTINE PassiveInitialize;
HW_BUILDIO BuildIo;
HW_STARTIO StartIo;
HW_INTERRUPT Interrupt;
HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE MessageInterrupt;
HW_DPC_ROUTINE CompletionDpc;
HW_TIMER Timer;

BOOLEAN Interrupt(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    Ext->Outstanding--;
    StorPortIssueDpc(Ext, &Ext->CompletionDpc, NULL, NULL);
    return TRUE;
}

BOOLEAN MessageInterrupt(PVOID HwDeviceExtension, ULONG MessageId)
{
    PHW_DEVICE_EXTENSION Ext = HwDeviceExtension;

    UNREFERENCED_PARAMETER(MessageId);
    Ext->Outstanding--;
    StorPortIssueDpc(Ext, &Ext->CompletionDpc, NULL, NULL);
    return TRUE;
}

// Concurrent channels: Storport holds no lock here.
BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &Handle);
    Ext->Outstanding++;
    StorPortReleaseSpinLock(Ext, &Handle);
    Srb->SrbStatus = SRB_STATUS_PENDING;
    return TRUE;
}

// Full duplex: Storport holds no lock around the timer routine.
VOID Timer(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    StorPortAcquireSpinLock(Ext, InterruptLock, NULL, &Handle);
    Ext->Ticks++;
    StorPortReleaseSpinLock(Ext, &Handle);
}

static VOID LockStartIo(PHW_DEVICE_EXTENSION Ext, PSTOR_LOCK_HANDLE Handle)
{
    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, Handle);
}

static VOID CountUnderStartIo(PHW_DEVICE_EXTENSION Ext)
{
    STOR_LOCK_HANDLE Handle;

    LockStartIo(Ext, &Handle);
    Ext->Outstanding = 0;
    StorPortReleaseSpinLock(Ext, &Handle);
}

// The StartIo lock, through two helpers, and then the Interrupt lock.
VOID CompletionDpc(PSTOR_DPC Dpc, PVOID HwDeviceExtension, PVOID SystemArgument1,
                   PVOID SystemArgument2)
{
    PHW_DEVICE_EXTENSION Ext = HwDeviceExtension;
    STOR_LOCK_HANDLE Handle;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    CountUnderStartIo(Ext);
    StorPortAcquireSpinLock(Ext, InterruptLock, NULL, &Handle);
    Ext->Outstanding++;
    StorPortReleaseSpinLock(Ext, &Handle);
}

// Storport holds nothing here: StartIo then Interrupt is the right order.
BOOLEAN BuildIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE StartIoHandle, InterruptHandle;

    UNREFERENCED_PARAMETER(Srb);
    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &StartIoHandle);
    StorPortAcquireSpinLock(Ext, InterruptLock, NULL, &InterruptHandle);
    Ext->Outstanding++;
    StorPortReleaseSpinLock(Ext, &InterruptHandle);
    StorPortReleaseSpinLock(Ext, &StartIoHandle);
    return TRUE;
}

BOOLEAN PassiveInitialize(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    StorPortInitializeDpc(Ext, &Ext->CompletionDpc, CompletionDpc);
    return TRUE;
}

// A physical miniport's HwStorInitialize runs under the Interrupt lock: it
// takes no lock.
BOOLEAN Initialize(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    Ext->Ticks = 0;
    StorPortNotification(RequestTimerCall, Ext, Timer, 1000);
    return StorPortEnablePassiveInitialization(Ext, PassiveInitialize);
}

ULONG FindAdapter(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation,
                  PCHAR ArgumentString, PPORT_CONFIGURATION_INFORMATION ConfigInfo,
                  PBOOLEAN Reserved3)
{
    PERF_CONFIGURATION_DATA Perf;

    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(Reserved3);
    ConfigInfo->HwMSInterruptRoutine = MessageInterrupt;
    ConfigInfo->SynchronizationModel = StorSynchronizeFullDuplex;
    RtlZeroMemory(&Perf, sizeof(Perf));
    Perf.Flags = STOR_PERF_CONCURRENT_CHANNELS;
    Perf.ConcurrentChannels = 2;
    StorPortInitializePerfOpts(DeviceExtension, FALSE, &Perf);
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
    InitData.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, &InitData, NULL);
}

// CHECK: StorPortSpinLock: Pass (0 defects, 10 entry routines)
// CHECK: StorPortSpinLock3: Pass (0 defects, 10 entry routines)
