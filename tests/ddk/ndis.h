/*
 * ndis.h - sdv-lite's model of the NDIS miniport and protocol interfaces.
 *
 * Written for sdv-lite's tests from the public NDIS documentation (names,
 * types and field names of the registration structures; field order as
 * documented); not the WDK header. Only what the tests use: the
 * registration tables, their routine types and the registration calls.
 */
#ifndef SDV_DDK_NDIS_H
#define SDV_DDK_NDIS_H

#include <wdm.h>

typedef unsigned int UINT, *PUINT;
typedef int NDIS_STATUS, *PNDIS_STATUS;
typedef PVOID NDIS_HANDLE, *PNDIS_HANDLE;
typedef struct _NET_BUFFER_LIST NET_BUFFER_LIST, *PNET_BUFFER_LIST;
typedef struct _NDIS_OID_REQUEST NDIS_OID_REQUEST, *PNDIS_OID_REQUEST;
typedef ULONG NDIS_PORT_NUMBER;

#define NDIS_STATUS_SUCCESS ((NDIS_STATUS)0x00000000L)
#define NDIS_STATUS_PENDING ((NDIS_STATUS)0x00000103L)
#define NDIS_STATUS_FAILURE ((NDIS_STATUS)0xC0000001L)

typedef struct _NDIS_OBJECT_HEADER {
    UCHAR Type;
    UCHAR Revision;
    USHORT Size;
} NDIS_OBJECT_HEADER;

/* ------------------------------------------------------------------------ */
/* NDIS 6 miniport                                                          */
/* ------------------------------------------------------------------------ */

typedef NDIS_STATUS NTAPI MINIPORT_INITIALIZE(NDIS_HANDLE NdisMiniportHandle,
                                              NDIS_HANDLE MiniportDriverContext,
                                              PVOID MiniportInitParameters);
typedef VOID NTAPI MINIPORT_HALT(NDIS_HANDLE MiniportAdapterContext, ULONG HaltAction);
typedef VOID NTAPI MINIPORT_UNLOAD(PDRIVER_OBJECT DriverObject);
typedef NDIS_STATUS NTAPI MINIPORT_PAUSE(NDIS_HANDLE MiniportAdapterContext, PVOID Parameters);
typedef NDIS_STATUS NTAPI MINIPORT_RESTART(NDIS_HANDLE MiniportAdapterContext, PVOID Parameters);
typedef NDIS_STATUS NTAPI MINIPORT_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
                                               PNDIS_OID_REQUEST OidRequest);
typedef VOID NTAPI MINIPORT_SEND_NET_BUFFER_LISTS(NDIS_HANDLE MiniportAdapterContext,
                                                  PNET_BUFFER_LIST NetBufferLists,
                                                  NDIS_PORT_NUMBER PortNumber,
                                                  ULONG SendFlags);
typedef VOID NTAPI MINIPORT_RETURN_NET_BUFFER_LISTS(NDIS_HANDLE MiniportAdapterContext,
                                                    PNET_BUFFER_LIST NetBufferLists,
                                                    ULONG ReturnFlags);
typedef VOID NTAPI MINIPORT_CANCEL_SEND(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId);
typedef BOOLEAN NTAPI MINIPORT_CHECK_FOR_HANG(NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS NTAPI MINIPORT_RESET(NDIS_HANDLE MiniportAdapterContext,
                                         PBOOLEAN AddressingReset);
typedef VOID NTAPI MINIPORT_DEVICE_PNP_EVENT_NOTIFY(NDIS_HANDLE MiniportAdapterContext,
                                                    PVOID NetDevicePnPEvent);
typedef VOID NTAPI MINIPORT_SHUTDOWN(NDIS_HANDLE MiniportAdapterContext, ULONG ShutdownAction);
typedef VOID NTAPI MINIPORT_CANCEL_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext, PVOID RequestId);
typedef NDIS_STATUS NTAPI MINIPORT_SET_OPTIONS(NDIS_HANDLE NdisDriverHandle,
                                               NDIS_HANDLE DriverContext);

