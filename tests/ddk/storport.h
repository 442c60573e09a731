/*
 * storport.h - sdv-lite's model of the Storport miniport interface.
 *
 * Written for sdv-lite's tests and examples from the public Storport API
 * documentation (names, types, field names and field order); not the WDK
 * header. It includes the wdm.h model so that miniports in the tests can also
 * use kernel spin locks of their own, with one definition of every type.
 */
#ifndef SDV_DDK_STORPORT_H
#define SDV_DDK_STORPORT_H

#include <wdm.h>

#define STORPORT_API

/* ------------------------------------------------------------------------ */
/* Status values                                                            */
/* ------------------------------------------------------------------------ */

#define STOR_STATUS_SUCCESS              (0x00000000L)
#define STOR_STATUS_UNSUCCESSFUL         (0xC1000001L)
#define STOR_STATUS_NOT_IMPLEMENTED      (0xC1000002L)
#define STOR_STATUS_INSUFFICIENT_RESOURCES (0xC1000003L)
#define STOR_STATUS_INVALID_PARAMETER    (0xC1000006L)

/* Return values of HW_FIND_ADAPTER / VIRTUAL_HW_FIND_ADAPTER. */
#define SP_RETURN_NOT_FOUND  0
#define SP_RETURN_FOUND      1
#define SP_RETURN_ERROR      2
#define SP_RETURN_BAD_CONFIG 3

/* ------------------------------------------------------------------------ */
/* SCSI request block                                                       */
/* ------------------------------------------------------------------------ */

typedef struct _SCSI_REQUEST_BLOCK {
    USHORT Length;
    UCHAR Function;
    UCHAR SrbStatus;
    UCHAR ScsiStatus;
    UCHAR PathId;
    UCHAR TargetId;
    UCHAR Lun;
    UCHAR QueueTag;
    UCHAR QueueAction;
    UCHAR CdbLength;
    UCHAR SenseInfoBufferLength;
    ULONG SrbFlags;
    ULONG DataTransferLength;
    ULONG TimeOutValue;
    PVOID DataBuffer;
    PVOID SenseInfoBuffer;
    struct _SCSI_REQUEST_BLOCK *NextSrb;
    PVOID OriginalRequest;
    PVOID SrbExtension;
    union {
        ULONG InternalStatus;
        ULONG QueueSortKey;
        ULONG LinkTimeoutValue;
    };
#if !defined(SDV_DDK_X86)
    ULONG Reserved;
#endif
    UCHAR Cdb[16];
} SCSI_REQUEST_BLOCK, *PSCSI_REQUEST_BLOCK;

/* SRB functions */
#define SRB_FUNCTION_EXECUTE_SCSI        0x00
#define SRB_FUNCTION_IO_CONTROL          0x02
#define SRB_FUNCTION_SHUTDOWN            0x07
#define SRB_FUNCTION_FLUSH               0x08
#define SRB_FUNCTION_ABORT_COMMAND       0x10
#define SRB_FUNCTION_RESET_BUS           0x12
#define SRB_FUNCTION_RESET_DEVICE        0x13
#define SRB_FUNCTION_RESET_LOGICAL_UNIT  0x20
#define SRB_FUNCTION_PNP                 0x24
#define SRB_FUNCTION_POWER               0x25

/* SRB status values */
#define SRB_STATUS_PENDING               0x00
#define SRB_STATUS_SUCCESS               0x01
#define SRB_STATUS_ABORTED               0x02
#define SRB_STATUS_ERROR                 0x04
#define SRB_STATUS_BUSY                  0x05
#define SRB_STATUS_INVALID_REQUEST       0x06
#define SRB_STATUS_NO_DEVICE             0x08
#define SRB_STATUS_TIMEOUT               0x09
#define SRB_STATUS_BUS_RESET             0x0E
#define SRB_STATUS_DATA_OVERRUN          0x12
#define SRB_STATUS_INVALID_LUN           0x20
#define SRB_STATUS_INVALID_TARGET_ID     0x21
#define SRB_STATUS_BAD_FUNCTION          0x22

