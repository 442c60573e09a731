// StorPortSpinLock3, buggy: a physical, half-duplex miniport that asked for
// no concurrent channels, so Storport holds the Interrupt lock around
// HwStorInterrupt, HwMSIInterruptRoutine and HwStorInitialize, the StartIo
// lock around HwStorStartIo, and both around HwStorTimer. Acquiring one of
// those again deadlocks; acquiring a DPC or StartIo lock while the Interrupt
// lock is held breaks the order (directly, and through two helpers in a
// DPC). Every lock the miniport takes it also releases: StorPortSpinLock
// finds nothing. Safe twin: storport-spinlock3-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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

// Storport holds the Interrupt lock here.
BOOLEAN Interrupt(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    StorPortAcquireSpinLock(Ext, InterruptLock, NULL, &Handle); // CHECK: storport-spinlock3.c:[[@LINE]]:5: error: [StorPortSpinLock3] The miniport is calling StorPortAcquireSpinLock to acquire the spinlock 'InterruptLock', which Storport already holds when it calls the HW_INTERRUPT routine 'Interrupt'.
    Ext->Outstanding--;
    StorPortReleaseSpinLock(Ext, &Handle);
    StorPortIssueDpc(Ext, &Ext->CompletionDpc, NULL, NULL);
    return TRUE;
}

// And here: a DPC lock is of a lower order.
BOOLEAN MessageInterrupt(PVOID HwDeviceExtension, ULONG MessageId)
{
    PHW_DEVICE_EXTENSION Ext = HwDeviceExtension;
    STOR_LOCK_HANDLE Handle;

    UNREFERENCED_PARAMETER(MessageId);
    StorPortAcquireSpinLock(Ext, DpcLock, &Ext->CompletionDpc, &Handle); // CHECK: storport-spinlock3.c:[[@LINE]]:5: error: [StorPortSpinLock3] The miniport is calling StorPortAcquireSpinLock to acquire the spinlock 'DpcLock of Ext->CompletionDpc' while holding 'InterruptLock', a spinlock of a higher order.
    Ext->Outstanding--;
    StorPortReleaseSpinLock(Ext, &Handle);
    return TRUE;
}

// Storport holds the StartIo lock here.
BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &Handle); // CHECK: storport-spinlock3.c:[[@LINE]]:5: error: [StorPortSpinLock3] The miniport is calling StorPortAcquireSpinLock to acquire the spinlock 'StartIoLock', which Storport already holds when it calls the HW_STARTIO routine 'StartIo'.
    Ext->Outstanding++;
    StorPortReleaseSpinLock(Ext, &Handle);
    Srb->SrbStatus = SRB_STATUS_PENDING;
    return TRUE;
}

// In half duplex, Storport holds both locks around the timer routine.
VOID Timer(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    StorPortAcquireSpinLock(Ext, InterruptLock, NULL, &Handle); // CHECK: storport-spinlock3.c:[[@LINE]]:5: error: [StorPortSpinLock3] The miniport is calling StorPortAcquireSpinLock to acquire the spinlock 'InterruptLock', which Storport already holds when it calls the HW_TIMER routine 'Timer'.
    Ext->Ticks++;
    StorPortReleaseSpinLock(Ext, &Handle);
}

static VOID LockStartIo(PHW_DEVICE_EXTENSION Ext, PSTOR_LOCK_HANDLE Handle)
{
    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, Handle); // CHECK: storport-spinlock3.c:[[@LINE]]:5: error: [StorPortSpinLock3] The miniport is calling StorPortAcquireSpinLock to acquire the spinlock 'StartIoLock' while holding 'InterruptLock', a spinlock of a higher order.
}

static VOID CountUnderStartIo(PHW_DEVICE_EXTENSION Ext)
{
    STOR_LOCK_HANDLE Handle;

    LockStartIo(Ext, &Handle);
    Ext->Outstanding = 0;
    StorPortReleaseSpinLock(Ext, &Handle);
}

// Storport holds nothing here, but the DPC takes the Interrupt lock and
// then, through two helpers, the StartIo lock.
VOID CompletionDpc(PSTOR_DPC Dpc, PVOID HwDeviceExtension, PVOID SystemArgument1,
                   PVOID SystemArgument2)
{
    PHW_DEVICE_EXTENSION Ext = HwDeviceExtension;
    STOR_LOCK_HANDLE Handle;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    StorPortAcquireSpinLock(Ext, InterruptLock, NULL, &Handle);
    CountUnderStartIo(Ext);
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

// A physical miniport's HwStorInitialize runs under the Interrupt lock.
BOOLEAN Initialize(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle;

    StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &Handle); // CHECK: storport-spinlock3.c:[[@LINE]]:5: error: [StorPortSpinLock3] The miniport is calling StorPortAcquireSpinLock to acquire the spinlock 'StartIoLock' while holding 'InterruptLock', a spinlock of a higher order.
    Ext->Ticks = 0;
    StorPortReleaseSpinLock(Ext, &Handle);
    StorPortNotification(RequestTimerCall, Ext, Timer, 1000);
    return StorPortEnablePassiveInitialization(Ext, PassiveInitialize);
}

ULONG FindAdapter(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation,
                  PCHAR ArgumentString, PPORT_CONFIGURATION_INFORMATION ConfigInfo,
                  PBOOLEAN Reserved3)
{
    UNREFERENCED_PARAMETER(DeviceExtension);
    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(Reserved3);
    ConfigInfo->HwMSInterruptRoutine = MessageInterrupt;
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
// CHECK: StorPortSpinLock3: Defect (6 defects, 10 entry routines)
