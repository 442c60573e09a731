// A miniport's reset path walks its queues and takes each queue's lock by
// how the adapter was set up: the queue's DPC lock when message signalled
// interrupts are on and there are several queues, the queue's MSI lock
// when there is one, the interrupt lock otherwise; the release helper
// decides the same way. The queue count is read afresh at each turn of the
// loop (the loop's own condition), so each turn may choose another lock,
// but the acquire and the release of one turn test the same value. Buggy:
// the release helper has the two message signalled cases swapped, so it
// releases the MSI lock where the acquire took the queue's DPC lock and
// the other way round, and either lock stays held. (Here the reset path
// handles the first queue only, so that no lock left held by one turn
// meets the next: what a later turn would report follows from the first
// mistake.) Safe twin: storport-queue-lock-choice-in-loop-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    BOOLEAN MsixEnabled;
    ULONG QueueCount;
    ULONG Resets;
    STOR_DPC QueueDpc[8];
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_STARTIO StartIo;
HW_ADAPTER_CONTROL AdapterControl;

static VOID QueueLock(PHW_DEVICE_EXTENSION Ext, ULONG Queue, PSTOR_LOCK_HANDLE Handle)
{
    if (Ext->MsixEnabled) {
        if (Ext->QueueCount > 1) {
            StorPortAcquireSpinLock(Ext, DpcLock, &Ext->QueueDpc[Queue], Handle);
        } else {
            ULONG OldIrql = 0;

            StorPortAcquireMSISpinLock(Ext, Queue, &OldIrql);
            Handle->Context.OldIrql = (KIRQL)OldIrql;
        }
    } else {
        StorPortAcquireSpinLock(Ext, InterruptLock, NULL, Handle);
    }
}

static VOID QueueUnlock(PHW_DEVICE_EXTENSION Ext, ULONG Queue, PSTOR_LOCK_HANDLE Handle)
{
    if (Ext->MsixEnabled) {
        if (Ext->QueueCount > 1)
            StorPortReleaseMSISpinLock(Ext, Queue, Handle->Context.OldIrql); // CHECK: .c:[[@LINE]]:13: error: [StorPortSpinLock] The miniport is calling StorPortReleaseMSISpinLock without first acquiring the spinlock 'MSI spin lock 0'.
        else
            StorPortReleaseSpinLock(Ext, Handle); // CHECK: .c:[[@LINE]]:13: error: [StorPortSpinLock] The miniport is calling StorPortReleaseSpinLock without first acquiring the spinlock 'lock of Handle'.
    } else {
        StorPortReleaseSpinLock(Ext, Handle);
    }
}

SCSI_ADAPTER_CONTROL_STATUS AdapterControl(PVOID DeviceExtension,
                                           SCSI_ADAPTER_CONTROL_TYPE ControlType,
                                           PVOID Parameters)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    ULONG Queue;

    UNREFERENCED_PARAMETER(Parameters);
    if (ControlType != ScsiRestartAdapter)
        return ScsiAdapterControlSuccess;
    Queue = 0;
    if (Queue < Ext->QueueCount) {
        STOR_LOCK_HANDLE Handle = {0};

        QueueLock(Ext, Queue, &Handle);
        Ext->Resets++;
        QueueUnlock(Ext, Queue, &Handle);
    }
    return ScsiAdapterControlSuccess; // CHECK: .c:[[@LINE]]:5: error: [StorPortSpinLock] The HW_ADAPTER_CONTROL routine 'AdapterControl' has returned without releasing the spinlock 'MSI spin lock 0'.
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    Srb->SrbStatus = SRB_STATUS_SUCCESS;
    StorPortNotification(RequestComplete, DeviceExtension, Srb);
    return TRUE;
}

ULONG FindAdapter(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation,
                  PCHAR ArgumentString, PPORT_CONFIGURATION_INFORMATION ConfigInfo,
                  PBOOLEAN Again)
{
    UNREFERENCED_PARAMETER(DeviceExtension);
    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(ConfigInfo);
    UNREFERENCED_PARAMETER(Again);
    return SP_RETURN_FOUND;
}

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    HW_INITIALIZATION_DATA InitData;

    RtlZeroMemory(&InitData, sizeof(InitData));
    InitData.HwInitializationDataSize = sizeof(InitData);
    InitData.AdapterInterfaceType = PCIBus;
    InitData.HwFindAdapter = FindAdapter;
    InitData.HwStartIo = StartIo;
    InitData.HwAdapterControl = AdapterControl;
    InitData.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, &InitData, NULL);
}

// (The DPC lock, held at the same return on the other path, is not
// reported again there: the one call that took a lock took one or the other.)
// CHECK: StorPortSpinLock: Defect (3 defects, 4 entry routines)
// CHECK: StorPortSpinLock3: Pass (0 defects, 4 entry routines)
