// A miniport's reset path takes its queue lock by how interrupts are
// delivered (an MSI lock or the interrupt lock, by a flag in the device
// extension), completes every pending request in a loop, and releases the
// lock by the same flag read again. The completion helper writes other
// fields of the extension, the request through both of its layouts (the
// driver reads a request block as SCSI_REQUEST_BLOCK or as its own
// extended layout), clears the CDB at a variable index, and hands the
// request and the extension to StorPortNotification, which writes the
// request but only uses the extension to know the adapter. None of that
// can change the flag, so the two reads are one value and the release
// takes the lock the acquire took. Buggy: the helper also re-decides how
// interrupts are delivered (by the count of messages the adapter was
// granted), so the release after the loop may take the other branch: it
// drops a lock that is not held, and the one taken stays held. Safe twin:
// storport-flag-across-completion-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <storport.h>

#define EXTENDED_SIGNATURE 0x58425253

/// The request block's other layout.
typedef struct _EXTENDED_BLOCK {
    USHORT Length;
    UCHAR Function;
    UCHAR SrbStatus;
    ULONG Signature;
    ULONG DataTransferLength;
} EXTENDED_BLOCK, *PEXTENDED_BLOCK;

typedef struct _PENDING {
    struct _PENDING *Next;
    PVOID Request; // a SCSI_REQUEST_BLOCK or an EXTENDED_BLOCK
} PENDING, *PPENDING;

typedef struct _HW_DEVICE_EXTENSION {
    BOOLEAN MsixEnabled;
    BOOLEAN CheckCondition;
    ULONG QueueMessage;
    ULONG MessagesGranted;
    ULONG Completed;
    PPENDING Pending;
} HW_DEVICE_EXTENSION, *PHW_DEVICE_EXTENSION;

sp_DRIVER_INITIALIZE DriverEntry;
HW_FIND_ADAPTER FindAdapter;
HW_STARTIO StartIo;
HW_ADAPTER_CONTROL AdapterControl;

static VOID QueueLock(PHW_DEVICE_EXTENSION Ext, PSTOR_LOCK_HANDLE Handle)
{
    if (Ext->MsixEnabled) {
        ULONG OldIrql = 0;

        StorPortAcquireMSISpinLock(Ext, Ext->QueueMessage, &OldIrql);
        Handle->Context.OldIrql = (KIRQL)OldIrql;
    } else {
        StorPortAcquireSpinLock(Ext, InterruptLock, NULL, Handle);
    }
}

static VOID QueueUnlock(PHW_DEVICE_EXTENSION Ext, PSTOR_LOCK_HANDLE Handle)
{
    if (Ext->MsixEnabled)
        StorPortReleaseMSISpinLock(Ext, Ext->QueueMessage, Handle->Context.OldIrql); // CHECK: .c:[[@LINE]]:9: error: [StorPortSpinLock] The miniport is calling StorPortReleaseMSISpinLock without first acquiring the spinlock 'MSI spin lock Ext->QueueMessage'.
    else
        StorPortReleaseSpinLock(Ext, Handle); // CHECK: .c:[[@LINE]]:9: error: [StorPortSpinLock] The miniport is calling StorPortReleaseSpinLock without first acquiring the spinlock 'lock of Handle'.
}

static BOOLEAN IsExtended(PVOID Request)
{
    return ((PEXTENDED_BLOCK)Request)->Signature == EXTENDED_SIGNATURE;
}

VOID CompleteWithStatus(PHW_DEVICE_EXTENSION Ext, PVOID Request, UCHAR Status)
{
    ULONG Index;

    if (IsExtended(Request)) {
        ((PEXTENDED_BLOCK)Request)->SrbStatus = Status;
    } else {
        PSCSI_REQUEST_BLOCK Srb = Request;

        for (Index = 0; Index < Srb->CdbLength; Index++)
            Srb->Cdb[Index] = 0;
        Srb->SrbStatus = Status;
    }
    Ext->CheckCondition = FALSE;
    Ext->MsixEnabled = Ext->MessagesGranted > 1;
    Ext->Completed++;
    StorPortNotification(RequestComplete, Ext, Request);
}

SCSI_ADAPTER_CONTROL_STATUS AdapterControl(PVOID DeviceExtension,
                                           SCSI_ADAPTER_CONTROL_TYPE ControlType,
                                           PVOID Parameters)
{
    PHW_DEVICE_EXTENSION Ext = DeviceExtension;
    STOR_LOCK_HANDLE Handle = {0};

    UNREFERENCED_PARAMETER(Parameters);
    if (ControlType != ScsiRestartAdapter)
        return ScsiAdapterControlSuccess;
    QueueLock(Ext, &Handle);
    while (Ext->Pending != NULL) {
        PPENDING Entry = Ext->Pending;
        PVOID Request = Entry->Request;

        Ext->Pending = Entry->Next;
        if (Request != NULL) {
            if (IsExtended(Request))
                ((PEXTENDED_BLOCK)Request)->DataTransferLength = 0;
            else
                ((PSCSI_REQUEST_BLOCK)Request)->DataTransferLength = 0;
            CompleteWithStatus(Ext, Request, SRB_STATUS_BUS_RESET);
        }
    }
    QueueUnlock(Ext, &Handle);
    return ScsiAdapterControlSuccess; // CHECK: .c:[[@LINE]]:5: error: [StorPortSpinLock] The HW_ADAPTER_CONTROL routine 'AdapterControl' has returned without releasing the spinlock 'MSI spin lock Ext->QueueMessage'.
}

BOOLEAN StartIo(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb)
{
    CompleteWithStatus(DeviceExtension, Srb, SRB_STATUS_SUCCESS);
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

// (The interrupt lock, held at the same return on the other path, is not
// reported again there: QueueLock took one or the other, one mistake.)
// CHECK: StorPortSpinLock: Defect (3 defects, 4 entry routines)
