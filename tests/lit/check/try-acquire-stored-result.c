// Buggy twin of try-acquire-stored-result-safe.c: on the TRUE outcome, the
// early exit taken when nothing is pending returns without releasing the
// completion lock.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    STOR_DPC CompletionDpc;
    KSPIN_LOCK CompletionLock;
    ULONG Pending;
    ULONG Drained;
    ULONG Deferred;
    ULONG DpcRuns;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_INITIALIZE Initialize;
HW_STARTIO StartIo;
HW_INTERRUPT Interrupt;
HW_DPC_ROUTINE CompletionDpc;

VOID CompletionDpc(PSTOR_DPC Dpc, PVOID HwDeviceExtension, PVOID SystemArgument1,
                   PVOID SystemArgument2)
{
    PHW_DEVICE_EXTENSION Ext = HwDeviceExtension;
    BOOLEAN Acquired;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    Acquired = KeTryToAcquireSpinLockAtDpcLevel(&Ext->CompletionLock);
    Ext->DpcRuns++;
    if (Acquired) {
        if (Ext->Pending == 0) {
            // BUG: the lock taken by the successful attempt is not released
            return; // CHECK: .c:[[@LINE]]:13: error: [SpinLockDpc] The HW_DPC_ROUTINE routine 'CompletionDpc' has returned without releasing the spinlock
        }
        Ext->Drained += Ext->Pending;
        Ext->Pending = 0;
    } else {
        Ext->Deferred++;
    }
    if (Acquired) {
        KeReleaseSpinLockFromDpcLevel(&Ext->CompletionLock);
    }
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
    KeInitializeSpinLock(&Ext->CompletionLock);
    ConfigInfo->MaximumTransferLength = 0x10000;
    return SP_RETURN_FOUND;
}

BOOLEAN Initialize(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    StorPortInitializeDpc(Ext, &Ext->CompletionDpc, CompletionDpc);
    return TRUE;
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    Srb->SrbStatus = SRB_STATUS_SUCCESS;
    StorPortNotification(RequestComplete, DeviceExtension, Srb);
    return TRUE;
}

BOOLEAN Interrupt(PVOID DeviceExtension)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    Ext->Pending++;
    StorPortIssueDpc(Ext, &Ext->CompletionDpc, NULL, NULL);
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
    InitData.HwInterrupt = Interrupt;
    InitData.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, &InitData, NULL);
}

// CHECK: SpinLockDpc: Defect (1 defect, 6 entry routines)