/* ------------------------------------------------------------------------ */
/* Adapter and unit control                                                 */
/* ------------------------------------------------------------------------ */

typedef enum _SCSI_ADAPTER_CONTROL_TYPE {
    ScsiQuerySupportedControlTypes = 0,
    ScsiStopAdapter,
    ScsiRestartAdapter,
    ScsiSetBootConfig,
    ScsiSetRunningConfig,
    /* later control types omitted */
    MakeAdapterControlTypeSizeOfUlong = 0xffffffff
} SCSI_ADAPTER_CONTROL_TYPE, *PSCSI_ADAPTER_CONTROL_TYPE;

typedef enum _SCSI_ADAPTER_CONTROL_STATUS {
    ScsiAdapterControlSuccess = 0,
    ScsiAdapterControlUnsuccessful
} SCSI_ADAPTER_CONTROL_STATUS, *PSCSI_ADAPTER_CONTROL_STATUS;

typedef struct _SCSI_SUPPORTED_CONTROL_TYPE_LIST {
    ULONG MaxControlType;
    BOOLEAN SupportedTypeList[ANYSIZE_ARRAY];
} SCSI_SUPPORTED_CONTROL_TYPE_LIST, *PSCSI_SUPPORTED_CONTROL_TYPE_LIST;

typedef enum _SCSI_UNIT_CONTROL_TYPE {
    ScsiQuerySupportedUnitControlTypes = 0,
    ScsiUnitUsage,
    ScsiUnitStart,
    ScsiUnitPower
    /* later control types omitted */
} SCSI_UNIT_CONTROL_TYPE, *PSCSI_UNIT_CONTROL_TYPE;

typedef enum _SCSI_UNIT_CONTROL_STATUS {
    ScsiUnitControlSuccess = 0,
    ScsiUnitControlUnsuccessful
} SCSI_UNIT_CONTROL_STATUS, *PSCSI_UNIT_CONTROL_STATUS;

/* ------------------------------------------------------------------------ */
/* DPCs and locks                                                           */
/* ------------------------------------------------------------------------ */

typedef struct _STOR_DPC {
    KDPC Dpc;
    KSPIN_LOCK Lock;
} STOR_DPC, *PSTOR_DPC;

typedef enum _STOR_SPINLOCK {
    InvalidLock = 0,
    DpcLock = 1,
    StartIoLock = 2,
    InterruptLock = 3,
    ThreadedDpcLock = 4,
    DpcLevelLock = 5
} STOR_SPINLOCK;

typedef struct _STOR_LOCK_HANDLE {
    STOR_SPINLOCK Lock;
    struct {
        struct {
            PVOID Next;
            PVOID Lock;
        } LockQueue;
        KIRQL OldIrql;
    } Context;
} STOR_LOCK_HANDLE, *PSTOR_LOCK_HANDLE;

/* ------------------------------------------------------------------------ */
/* Miniport routine types (roles)                                           */
/* ------------------------------------------------------------------------ */

struct _PORT_CONFIGURATION_INFORMATION;

typedef BOOLEAN NTAPI HW_INITIALIZE(PVOID DeviceExtension);
typedef HW_INITIALIZE *PHW_INITIALIZE;

typedef BOOLEAN NTAPI HW_BUILDIO(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb);
typedef HW_BUILDIO *PHW_BUILDIO;

typedef BOOLEAN NTAPI HW_STARTIO(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb);
typedef HW_STARTIO *PHW_STARTIO;

typedef BOOLEAN NTAPI HW_INTERRUPT(PVOID DeviceExtension);
typedef HW_INTERRUPT *PHW_INTERRUPT;

typedef VOID NTAPI HW_TIMER(PVOID DeviceExtension);
typedef HW_TIMER *PHW_TIMER;

typedef VOID NTAPI HW_DMA_STARTED(PVOID DeviceExtension);
typedef HW_DMA_STARTED *PHW_DMA_STARTED;

typedef ULONG NTAPI HW_FIND_ADAPTER(PVOID DeviceExtension, PVOID HwContext,
                                    PVOID BusInformation, PCHAR ArgumentString,
                                    struct _PORT_CONFIGURATION_INFORMATION *ConfigInfo,
                                    PBOOLEAN Reserved3);
