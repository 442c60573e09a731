// A Storport miniport whose StartIo takes the queue lock through two helper
// levels and returns without releasing it when the SRB has no data buffer.
#include <storport.h>

typedef struct _HW_DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    KIRQL QueueIrql;
    ULONG Outstanding;
    BOOLEAN Busy;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_STARTIO StartIo;

static VOID LockQueue(PHW_DEVICE_EXTENSION Ext)
{
    KeAcquireSpinLock(&Ext->QueueLock, &Ext->QueueIrql);
}

static VOID PrepareRequest(PHW_DEVICE_EXTENSION Ext, PSCSI_REQUEST_BLOCK Srb)
{
    if (Ext->Busy) {
        Srb->SrbStatus = SRB_STATUS_BUSY;
    }
    LockQueue(Ext);
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;

    if (Srb->Lun != 0) {
        Srb->SrbStatus = SRB_STATUS_INVALID_LUN;
        StorPortNotification(RequestComplete, Ext, Srb);
        return TRUE;
    }
    PrepareRequest(Ext, Srb);
    if (Srb->DataBuffer == NULL) {
        Srb->SrbStatus = SRB_STATUS_ERROR;
        return FALSE;
    }
    Ext->Outstanding++;
    KeReleaseSpinLock(&Ext->QueueLock, Ext->QueueIrql);
    return TRUE;
}

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    HW_INITIALIZATION_DATA Init = {0};

    Init.HwInitializationDataSize = sizeof(Init);
    Init.HwStartIo = StartIo;
    Init.DeviceExtensionSize = sizeof(HW_DEVICE_EXTENSION);
    return StorPortInitialize(DriverObject, RegistryPath, &Init, NULL);
}
