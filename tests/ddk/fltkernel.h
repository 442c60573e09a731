/*
 * fltkernel.h - sdv-lite's model of the filter manager's minifilter
 * registration interface.
 *
 * Written for sdv-lite's tests from the public Filter Manager documentation
 * (FLT_REGISTRATION and FLT_OPERATION_REGISTRATION members in documented
 * order); not the WDK header. Only what the tests use.
 */
#ifndef SDV_DDK_FLTKERNEL_H
#define SDV_DDK_FLTKERNEL_H

#include <ntddk.h>

typedef struct _FLT_FILTER *PFLT_FILTER;
typedef struct _FLT_CALLBACK_DATA FLT_CALLBACK_DATA, *PFLT_CALLBACK_DATA;
typedef struct _FLT_RELATED_OBJECTS FLT_RELATED_OBJECTS;
typedef const FLT_RELATED_OBJECTS *PCFLT_RELATED_OBJECTS;
typedef ULONG FLT_REGISTRATION_FLAGS;
typedef ULONG FLT_OPERATION_REGISTRATION_FLAGS;
typedef ULONG FLT_FILTER_UNLOAD_FLAGS;
typedef ULONG FLT_POST_OPERATION_FLAGS;

typedef enum _FLT_PREOP_CALLBACK_STATUS {
    FLT_PREOP_SUCCESS_WITH_CALLBACK,
    FLT_PREOP_SUCCESS_NO_CALLBACK,
    FLT_PREOP_PENDING,
    FLT_PREOP_DISALLOW_FASTIO,
    FLT_PREOP_COMPLETE,
    FLT_PREOP_SYNCHRONIZE
} FLT_PREOP_CALLBACK_STATUS;

typedef enum _FLT_POSTOP_CALLBACK_STATUS {
    FLT_POSTOP_FINISHED_PROCESSING,
    FLT_POSTOP_MORE_PROCESSING_REQUIRED
} FLT_POSTOP_CALLBACK_STATUS;

typedef FLT_PREOP_CALLBACK_STATUS NTAPI FLT_PRE_OPERATION_CALLBACK(
    PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *CompletionContext);
typedef FLT_PRE_OPERATION_CALLBACK *PFLT_PRE_OPERATION_CALLBACK;
typedef FLT_POSTOP_CALLBACK_STATUS NTAPI FLT_POST_OPERATION_CALLBACK(
    PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID CompletionContext,
    FLT_POST_OPERATION_FLAGS Flags);
typedef FLT_POST_OPERATION_CALLBACK *PFLT_POST_OPERATION_CALLBACK;
typedef NTSTATUS NTAPI FLT_FILTER_UNLOAD_CALLBACK(FLT_FILTER_UNLOAD_FLAGS Flags);
typedef FLT_FILTER_UNLOAD_CALLBACK *PFLT_FILTER_UNLOAD_CALLBACK;

typedef struct _FLT_OPERATION_REGISTRATION {
    UCHAR MajorFunction;
    FLT_OPERATION_REGISTRATION_FLAGS Flags;
    PFLT_PRE_OPERATION_CALLBACK PreOperation;
    PFLT_POST_OPERATION_CALLBACK PostOperation;
    PVOID Reserved1;
} FLT_OPERATION_REGISTRATION;

#define IRP_MJ_OPERATION_END ((UCHAR)0x80)

typedef struct _FLT_REGISTRATION {
    USHORT Size;
    USHORT Version;
    FLT_REGISTRATION_FLAGS Flags;
    const PVOID ContextRegistration;
    const FLT_OPERATION_REGISTRATION *OperationRegistration;
    PFLT_FILTER_UNLOAD_CALLBACK FilterUnloadCallback;
    PVOID InstanceSetupCallback;
    PVOID InstanceQueryTeardownCallback;
    PVOID InstanceTeardownStartCallback;
    PVOID InstanceTeardownCompleteCallback;
    PVOID GenerateFileNameCallback;
    PVOID NormalizeNameComponentCallback;
    PVOID NormalizeContextCleanupCallback;
} FLT_REGISTRATION;

#define FLT_REGISTRATION_VERSION 0x0203

NTSYSAPI NTSTATUS NTAPI FltRegisterFilter(PDRIVER_OBJECT Driver,
                                          const FLT_REGISTRATION *Registration,
                                          PFLT_FILTER *RetFilter);
NTSYSAPI NTSTATUS NTAPI FltStartFiltering(PFLT_FILTER Filter);
NTSYSAPI VOID NTAPI FltUnregisterFilter(PFLT_FILTER Filter);

typedef struct _FLT_PORT *PFLT_PORT;
typedef struct _OBJECT_ATTRIBUTES *POBJECT_ATTRIBUTES;
typedef NTSTATUS NTAPI FLT_CONNECT_NOTIFY(PFLT_PORT ClientPort, PVOID ServerPortCookie,
                                          PVOID ConnectionContext, ULONG SizeOfContext,
                                          PVOID *ConnectionPortCookie);
typedef FLT_CONNECT_NOTIFY *PFLT_CONNECT_NOTIFY;
typedef VOID NTAPI FLT_DISCONNECT_NOTIFY(PVOID ConnectionCookie);
typedef FLT_DISCONNECT_NOTIFY *PFLT_DISCONNECT_NOTIFY;
typedef NTSTATUS NTAPI FLT_MESSAGE_NOTIFY(PVOID PortCookie, PVOID InputBuffer,
                                          ULONG InputBufferLength, PVOID OutputBuffer,
                                          ULONG OutputBufferLength,
                                          PULONG ReturnOutputBufferLength);
typedef FLT_MESSAGE_NOTIFY *PFLT_MESSAGE_NOTIFY;

NTSYSAPI NTSTATUS NTAPI FltCreateCommunicationPort(
    PFLT_FILTER Filter, PFLT_PORT *ServerPort, POBJECT_ATTRIBUTES ObjectAttributes,
    PVOID ServerPortCookie, PFLT_CONNECT_NOTIFY ConnectNotifyCallback,
    PFLT_DISCONNECT_NOTIFY DisconnectNotifyCallback,
    PFLT_MESSAGE_NOTIFY MessageNotifyCallback, LONG MaxConnections);

#endif /* SDV_DDK_FLTKERNEL_H */