typedef HW_FIND_ADAPTER *PHW_FIND_ADAPTER;

typedef ULONG NTAPI VIRTUAL_HW_FIND_ADAPTER(PVOID DeviceExtension, PVOID HwContext,
                                            PVOID BusInformation, PVOID LowerDevice,
                                            PCHAR ArgumentString,
                                            struct _PORT_CONFIGURATION_INFORMATION *ConfigInfo,
                                            PBOOLEAN Again);
typedef VIRTUAL_HW_FIND_ADAPTER *PVIRTUAL_HW_FIND_ADAPTER;

typedef BOOLEAN NTAPI HW_RESET_BUS(PVOID DeviceExtension, ULONG PathId);
typedef HW_RESET_BUS *PHW_RESET_BUS;

typedef BOOLEAN NTAPI HW_ADAPTER_STATE(PVOID DeviceExtension, PVOID Context,
                                       BOOLEAN SaveState);
typedef HW_ADAPTER_STATE *PHW_ADAPTER_STATE;

typedef SCSI_ADAPTER_CONTROL_STATUS NTAPI HW_ADAPTER_CONTROL(
    PVOID DeviceExtension, SCSI_ADAPTER_CONTROL_TYPE ControlType, PVOID Parameters);
typedef HW_ADAPTER_CONTROL *PHW_ADAPTER_CONTROL;

typedef BOOLEAN NTAPI HW_PASSIVE_INITIALIZE_ROUTINE(PVOID DeviceExtension);
typedef HW_PASSIVE_INITIALIZE_ROUTINE *PHW_PASSIVE_INITIALIZE_ROUTINE;

typedef VOID NTAPI HW_DPC_ROUTINE(PSTOR_DPC Dpc, PVOID HwDeviceExtension,
                                  PVOID SystemArgument1, PVOID SystemArgument2);
typedef HW_DPC_ROUTINE *PHW_DPC_ROUTINE;

typedef VOID NTAPI HW_FREE_ADAPTER_RESOURCES(PVOID DeviceExtension);
typedef HW_FREE_ADAPTER_RESOURCES *PHW_FREE_ADAPTER_RESOURCES;

typedef VOID NTAPI HW_PROCESS_SERVICE_REQUEST(PVOID DeviceExtension, PVOID Irp);
typedef HW_PROCESS_SERVICE_REQUEST *PHW_PROCESS_SERVICE_REQUEST;

typedef VOID NTAPI HW_COMPLETE_SERVICE_IRP(PVOID DeviceExtension);
typedef HW_COMPLETE_SERVICE_IRP *PHW_COMPLETE_SERVICE_IRP;

typedef VOID NTAPI HW_INITIALIZE_TRACING(PVOID Arg1, PVOID Arg2);
typedef HW_INITIALIZE_TRACING *PHW_INITIALIZE_TRACING;

typedef VOID NTAPI HW_CLEANUP_TRACING(PVOID Arg1);
typedef HW_CLEANUP_TRACING *PHW_CLEANUP_TRACING;

typedef VOID NTAPI HW_TRACING_ENABLED(PVOID HwDeviceExtension, BOOLEAN Enabled);
typedef HW_TRACING_ENABLED *PHW_TRACING_ENABLED;

typedef SCSI_UNIT_CONTROL_STATUS NTAPI HW_UNIT_CONTROL(
    PVOID DeviceExtension, SCSI_UNIT_CONTROL_TYPE ControlType, PVOID Parameters);
typedef HW_UNIT_CONTROL *PHW_UNIT_CONTROL;

typedef BOOLEAN NTAPI HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE(PVOID HwDeviceExtension,
                                                           ULONG MessageId);
typedef HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE *PHW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE;

/* DriverEntry of a Storport miniport: it passes both arguments on to
   StorPortInitialize and returns that routine's result. */
typedef ULONG NTAPI sp_DRIVER_INITIALIZE(PVOID DriverObject, PVOID RegistryPath);
typedef sp_DRIVER_INITIALIZE *Psp_DRIVER_INITIALIZE;

