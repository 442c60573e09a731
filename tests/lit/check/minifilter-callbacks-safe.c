// A file system minifilter registers its callbacks in constant tables:
// FLT_REGISTRATION (unload) and an array of FLT_OPERATION_REGISTRATION
// (pre- and post-operation callbacks per major function), and a message
// callback through FltCreateCommunicationPort. The filter
// manager calls each as an entry routine. The post-write callback nests a
// second lock inside the statistics lock.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <fltkernel.h>

typedef struct _STATS {
    KSPIN_LOCK Lock;
    ULONG Creates;
    ULONG Writes;
} STATS;

STATS g_Stats;
KSPIN_LOCK g_WriteLock;
PFLT_FILTER g_Filter;

FLT_PRE_OPERATION_CALLBACK PreCreate;
FLT_POST_OPERATION_CALLBACK PostWrite;
FLT_FILTER_UNLOAD_CALLBACK Unload;
FLT_MESSAGE_NOTIFY Message;
PFLT_PORT g_Port;

// ROLES-DAG: PreCreate FLT_PRE_OPERATION_CALLBACK initializer of 'Callbacks' sets FLT_OPERATION_REGISTRATION.PreOperation
FLT_PREOP_CALLBACK_STATUS PreCreate(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                    PVOID *Context)
{
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Objects);
    *Context = NULL;
    KeAcquireSpinLock(&g_Stats.Lock, &Irql);
    g_Stats.Creates++;
    KeReleaseSpinLock(&g_Stats.Lock, Irql);
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

// ROLES-DAG: PostWrite FLT_POST_OPERATION_CALLBACK initializer of 'Callbacks' sets FLT_OPERATION_REGISTRATION.PostOperation
FLT_POSTOP_CALLBACK_STATUS PostWrite(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                     PVOID Context, FLT_POST_OPERATION_FLAGS Flags)
{
    KIRQL Irql, Irql2;

    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(Objects);
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    KeAcquireSpinLock(&g_Stats.Lock, &Irql);
    g_Stats.Writes++;
    KeAcquireSpinLock(&g_WriteLock, &Irql2);
    KeReleaseSpinLock(&g_WriteLock, Irql2);
    KeReleaseSpinLock(&g_Stats.Lock, Irql);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

// ROLES-DAG: Message FLT_MESSAGE_NOTIFY passed to FltCreateCommunicationPort
NTSTATUS Message(PVOID Cookie, PVOID In, ULONG InLength, PVOID Out, ULONG OutLength,
                 PULONG Returned)
{
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Cookie);
    UNREFERENCED_PARAMETER(In);
    UNREFERENCED_PARAMETER(InLength);
    UNREFERENCED_PARAMETER(Out);
    UNREFERENCED_PARAMETER(OutLength);
    KeAcquireSpinLock(&g_Stats.Lock, &Irql);
    *Returned = g_Stats.Writes;
    KeReleaseSpinLock(&g_Stats.Lock, Irql);
    return STATUS_SUCCESS;
}

// ROLES-DAG: Unload FLT_FILTER_UNLOAD_CALLBACK initializer of 'Registration' sets FLT_REGISTRATION.FilterUnloadCallback
NTSTATUS Unload(FLT_FILTER_UNLOAD_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    FltUnregisterFilter(g_Filter);
    return STATUS_SUCCESS;
}

const FLT_OPERATION_REGISTRATION Callbacks[] = {
    { IRP_MJ_CREATE, 0, PreCreate, NULL, NULL },
    { IRP_MJ_WRITE, 0, NULL, PostWrite, NULL },
    { IRP_MJ_OPERATION_END, 0, NULL, NULL, NULL }
};

const FLT_REGISTRATION Registration = {
    sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, Unload,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Stats.Lock);
    Status = FltRegisterFilter(DriverObject, &Registration, &g_Filter);
    if (NT_SUCCESS(Status))
        Status = FltCreateCommunicationPort(g_Filter, &g_Port, NULL, NULL, NULL, NULL,
                                            Message, 1);
    if (NT_SUCCESS(Status))
        Status = FltStartFiltering(g_Filter);
    return Status;
}

// CHECK: SpinLockDpc: Pass (0 defects, 5 entry routines)
