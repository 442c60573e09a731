// A miniport's queue lock helpers choose the lock by how interrupts are
// delivered (the interrupt lock, or the queue's MSI lock), skip it when
// called from the interrupt routine (a BOOLEAN argument), and are called as
// a pair around a counter update in a loop after a call that may change the
// device extension: the helpers' reads of the flag are one value, so the
// release takes the lock the acquire took. Buggy: the unlock helper has
// lost the MSI release, and the loop takes the queue's MSI lock again.
// Safe twin: storport-queue-lock-helpers-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    BOOLEAN MsixEnabled;
    ULONG QueueCount;
    ULONG QueueMessage;
    ULONG ResetsInProgress;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_STARTIO StartIo;
HW_ADAPTER_CONTROL AdapterControl;
BOOLEAN ReinitializeDevice(PHW_DEVICE_EXTENSION Ext);

static VOID QueueLock(PHW_DEVICE_EXTENSION Ext, ULONG MessageId, PSTOR_LOCK_HANDLE Handle,
                      BOOLEAN Isr)
{
    if (!Isr) {
        if (Ext->MsixEnabled) {
            ULONG OldIrql = 0;

            StorPortAcquireMSISpinLock(Ext, MessageId, &OldIrql); // CHECK: .c:[[@LINE]]:13: error: [StorPortSpinLock] The miniport is calling StorPortAcquireMSISpinLock after already acquiring the spinlock 'MSI spin lock Ext->QueueMessage'.
            Handle->Context.OldIrql = (KIRQL)OldIrql;
        } else {
            StorPortAcquireSpinLock(Ext, InterruptLock, NULL, Handle);
        }
    }
}

static VOID QueueUnlock(PHW_DEVICE_EXTENSION Ext, ULONG MessageId, PSTOR_LOCK_HANDLE Handle,
                        BOOLEAN Isr)
{
    UNREFERENCED_PARAMETER(MessageId);
    if (!Isr) {
        if (!Ext->MsixEnabled)
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
    if (!ReinitializeDevice(Ext))
        return ScsiAdapterControlUnsuccessful;
    for (Queue = 0; Queue < Ext->QueueCount; Queue++) {
        STOR_LOCK_HANDLE Handle = {0};

        QueueLock(Ext, Ext->QueueMessage, &Handle, FALSE);
        Ext->ResetsInProgress--;
        QueueUnlock(Ext, Ext->QueueMessage, &Handle, FALSE);
    }
    return ScsiAdapterControlSuccess; // CHECK: .c:[[@LINE]]:5: error: [StorPortSpinLock] The HW_ADAPTER_CONTROL routine 'AdapterControl' has returned without releasing the spinlock 'MSI spin lock Ext->QueueMessage'.
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    UNREFERENCED_PARAMETER(DeviceExtension);
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

// CHECK: StorPortSpinLock: Defect (2 defects, 4 entry routines)