/* ------------------------------------------------------------------------ */
/* Initialization data                                                      */
/* ------------------------------------------------------------------------ */

typedef struct _HW_INITIALIZATION_DATA {
    ULONG HwInitializationDataSize;
    INTERFACE_TYPE AdapterInterfaceType;
    PHW_INITIALIZE HwInitialize;
    PHW_STARTIO HwStartIo;
    PHW_INTERRUPT HwInterrupt;
    PVOID HwFindAdapter;            /* PHW_FIND_ADAPTER or PVIRTUAL_HW_FIND_ADAPTER */
    PHW_RESET_BUS HwResetBus;
    PHW_DMA_STARTED HwDmaStarted;
    PHW_ADAPTER_STATE HwAdapterState;
    ULONG DeviceExtensionSize;
    ULONG SpecificLuExtensionSize;
    ULONG SrbExtensionSize;
    ULONG NumberOfAccessRanges;
    PVOID Reserved;
    UCHAR MapBuffers;
    BOOLEAN NeedPhysicalAddresses;
    BOOLEAN TaggedQueuing;
    BOOLEAN AutoRequestSense;
    BOOLEAN MultipleRequestPerLu;
    BOOLEAN ReceiveEvent;
    USHORT VendorIdLength;
    PVOID VendorId;
    union {
        USHORT ReservedUshort;
        USHORT PortVersionFlags;
    };
    USHORT DeviceIdLength;
    PVOID DeviceId;
    PHW_ADAPTER_CONTROL HwAdapterControl;
    PHW_BUILDIO HwBuildIo;
    PHW_FREE_ADAPTER_RESOURCES HwFreeAdapterResources;
    PHW_PROCESS_SERVICE_REQUEST HwProcessServiceRequest;
    PHW_COMPLETE_SERVICE_IRP HwCompleteServiceIrp;
    PHW_INITIALIZE_TRACING HwInitializeTracing;
    PHW_CLEANUP_TRACING HwCleanupTracing;
    PHW_TRACING_ENABLED HwTracingEnabled;
    ULONG FeatureSupport;
    ULONG SrbTypeFlags;
    ULONG AddressTypeFlags;
    ULONG Reserved1;
    PHW_UNIT_CONTROL HwUnitControl;
} HW_INITIALIZATION_DATA, *PHW_INITIALIZATION_DATA;

/* The documented layout for virtual miniports ends with HwCleanupTracing. */
typedef struct _VIRTUAL_HW_INITIALIZATION_DATA {
    ULONG HwInitializationDataSize;
    INTERFACE_TYPE AdapterInterfaceType;
    PHW_INITIALIZE HwInitialize;
    PHW_STARTIO HwStartIo;
    PHW_INTERRUPT HwInterrupt;
    PVIRTUAL_HW_FIND_ADAPTER HwFindAdapter;
    PHW_RESET_BUS HwResetBus;
    PHW_DMA_STARTED HwDmaStarted;
    PHW_ADAPTER_STATE HwAdapterState;
    ULONG DeviceExtensionSize;
    ULONG SpecificLuExtensionSize;
    ULONG SrbExtensionSize;
    ULONG NumberOfAccessRanges;
    PVOID Reserved;
    UCHAR MapBuffers;
    BOOLEAN NeedPhysicalAddresses;
    BOOLEAN TaggedQueuing;
    BOOLEAN AutoRequestSense;
    BOOLEAN MultipleRequestPerLu;
    BOOLEAN ReceiveEvent;
    USHORT VendorIdLength;
    PVOID VendorId;
    union {
        USHORT ReservedUshort;
        USHORT PortVersionFlags;
    };
    USHORT DeviceIdLength;
    PVOID DeviceId;
    PHW_ADAPTER_CONTROL HwAdapterControl;
    PHW_BUILDIO HwBuildIo;
    PHW_FREE_ADAPTER_RESOURCES HwFreeAdapterResources;
    PHW_PROCESS_SERVICE_REQUEST HwProcessServiceRequest;
    PHW_COMPLETE_SERVICE_IRP HwCompleteServiceIrp;
    PHW_INITIALIZE_TRACING HwInitializeTracing;
    PHW_CLEANUP_TRACING HwCleanupTracing;
} VIRTUAL_HW_INITIALIZATION_DATA, *PVIRTUAL_HW_INITIALIZATION_DATA;