typedef struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    UCHAR MajorNdisVersion;
    UCHAR MinorNdisVersion;
    UCHAR MajorDriverVersion;
    UCHAR MinorDriverVersion;
    ULONG Flags;
    MINIPORT_SET_OPTIONS *SetOptionsHandler;
    MINIPORT_INITIALIZE *InitializeHandlerEx;
    MINIPORT_HALT *HaltHandlerEx;
    MINIPORT_UNLOAD *UnloadHandler;
    MINIPORT_PAUSE *PauseHandler;
    MINIPORT_RESTART *RestartHandler;
    MINIPORT_OID_REQUEST *OidRequestHandler;
    MINIPORT_SEND_NET_BUFFER_LISTS *SendNetBufferListsHandler;
    MINIPORT_RETURN_NET_BUFFER_LISTS *ReturnNetBufferListsHandler;
    MINIPORT_CANCEL_SEND *CancelSendHandler;
    MINIPORT_CHECK_FOR_HANG *CheckForHangHandlerEx;
    MINIPORT_RESET *ResetHandlerEx;
    MINIPORT_DEVICE_PNP_EVENT_NOTIFY *DevicePnPEventNotifyHandler;
    MINIPORT_SHUTDOWN *ShutdownHandlerEx;
    MINIPORT_CANCEL_OID_REQUEST *CancelOidRequestHandler;
} NDIS_MINIPORT_DRIVER_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_CHARACTERISTICS;

/* NDIS spin locks, as ndis.sys exports them (the NdisSpinLock rule; the
   WDK's NDIS 6 headers make them macros over KeAcquireSpinLock instead). */
typedef struct _NDIS_SPIN_LOCK {
    KSPIN_LOCK SpinLock;
    KIRQL OldIrql;
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

NTSYSAPI VOID NTAPI NdisAllocateSpinLock(PNDIS_SPIN_LOCK SpinLock);
NTSYSAPI VOID NTAPI NdisAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock);
NTSYSAPI VOID NTAPI NdisReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock);
NTSYSAPI VOID NTAPI NdisDprAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock);
NTSYSAPI VOID NTAPI NdisDprReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock);

NTSYSAPI NDIS_STATUS NTAPI NdisMRegisterMiniportDriver(
    PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath,
    NDIS_HANDLE MiniportDriverContext,
    PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
    PNDIS_HANDLE NdisMiniportDriverHandle);

typedef BOOLEAN NTAPI MINIPORT_ISR(NDIS_HANDLE MiniportInterruptContext,
                                   PBOOLEAN QueueDefaultInterruptDpc,
                                   PULONG TargetProcessors);
typedef VOID NTAPI MINIPORT_INTERRUPT_DPC(NDIS_HANDLE MiniportInterruptContext,
                                          PVOID MiniportDpcContext,
                                          PVOID ReceiveThrottleParameters,
                                          PVOID NdisReserved2);
typedef VOID NTAPI MINIPORT_DISABLE_INTERRUPT(NDIS_HANDLE MiniportInterruptContext);
typedef VOID NTAPI MINIPORT_ENABLE_INTERRUPT(NDIS_HANDLE MiniportInterruptContext);

typedef struct _NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    MINIPORT_ISR *InterruptHandler;
    MINIPORT_INTERRUPT_DPC *InterruptDpcHandler;
    MINIPORT_DISABLE_INTERRUPT *DisableInterruptHandler;
    MINIPORT_ENABLE_INTERRUPT *EnableInterruptHandler;
} NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS, *PNDIS_MINIPORT_INTERRUPT_CHARACTERISTICS;

NTSYSAPI NDIS_STATUS NTAPI NdisMRegisterInterruptEx(
    NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportInterruptContext,
    PNDIS_MINIPORT_INTERRUPT_CHARACTERISTICS MiniportInterruptCharacteristics,
    PNDIS_HANDLE NdisInterruptHandle);

typedef VOID NTAPI NDIS_TIMER_FUNCTION(PVOID SystemSpecific1, PVOID FunctionContext,
                                       PVOID SystemSpecific2, PVOID SystemSpecific3);

