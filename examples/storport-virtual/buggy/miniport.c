/*
 * miniport.c - entry points of the example virtual Storport miniport.
 * DriverEntry registers them through VIRTUAL_HW_INITIALIZATION_DATA; the
 * periodic timer is armed from HwInitialize with StorPortNotification.
 */
#include "vminiport.h"

sp_DRIVER_INITIALIZE DriverEntry;
VIRTUAL_HW_FIND_ADAPTER VmFindAdapter;
HW_INITIALIZE VmInitialize;
HW_STARTIO VmStartIo;
HW_BUILDIO VmBuildIo;
HW_RESET_BUS VmResetBus;
HW_ADAPTER_CONTROL VmAdapterControl;
HW_FREE_ADAPTER_RESOURCES VmFreeAdapterResources;
HW_PROCESS_SERVICE_REQUEST VmProcessServiceRequest;
HW_COMPLETE_SERVICE_IRP VmCompleteServiceIrp;

ULONG VmFindAdapter(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation,
                    PVOID LowerDevice, PCHAR ArgumentString,
                    PPORT_CONFIGURATION_INFORMATION ConfigInfo, PBOOLEAN Again)
{
    PVM_ADAPTER Adapter = DeviceExtension;

    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(LowerDevice);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(Again);

    KeInitializeSpinLock(&Adapter->QueueLock);
    InitializeListHead(&Adapter->PendingQueue);
    ConfigInfo->MaximumTransferLength = 0x20000;
    ConfigInfo->NumberOfBuses = 1;
    ConfigInfo->MaximumNumberOfTargets = 1;
    return SP_RETURN_FOUND;
}

BOOLEAN VmInitialize(PVOID DeviceExtension)
{
    StorPortNotification(RequestTimerCall, DeviceExtension, VmTimer, (ULONG)VM_TIMER_INTERVAL);
    return TRUE;
}

BOOLEAN VmBuildIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PVM_SRB_EXTENSION SrbExt = Srb->SrbExtension;

    UNREFERENCED_PARAMETER(DeviceExtension);
    SrbExt->Srb = Srb;
    SrbExt->TicksQueued = 0;
    return TRUE;
}

BOOLEAN VmStartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PVM_ADAPTER Adapter = DeviceExtension;

    switch (Srb->Function) {
    case SRB_FUNCTION_EXECUTE_SCSI:
        if (Srb->Lun != 0 || Srb->TargetId != 0) {
            Srb->SrbStatus = SRB_STATUS_INVALID_LUN;
            break;
        }
        if (!VmQueueRequest(Adapter, Srb)) {
            Srb->SrbStatus = SRB_STATUS_BUSY;
            break;
        }
        return TRUE; /* completed later by VmTimer */
    case SRB_FUNCTION_RESET_BUS:
    case SRB_FUNCTION_RESET_DEVICE:
    case SRB_FUNCTION_RESET_LOGICAL_UNIT:
        VmFlushQueue(Adapter, SRB_STATUS_BUS_RESET);
        Srb->SrbStatus = SRB_STATUS_SUCCESS;
        break;
    default:
        Srb->SrbStatus = SRB_STATUS_BAD_FUNCTION;
        break;
    }
    StorPortNotification(RequestComplete, Adapter, Srb);
    return TRUE;
}

BOOLEAN VmResetBus(PVOID DeviceExtension, ULONG PathId)
{
    UNREFERENCED_PARAMETER(PathId);
    VmFlushQueue(DeviceExtension, SRB_STATUS_BUS_RESET);
    return TRUE;
}

SCSI_ADAPTER_CONTROL_STATUS VmAdapterControl(PVOID DeviceExtension,
                                             SCSI_ADAPTER_CONTROL_TYPE ControlType,
                                             PVOID Parameters)
{
    PVM_ADAPTER Adapter = DeviceExtension;
    PSCSI_SUPPORTED_CONTROL_TYPE_LIST List = Parameters;
    PBOOLEAN Supported;
    KIRQL Irql;

    switch (ControlType) {
    case ScsiQuerySupportedControlTypes:
        Supported = List->SupportedTypeList;
        if (List->MaxControlType > ScsiRestartAdapter) {
            Supported[ScsiStopAdapter] = TRUE;
            Supported[ScsiRestartAdapter] = TRUE;
        }
        return ScsiAdapterControlSuccess;
    case ScsiStopAdapter:
        VmFlushQueue(Adapter, SRB_STATUS_ABORTED);
        VmLockQueue(Adapter, &Irql);
        Adapter->Stopped = TRUE;
        VmUnlockQueue(Adapter, Irql);
        return ScsiAdapterControlSuccess;
    case ScsiRestartAdapter:
        VmLockQueue(Adapter, &Irql);
        Adapter->Stopped = FALSE;
        VmUnlockQueue(Adapter, Irql);
        return ScsiAdapterControlSuccess;
    default:
        return ScsiAdapterControlUnsuccessful;
    }
}

VOID VmFreeAdapterResources(PVOID DeviceExtension)
{
    VmFlushQueue(DeviceExtension, SRB_STATUS_NO_DEVICE);
}

VOID VmProcessServiceRequest(PVOID DeviceExtension, PVOID Irp)
{
    PVM_ADAPTER Adapter = DeviceExtension;
    KIRQL Irql;

    VmLockQueue(Adapter, &Irql);
    Adapter->ServiceIrp = Irp;
    VmUnlockQueue(Adapter, Irql);
}

VOID VmCompleteServiceIrp(PVOID DeviceExtension)
{
    PVM_ADAPTER Adapter = DeviceExtension;
    PIRP Irp;
    KIRQL Irql;

    VmLockQueue(Adapter, &Irql);
    Irp = Adapter->ServiceIrp;
    Adapter->ServiceIrp = NULL;
    VmUnlockQueue(Adapter, Irql);

    if (Irp != NULL) {
        Irp->IoStatus.Status = STATUS_CANCELLED;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
}

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    VIRTUAL_HW_INITIALIZATION_DATA InitData;

    RtlZeroMemory(&InitData, sizeof(InitData));
    InitData.HwInitializationDataSize = sizeof(InitData);
    InitData.AdapterInterfaceType = Internal;
    InitData.HwFindAdapter = VmFindAdapter;
    InitData.HwInitialize = VmInitialize;
    InitData.HwStartIo = VmStartIo;
    InitData.HwBuildIo = VmBuildIo;
    InitData.HwResetBus = VmResetBus;
    InitData.HwAdapterControl = VmAdapterControl;
    InitData.HwFreeAdapterResources = VmFreeAdapterResources;
    InitData.HwProcessServiceRequest = VmProcessServiceRequest;
    InitData.HwCompleteServiceIrp = VmCompleteServiceIrp;
    InitData.DeviceExtensionSize = sizeof(VM_ADAPTER);
    InitData.SrbExtensionSize = sizeof(VM_SRB_EXTENSION);
    InitData.MapBuffers = STOR_MAP_NON_READ_WRITE_BUFFERS;
    InitData.MultipleRequestPerLu = TRUE;

    return StorPortInitialize(DriverObject, RegistryPath, (PHW_INITIALIZATION_DATA)&InitData,
                              NULL);
}