/* ------------------------------------------------------------------------ */
/* Port configuration (leading members in documented order; the rest of    */
/* the documented structure is omitted from this model)                     */
/* ------------------------------------------------------------------------ */

typedef enum _DMA_WIDTH {
    Width8Bits,
    Width16Bits,
    Width32Bits,
    Width64Bits,
    WidthNoWrap,
    MaximumDmaWidth
} DMA_WIDTH, *PDMA_WIDTH;

typedef enum _DMA_SPEED {
    Compatible,
    TypeA,
    TypeB,
    TypeC,
    TypeF,
    MaximumDmaSpeed
} DMA_SPEED, *PDMA_SPEED;

typedef PHYSICAL_ADDRESS STOR_PHYSICAL_ADDRESS, *PSTOR_PHYSICAL_ADDRESS;

typedef struct _ACCESS_RANGE {
    STOR_PHYSICAL_ADDRESS RangeStart;
    ULONG RangeLength;
    BOOLEAN RangeInMemory;
} ACCESS_RANGE, *PACCESS_RANGE;

typedef enum _STOR_SYNCHRONIZATION_MODEL {
    StorSynchronizeHalfDuplex = 0,
    StorSynchronizeFullDuplex = 1
} STOR_SYNCHRONIZATION_MODEL;

typedef enum _INTERRUPT_SYNCHRONIZATION_MODE {
    InterruptSupportNone = 0,
    InterruptSynchronizeAll = 1,
    InterruptSynchronizePerMessage = 2
} INTERRUPT_SYNCHRONIZATION_MODE;

typedef struct _PORT_CONFIGURATION_INFORMATION {
    ULONG Length;
    ULONG SystemIoBusNumber;
    INTERFACE_TYPE AdapterInterfaceType;
    ULONG BusInterruptLevel;
    ULONG BusInterruptVector;
    KINTERRUPT_MODE InterruptMode;
    ULONG MaximumTransferLength;
    ULONG NumberOfPhysicalBreaks;
    ULONG DmaChannel;
    ULONG DmaPort;
    DMA_WIDTH DmaWidth;
    DMA_SPEED DmaSpeed;
    ULONG AlignmentMask;
    ULONG NumberOfAccessRanges;
    ACCESS_RANGE (*AccessRanges)[];
    PVOID MiniportDumpData;
    PVOID Reserved;
    UCHAR NumberOfBuses;
    CCHAR InitiatorBusId[8];
    BOOLEAN ScatterGather;
    BOOLEAN Master;
    BOOLEAN CachesData;
    BOOLEAN AdapterScansDown;
    BOOLEAN AtdiskPrimaryClaimed;
    BOOLEAN AtdiskSecondaryClaimed;
    BOOLEAN Dma32BitAddresses;
    BOOLEAN DemandMode;
    UCHAR MapBuffers;
    BOOLEAN NeedPhysicalAddresses;
    BOOLEAN TaggedQueuing;
    BOOLEAN AutoRequestSense;
    BOOLEAN MultipleRequestPerLu;
    BOOLEAN ReceiveEvent;
    BOOLEAN RealModeInitialized;
    BOOLEAN BufferAccessScsiPortControlled;
    UCHAR MaximumNumberOfTargets;
    UCHAR SrbType;
    UCHAR AddressType;
    UCHAR ReservedUchars[2];
    ULONG SlotNumber;
    ULONG BusInterruptLevel2;
    ULONG BusInterruptVector2;
    KINTERRUPT_MODE InterruptMode2;
    ULONG DmaChannel2;
    ULONG DmaPort2;
    DMA_WIDTH DmaWidth2;
    DMA_SPEED DmaSpeed2;
    ULONG DeviceExtensionSize;
    ULONG SpecificLuExtensionSize;
    ULONG SrbExtensionSize;
    UCHAR Dma64BitAddresses;
    BOOLEAN ResetTargetSupported;
    UCHAR MaximumNumberOfLogicalUnits;
    BOOLEAN WmiDataProvider;
    STOR_SYNCHRONIZATION_MODEL SynchronizationModel;
    PHW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE HwMSInterruptRoutine;
    INTERRUPT_SYNCHRONIZATION_MODE InterruptSynchronizationMode;
} PORT_CONFIGURATION_INFORMATION, *PPORT_CONFIGURATION_INFORMATION;