typedef struct _NDIS_TIMER_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    ULONG AllocationTag;
    NDIS_TIMER_FUNCTION *TimerFunction;
    PVOID FunctionContext;
} NDIS_TIMER_CHARACTERISTICS, *PNDIS_TIMER_CHARACTERISTICS;

NTSYSAPI NDIS_STATUS NTAPI NdisAllocateTimerObject(
    NDIS_HANDLE NdisHandle, PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
    PNDIS_HANDLE pTimerObject);

typedef VOID NTAPI NDIS_IO_WORKITEM_FUNCTION(PVOID WorkItemContext,
                                             NDIS_HANDLE NdisIoWorkItemHandle);
NTSYSAPI VOID NTAPI NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle,
                                        NDIS_IO_WORKITEM_FUNCTION *Routine,
                                        PVOID WorkItemContext);

/* ------------------------------------------------------------------------ */
/* NDIS 5 miniport                                                          */
/* ------------------------------------------------------------------------ */

typedef struct _NDIS_PACKET NDIS_PACKET, *PNDIS_PACKET, **PPNDIS_PACKET;

typedef BOOLEAN (NTAPI *W_CHECK_FOR_HANG_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef VOID (NTAPI *W_DISABLE_INTERRUPT_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef VOID (NTAPI *W_ENABLE_INTERRUPT_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef VOID (NTAPI *W_HALT_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef VOID (NTAPI *W_HANDLE_INTERRUPT_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS (NTAPI *W_INITIALIZE_HANDLER)(PNDIS_STATUS OpenErrorStatus,
                                                  PUINT SelectedMediumIndex, PVOID MediumArray,
                                                  UINT MediumArraySize,
                                                  NDIS_HANDLE MiniportAdapterContext,
                                                  NDIS_HANDLE WrapperConfigurationContext);
typedef VOID (NTAPI *W_ISR_HANDLER)(PBOOLEAN InterruptRecognized,
                                    PBOOLEAN QueueMiniportHandleInterrupt,
                                    NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS (NTAPI *W_QUERY_INFORMATION_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
                                                         ULONG Oid, PVOID InformationBuffer,
                                                         ULONG InformationBufferLength,
                                                         PULONG BytesWritten,
                                                         PULONG BytesNeeded);
typedef NDIS_STATUS (NTAPI *W_RECONFIGURE_HANDLER)(PNDIS_STATUS OpenErrorStatus,
                                                   NDIS_HANDLE MiniportAdapterContext,
                                                   NDIS_HANDLE WrapperConfigurationContext);
typedef NDIS_STATUS (NTAPI *W_RESET_HANDLER)(PBOOLEAN AddressingReset,
                                             NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS (NTAPI *W_SEND_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
                                            PNDIS_PACKET Packet, UINT Flags);
typedef NDIS_STATUS (NTAPI *W_SET_INFORMATION_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
                                                       ULONG Oid, PVOID InformationBuffer,
                                                       ULONG InformationBufferLength,
                                                       PULONG BytesRead, PULONG BytesNeeded);
typedef NDIS_STATUS (NTAPI *W_TRANSFER_DATA_HANDLER)(PNDIS_PACKET Packet,
                                                     PUINT BytesTransferred,
                                                     NDIS_HANDLE MiniportAdapterContext,
                                                     NDIS_HANDLE MiniportReceiveContext,
                                                     UINT ByteOffset, UINT BytesToTransfer);
typedef VOID (NTAPI *W_RETURN_PACKET_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
                                              PNDIS_PACKET Packet);
typedef VOID (NTAPI *W_SEND_PACKETS_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
                                             PPNDIS_PACKET PacketArray, UINT NumberOfPackets);
typedef VOID (NTAPI *W_ALLOCATE_COMPLETE_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
                                                  PVOID VirtualAddress, PVOID PhysicalAddress,
                                                  ULONG Length, PVOID Context);

/* In C the NDIS 4.0 characteristics repeat the 3.0 fields, flat; the
 * version a driver builds for is declared with the tag
 * _NDIS_MINIPORT_CHARACTERISTICS. */
typedef struct _NDIS_MINIPORT_CHARACTERISTICS {
    UCHAR MajorNdisVersion;
    UCHAR MinorNdisVersion;
    UINT Reserved;
    W_CHECK_FOR_HANG_HANDLER CheckForHangHandler;
    W_DISABLE_INTERRUPT_HANDLER DisableInterruptHandler;
    W_ENABLE_INTERRUPT_HANDLER EnableInterruptHandler;
    W_HALT_HANDLER HaltHandler;
    W_HANDLE_INTERRUPT_HANDLER HandleInterruptHandler;
    W_INITIALIZE_HANDLER InitializeHandler;
    W_ISR_HANDLER ISRHandler;
    W_QUERY_INFORMATION_HANDLER QueryInformationHandler;
    W_RECONFIGURE_HANDLER ReconfigureHandler;
    W_RESET_HANDLER ResetHandler;
    W_SEND_HANDLER SendHandler;
    W_SET_INFORMATION_HANDLER SetInformationHandler;
    W_TRANSFER_DATA_HANDLER TransferDataHandler;
    W_RETURN_PACKET_HANDLER ReturnPacketHandler;
    W_SEND_PACKETS_HANDLER SendPacketsHandler;
    W_ALLOCATE_COMPLETE_HANDLER AllocateCompleteHandler;
} NDIS_MINIPORT_CHARACTERISTICS, *PNDIS_MINIPORT_CHARACTERISTICS;

NTSYSAPI VOID NTAPI NdisMInitializeWrapper(PNDIS_HANDLE NdisWrapperHandle,
                                           PVOID SystemSpecific1, PVOID SystemSpecific2,
                                           PVOID SystemSpecific3);
NTSYSAPI NDIS_STATUS NTAPI NdisMRegisterMiniport(NDIS_HANDLE NdisWrapperHandle,
                                                 PNDIS_MINIPORT_CHARACTERISTICS MiniportCharacteristics,
                                                 UINT CharacteristicsLength);

typedef VOID (NTAPI *PNDIS_TIMER_FUNCTION)(PVOID SystemSpecific1, PVOID FunctionContext,
                                           PVOID SystemSpecific2, PVOID SystemSpecific3);
typedef struct _NDIS_MINIPORT_TIMER {
    KTIMER Timer;
    KDPC Dpc;
    PNDIS_TIMER_FUNCTION MiniportTimerFunction;
    PVOID MiniportTimerContext;
    PVOID Miniport;
    struct _NDIS_MINIPORT_TIMER *NextDeferredTimer;
} NDIS_MINIPORT_TIMER, *PNDIS_MINIPORT_TIMER;

NTSYSAPI VOID NTAPI NdisMInitializeTimer(PNDIS_MINIPORT_TIMER Timer,
                                         NDIS_HANDLE MiniportAdapterHandle,
                                         PNDIS_TIMER_FUNCTION TimerFunction,
                                         PVOID FunctionContext);

struct _NDIS_WORK_ITEM;
typedef VOID (NTAPI *NDIS_PROC)(struct _NDIS_WORK_ITEM *WorkItem, PVOID Context);
typedef struct _NDIS_WORK_ITEM {
    PVOID Context;
    NDIS_PROC Routine;
    UCHAR WrapperReserved[8 * sizeof(PVOID)];
} NDIS_WORK_ITEM, *PNDIS_WORK_ITEM;

/* A macro in the documented interface: it stores the routine. */
#define NdisInitializeWorkItem(_WI_, _R_, _C_) \
    do { (_WI_)->Context = (_C_); (_WI_)->Routine = (_R_); } while (0)
NTSYSAPI NDIS_STATUS NTAPI NdisScheduleWorkItem(PNDIS_WORK_ITEM WorkItem);

typedef VOID (NTAPI *ADAPTER_SHUTDOWN_HANDLER)(PVOID ShutdownContext);
NTSYSAPI VOID NTAPI NdisMRegisterAdapterShutdownHandler(NDIS_HANDLE MiniportHandle,
                                                        PVOID ShutdownContext,
                                                        ADAPTER_SHUTDOWN_HANDLER ShutdownHandler);

#endif /* SDV_DDK_NDIS_H */