/* Performance options (StorPortInitializePerfOpts). */
#define STOR_PERF_DPC_REDIRECTION 0x00000001
#define STOR_PERF_CONCURRENT_CHANNELS 0x00000002

typedef struct _PERF_CONFIGURATION_DATA {
    ULONG Version;
    ULONG Size;
    ULONG Flags;
    ULONG ConcurrentChannels;
    ULONG FirstRedirectionMessageNumber;
    ULONG LastRedirectionMessageNumber;
    ULONG DeviceNode;
    ULONG Reserved;
    PVOID MessageTargets;
} PERF_CONFIGURATION_DATA, *PPERF_CONFIGURATION_DATA;

STORPORT_API ULONG NTAPI StorPortInitializePerfOpts(PVOID HwDeviceExtension, BOOLEAN Query,
                                                    PPERF_CONFIGURATION_DATA PerfConfigData);

#define STOR_MAP_NO_BUFFERS             0
#define STOR_MAP_ALL_BUFFERS            1
#define STOR_MAP_NON_READ_WRITE_BUFFERS 2

/* ------------------------------------------------------------------------ */
/* Notifications                                                            */
/* ------------------------------------------------------------------------ */

typedef enum _SCSI_NOTIFICATION_TYPE {
    RequestComplete = 0,
    NextRequest = 1,
    NextLuRequest = 2,
    ResetDetected = 3,
    _obsolete1 = 4,                 /* once CallDisableInterrupts */
    _obsolete2 = 5,                 /* once CallEnableInterrupts */
    RequestTimerCall = 6,
    BusChangeDetected = 7,
    WMIEvent = 8,
    WMIReregister = 9,
    LinkUp = 10,
    LinkDown = 11,
    QueryTickCount = 12,
    BufferOverrunDetected = 13,
    TraceNotification = 14,
    GetExtendedFunctionTable = 15,
    EnablePassiveInitialization = 0x1000,
    InitializeDpc = 0x1001,
    IssueDpc = 0x1002,
    AcquireSpinLock = 0x1003,
    ReleaseSpinLock = 0x1004
} SCSI_NOTIFICATION_TYPE, *PSCSI_NOTIFICATION_TYPE;

/* Variadic: the arguments after HwDeviceExtension depend on NotificationType.
   RequestTimerCall: (PHW_TIMER TimerRoutine, ULONG MicroSeconds). */
STORPORT_API ULONG __cdecl StorPortNotification(SCSI_NOTIFICATION_TYPE NotificationType,
                                                PVOID HwDeviceExtension, ...);

/* ------------------------------------------------------------------------ */
/* Storport library routines                                                */
/* ------------------------------------------------------------------------ */

STORPORT_API ULONG NTAPI StorPortInitialize(PVOID Argument1, PVOID Argument2,
                                            struct _HW_INITIALIZATION_DATA *HwInitializationData,
                                            PVOID HwContext);
STORPORT_API VOID NTAPI StorPortCompleteRequest(PVOID HwDeviceExtension, UCHAR PathId,
                                                UCHAR TargetId, UCHAR Lun, UCHAR SrbStatus);
STORPORT_API BOOLEAN NTAPI StorPortReady(PVOID HwDeviceExtension);
STORPORT_API BOOLEAN NTAPI StorPortBusy(PVOID HwDeviceExtension, ULONG RequestsToComplete);
STORPORT_API BOOLEAN NTAPI StorPortPause(PVOID HwDeviceExtension, ULONG TimeOut);
STORPORT_API BOOLEAN NTAPI StorPortResume(PVOID HwDeviceExtension);
STORPORT_API VOID NTAPI StorPortStallExecution(ULONG Delay);
STORPORT_API ULONG NTAPI StorPortAllocatePool(PVOID HwDeviceExtension, ULONG NumberOfBytes,
                                              ULONG Tag, PVOID *BufferPointer);
STORPORT_API ULONG NTAPI StorPortFreePool(PVOID HwDeviceExtension, PVOID BufferPointer);
STORPORT_API VOID __cdecl StorPortDebugPrint(ULONG DebugPrintLevel, PCCHAR DebugMessage, ...);

#define StorPortCopyMemory(Destination, Source, Length) \
    __builtin_memcpy((Destination), (Source), (Length))

/* Convenience wrappers over StorPortNotification (inline, as documented). */

FORCEINLINE BOOLEAN StorPortEnablePassiveInitialization(
    PVOID DeviceExtension, PHW_PASSIVE_INITIALIZE_ROUTINE HwPassiveInitializeRoutine)
{
    LONG Succeeded = FALSE;
    StorPortNotification(EnablePassiveInitialization, DeviceExtension,
                         HwPassiveInitializeRoutine, &Succeeded);
    return (BOOLEAN)Succeeded;
}

FORCEINLINE VOID StorPortInitializeDpc(PVOID DeviceExtension, PSTOR_DPC Dpc,
                                       PHW_DPC_ROUTINE HwDpcRoutine)
{
    StorPortNotification(InitializeDpc, DeviceExtension, Dpc, HwDpcRoutine);
}

FORCEINLINE BOOLEAN StorPortIssueDpc(PVOID DeviceExtension, PSTOR_DPC Dpc,
                                     PVOID SystemArgument1, PVOID SystemArgument2)
{
    BOOLEAN Succeeded = FALSE;
    StorPortNotification(IssueDpc, DeviceExtension, Dpc, SystemArgument1, SystemArgument2,
                         &Succeeded);
    return Succeeded;
}

FORCEINLINE VOID StorPortAcquireSpinLock(PVOID DeviceExtension, STOR_SPINLOCK SpinLock,
                                         PVOID LockContext, PSTOR_LOCK_HANDLE LockHandle)
{
    StorPortNotification(AcquireSpinLock, DeviceExtension, SpinLock, LockContext, LockHandle);
}

FORCEINLINE VOID StorPortReleaseSpinLock(PVOID DeviceExtension, PSTOR_LOCK_HANDLE LockHandle)
{
    StorPortNotification(ReleaseSpinLock, DeviceExtension, LockHandle);
}

/* Extended functions: StorPortExtendedFunction(Code, DeviceExtension, ...). */
typedef enum _STORPORT_FUNCTION_CODE {
    ExtFunctionAcquireMSISpinLock = 11,
    ExtFunctionReleaseMSISpinLock = 12,
    ExtFunctionAcquireSpinLock = 93
} STORPORT_FUNCTION_CODE;

STORPORT_API ULONG __cdecl StorPortExtendedFunction(STORPORT_FUNCTION_CODE FunctionCode,
                                                  PVOID HwDeviceExtension, ...);

FORCEINLINE ULONG StorPortAcquireMSISpinLock(PVOID HwDeviceExtension, ULONG MessageId,
                                             PULONG OldIrql)
{
    return StorPortExtendedFunction(ExtFunctionAcquireMSISpinLock, HwDeviceExtension,
                                    MessageId, OldIrql);
}

FORCEINLINE ULONG StorPortReleaseMSISpinLock(PVOID HwDeviceExtension, ULONG MessageId,
                                             ULONG OldIrql)
{
    return StorPortExtendedFunction(ExtFunctionReleaseMSISpinLock, HwDeviceExtension,
                                    MessageId, OldIrql);
}

FORCEINLINE ULONG StorPortAcquireSpinLockEx(PVOID HwDeviceExtension, STOR_SPINLOCK SpinLock,
                                            PVOID LockContext, PSTOR_LOCK_HANDLE LockHandle)
{
    return StorPortExtendedFunction(ExtFunctionAcquireSpinLock, HwDeviceExtension, SpinLock,
                                    LockContext, LockHandle);
}

#endif /* SDV_DDK_STORPORT_H */
