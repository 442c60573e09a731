/*
 * wdf.h - sdv-lite's model of the Kernel-Mode Driver Framework's callback
 * registration structures.
 *
 * Written for sdv-lite's tests from the public KMDF documentation (member
 * names and types of the configuration structures, the documented
 * WDF_*_CONFIG_INIT initialisers); not the WDK headers. Most of the
 * framework's methods are modelled as plain functions: what matters to the
 * tests is where the driver stores its callbacks. The methods that register
 * a callback by a call are modelled as KMDF's headers define every method:
 * an inline wrapper calling through the framework's function table
 * (`WdfFunctions`, renamed per KMDF version), with the driver globals as
 * first argument and the method's WDFFUNCENUM index as table slot.
 */
#ifndef SDV_DDK_WDF_H
#define SDV_DDK_WDF_H

#include <ntddk.h>

typedef struct WDFDRIVER__ *WDFDRIVER;
typedef struct WDFDEVICE__ *WDFDEVICE;
typedef struct WDFQUEUE__ *WDFQUEUE;
typedef struct WDFREQUEST__ *WDFREQUEST;
typedef struct WDFDPC__ *WDFDPC;
typedef struct WDFTIMER__ *WDFTIMER;
typedef PVOID WDFOBJECT;
typedef struct WDFSPINLOCK__ *WDFSPINLOCK;
typedef struct WDFWAITLOCK__ *WDFWAITLOCK;
typedef struct WDFDEVICE_INIT *PWDFDEVICE_INIT;

typedef NTSTATUS NTAPI EVT_WDF_DRIVER_DEVICE_ADD(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit);
typedef EVT_WDF_DRIVER_DEVICE_ADD *PFN_WDF_DRIVER_DEVICE_ADD;
typedef VOID NTAPI EVT_WDF_DRIVER_UNLOAD(WDFDRIVER Driver);
typedef EVT_WDF_DRIVER_UNLOAD *PFN_WDF_DRIVER_UNLOAD;

typedef struct _WDF_DRIVER_CONFIG {
    ULONG Size;
    PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd;
    PFN_WDF_DRIVER_UNLOAD EvtDriverUnload;
    ULONG DriverInitFlags;
    ULONG DriverPoolTag;
} WDF_DRIVER_CONFIG, *PWDF_DRIVER_CONFIG;

static __inline VOID WDF_DRIVER_CONFIG_INIT(PWDF_DRIVER_CONFIG Config,
                                            PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd)
{
    RtlZeroMemory(Config, sizeof(WDF_DRIVER_CONFIG));
    Config->Size = sizeof(WDF_DRIVER_CONFIG);
    Config->EvtDriverDeviceAdd = EvtDriverDeviceAdd;
}

typedef enum _WDF_EXECUTION_LEVEL {
    WdfExecutionLevelInvalid = 0x00,
    WdfExecutionLevelInheritFromParent,
    WdfExecutionLevelPassive,
    WdfExecutionLevelDispatch
} WDF_EXECUTION_LEVEL;

typedef enum _WDF_SYNCHRONIZATION_SCOPE {
    WdfSynchronizationScopeInvalid = 0x00,
    WdfSynchronizationScopeInheritFromParent,
    WdfSynchronizationScopeDevice,
    WdfSynchronizationScopeQueue,
    WdfSynchronizationScopeNone
} WDF_SYNCHRONIZATION_SCOPE;

typedef VOID NTAPI EVT_WDF_OBJECT_CONTEXT_CLEANUP(WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP *PFN_WDF_OBJECT_CONTEXT_CLEANUP;
typedef VOID NTAPI EVT_WDF_OBJECT_CONTEXT_DESTROY(WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_DESTROY *PFN_WDF_OBJECT_CONTEXT_DESTROY;
typedef const struct _WDF_OBJECT_CONTEXT_TYPE_INFO *PCWDF_OBJECT_CONTEXT_TYPE_INFO;

typedef struct _WDF_OBJECT_ATTRIBUTES {
    ULONG Size;
    PFN_WDF_OBJECT_CONTEXT_CLEANUP EvtCleanupCallback;
    PFN_WDF_OBJECT_CONTEXT_DESTROY EvtDestroyCallback;
    WDF_EXECUTION_LEVEL ExecutionLevel;
    WDF_SYNCHRONIZATION_SCOPE SynchronizationScope;
    WDFOBJECT ParentObject;
    SIZE_T ContextSizeOverride;
    PCWDF_OBJECT_CONTEXT_TYPE_INFO ContextTypeInfo;
} WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;

static __inline VOID WDF_OBJECT_ATTRIBUTES_INIT(PWDF_OBJECT_ATTRIBUTES Attributes)
{
    RtlZeroMemory(Attributes, sizeof(WDF_OBJECT_ATTRIBUTES));
    Attributes->Size = sizeof(WDF_OBJECT_ATTRIBUTES);
    Attributes->ExecutionLevel = WdfExecutionLevelInheritFromParent;
    Attributes->SynchronizationScope = WdfSynchronizationScopeInheritFromParent;
}

#define WDF_NO_OBJECT_ATTRIBUTES ((PWDF_OBJECT_ATTRIBUTES)0)
#define WDF_NO_HANDLE ((PVOID)0)

NTSTATUS WdfDriverCreate(PDRIVER_OBJECT DriverObject, PCUNICODE_STRING RegistryPath,
                         PWDF_OBJECT_ATTRIBUTES DriverAttributes,
                         PWDF_DRIVER_CONFIG DriverConfig, WDFDRIVER *Driver);
NTSTATUS WdfDeviceCreate(PWDFDEVICE_INIT *DeviceInit,
                         PWDF_OBJECT_ATTRIBUTES DeviceAttributes, WDFDEVICE *Device);

typedef enum _WDF_IO_QUEUE_DISPATCH_TYPE {
    WdfIoQueueDispatchInvalid = 0,
    WdfIoQueueDispatchSequential,
    WdfIoQueueDispatchParallel,
    WdfIoQueueDispatchManual,
    WdfIoQueueDispatchMax
} WDF_IO_QUEUE_DISPATCH_TYPE;

typedef VOID NTAPI EVT_WDF_IO_QUEUE_IO_DEFAULT(WDFQUEUE Queue, WDFREQUEST Request);
typedef EVT_WDF_IO_QUEUE_IO_DEFAULT *PFN_WDF_IO_QUEUE_IO_DEFAULT;
typedef VOID NTAPI EVT_WDF_IO_QUEUE_IO_READ(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length);
typedef EVT_WDF_IO_QUEUE_IO_READ *PFN_WDF_IO_QUEUE_IO_READ;
typedef VOID NTAPI EVT_WDF_IO_QUEUE_IO_WRITE(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length);
typedef EVT_WDF_IO_QUEUE_IO_WRITE *PFN_WDF_IO_QUEUE_IO_WRITE;
typedef VOID NTAPI EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL(WDFQUEUE Queue, WDFREQUEST Request,
                                                      SIZE_T OutputBufferLength,
                                                      SIZE_T InputBufferLength,
                                                      ULONG IoControlCode);
typedef EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL *PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL;
typedef VOID NTAPI EVT_WDF_IO_QUEUE_IO_STOP(WDFQUEUE Queue, WDFREQUEST Request,
                                            ULONG ActionFlags);
typedef EVT_WDF_IO_QUEUE_IO_STOP *PFN_WDF_IO_QUEUE_IO_STOP;

typedef struct _WDF_IO_QUEUE_CONFIG {
    ULONG Size;
    WDF_IO_QUEUE_DISPATCH_TYPE DispatchType;
    BOOLEAN PowerManaged;
    BOOLEAN AllowZeroLengthRequests;
    BOOLEAN DefaultQueue;
    PFN_WDF_IO_QUEUE_IO_DEFAULT EvtIoDefault;
    PFN_WDF_IO_QUEUE_IO_READ EvtIoRead;
    PFN_WDF_IO_QUEUE_IO_WRITE EvtIoWrite;
    PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoDeviceControl;
    PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoInternalDeviceControl;
    PFN_WDF_IO_QUEUE_IO_STOP EvtIoStop;
    PVOID EvtIoResume;
    PVOID EvtIoCanceledOnQueue;
} WDF_IO_QUEUE_CONFIG, *PWDF_IO_QUEUE_CONFIG;

static __inline VOID WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(
    PWDF_IO_QUEUE_CONFIG Config, WDF_IO_QUEUE_DISPATCH_TYPE DispatchType)
{
    RtlZeroMemory(Config, sizeof(WDF_IO_QUEUE_CONFIG));
    Config->Size = sizeof(WDF_IO_QUEUE_CONFIG);
    Config->PowerManaged = TRUE;
    Config->DispatchType = DispatchType;
    Config->DefaultQueue = TRUE;
}

NTSTATUS WdfIoQueueCreate(WDFDEVICE Device, PWDF_IO_QUEUE_CONFIG Config,
                          PWDF_OBJECT_ATTRIBUTES QueueAttributes, WDFQUEUE *Queue);
VOID WdfRequestComplete(WDFREQUEST Request, NTSTATUS Status);

typedef VOID NTAPI EVT_WDF_DPC(WDFDPC Dpc);
typedef EVT_WDF_DPC *PFN_WDF_DPC;

typedef struct _WDF_DPC_CONFIG {
    ULONG Size;
    PFN_WDF_DPC EvtDpcFunc;
    ULONG DriverWdmDpc;
    BOOLEAN AutomaticSerialization;
} WDF_DPC_CONFIG, *PWDF_DPC_CONFIG;

static __inline VOID WDF_DPC_CONFIG_INIT(PWDF_DPC_CONFIG Config, PFN_WDF_DPC EvtDpcFunc)
{
    RtlZeroMemory(Config, sizeof(WDF_DPC_CONFIG));
    Config->Size = sizeof(WDF_DPC_CONFIG);
    Config->EvtDpcFunc = EvtDpcFunc;
    Config->AutomaticSerialization = TRUE;
}

NTSTATUS WdfDpcCreate(PWDF_DPC_CONFIG Config, PWDF_OBJECT_ATTRIBUTES Attributes, WDFDPC *Dpc);
BOOLEAN WdfDpcEnqueue(WDFDPC Dpc);

/* Methods called through the framework's function table. */
typedef struct WDFIOTARGET__ *WDFIOTARGET;
typedef PVOID WDFCONTEXT;
typedef struct _WDF_REQUEST_COMPLETION_PARAMS *PWDF_REQUEST_COMPLETION_PARAMS;
typedef struct _WDF_DRIVER_GLOBALS *PWDF_DRIVER_GLOBALS;
typedef VOID (*WDFFUNC)(VOID);
extern const WDFFUNC *WdfFunctions_01015;
#define WdfFunctions WdfFunctions_01015
extern PWDF_DRIVER_GLOBALS WdfDriverGlobals;

typedef enum _WDFFUNCENUM {
    WdfDeviceInitAssignWdmIrpPreprocessCallbackTableIndex = 73,
    WdfDeviceInitSetIoInCallerContextCallbackTableIndex = 74,
    WdfRequestMarkCancelableTableIndex = 255,
    WdfRequestUnmarkCancelableTableIndex = 256,
    WdfRequestSetCompletionRoutineTableIndex = 260,
    WdfObjectAcquireLockTableIndex = 310,
    WdfObjectReleaseLockTableIndex = 311,
    WdfWaitLockCreateTableIndex = 312,
    WdfWaitLockAcquireTableIndex = 313,
    WdfWaitLockReleaseTableIndex = 314,
    WdfSpinLockCreateTableIndex = 315,
    WdfSpinLockAcquireTableIndex = 316,
    WdfSpinLockReleaseTableIndex = 317,
    WdfRequestMarkCancelableExTableIndex = 393,
} WDFFUNCENUM;

/* Framework spin locks (the WdfSpinlock rule), called through the function
   table as KMDF's headers do. */
typedef NTSTATUS (NTAPI *PFN_WDFSPINLOCKCREATE)(PWDF_DRIVER_GLOBALS, PWDF_OBJECT_ATTRIBUTES,
                                               WDFSPINLOCK *);
typedef VOID (NTAPI *PFN_WDFSPINLOCKACQUIRE)(PWDF_DRIVER_GLOBALS, WDFSPINLOCK);
typedef VOID (NTAPI *PFN_WDFSPINLOCKRELEASE)(PWDF_DRIVER_GLOBALS, WDFSPINLOCK);

FORCEINLINE NTSTATUS WdfSpinLockCreate(PWDF_OBJECT_ATTRIBUTES SpinLockAttributes,
                                       WDFSPINLOCK *SpinLock)
{
    return ((PFN_WDFSPINLOCKCREATE)WdfFunctions[WdfSpinLockCreateTableIndex])(
        WdfDriverGlobals, SpinLockAttributes, SpinLock);
}

FORCEINLINE VOID WdfSpinLockAcquire(WDFSPINLOCK SpinLock)
{
    ((PFN_WDFSPINLOCKACQUIRE)WdfFunctions[WdfSpinLockAcquireTableIndex])(WdfDriverGlobals,
                                                                        SpinLock);
}

FORCEINLINE VOID WdfSpinLockRelease(WDFSPINLOCK SpinLock)
{
    ((PFN_WDFSPINLOCKRELEASE)WdfFunctions[WdfSpinLockReleaseTableIndex])(WdfDriverGlobals,
                                                                        SpinLock);
}

/* The framework's object lock of a device or queue (the WdfObjectLock rule). */
typedef VOID (NTAPI *PFN_WDFOBJECTACQUIRELOCK)(PWDF_DRIVER_GLOBALS, WDFOBJECT);
typedef VOID (NTAPI *PFN_WDFOBJECTRELEASELOCK)(PWDF_DRIVER_GLOBALS, WDFOBJECT);

FORCEINLINE VOID WdfObjectAcquireLock(WDFOBJECT Object)
{
    ((PFN_WDFOBJECTACQUIRELOCK)WdfFunctions[WdfObjectAcquireLockTableIndex])(WdfDriverGlobals,
                                                                            Object);
}

FORCEINLINE VOID WdfObjectReleaseLock(WDFOBJECT Object)
{
    ((PFN_WDFOBJECTRELEASELOCK)WdfFunctions[WdfObjectReleaseLockTableIndex])(WdfDriverGlobals,
                                                                            Object);
}

/* Framework wait locks (the WdfWaitlock rule). WdfWaitLockAcquire returns
   STATUS_SUCCESS with the lock, or STATUS_TIMEOUT without it when a Timeout
   (100-ns units, negative: relative) elapses; a NULL Timeout waits. */
typedef NTSTATUS (NTAPI *PFN_WDFWAITLOCKCREATE)(PWDF_DRIVER_GLOBALS, PWDF_OBJECT_ATTRIBUTES,
                                               WDFWAITLOCK *);
typedef NTSTATUS (NTAPI *PFN_WDFWAITLOCKACQUIRE)(PWDF_DRIVER_GLOBALS, WDFWAITLOCK, PLONGLONG);
typedef VOID (NTAPI *PFN_WDFWAITLOCKRELEASE)(PWDF_DRIVER_GLOBALS, WDFWAITLOCK);

FORCEINLINE NTSTATUS WdfWaitLockCreate(PWDF_OBJECT_ATTRIBUTES LockAttributes, WDFWAITLOCK *Lock)
{
    return ((PFN_WDFWAITLOCKCREATE)WdfFunctions[WdfWaitLockCreateTableIndex])(
        WdfDriverGlobals, LockAttributes, Lock);
}

FORCEINLINE NTSTATUS WdfWaitLockAcquire(WDFWAITLOCK Lock, PLONGLONG Timeout)
{
    return ((PFN_WDFWAITLOCKACQUIRE)WdfFunctions[WdfWaitLockAcquireTableIndex])(
        WdfDriverGlobals, Lock, Timeout);
}

FORCEINLINE VOID WdfWaitLockRelease(WDFWAITLOCK Lock)
{
    ((PFN_WDFWAITLOCKRELEASE)WdfFunctions[WdfWaitLockReleaseTableIndex])(WdfDriverGlobals, Lock);
}

typedef VOID NTAPI EVT_WDF_REQUEST_CANCEL(WDFREQUEST Request);
typedef EVT_WDF_REQUEST_CANCEL *PFN_WDF_REQUEST_CANCEL;
typedef VOID NTAPI EVT_WDF_REQUEST_COMPLETION_ROUTINE(WDFREQUEST Request, WDFIOTARGET Target,
                                                      PWDF_REQUEST_COMPLETION_PARAMS Params,
                                                      WDFCONTEXT Context);
typedef EVT_WDF_REQUEST_COMPLETION_ROUTINE *PFN_WDF_REQUEST_COMPLETION_ROUTINE;
typedef VOID NTAPI EVT_WDF_IO_IN_CALLER_CONTEXT(WDFDEVICE Device, WDFREQUEST Request);
typedef EVT_WDF_IO_IN_CALLER_CONTEXT *PFN_WDF_IO_IN_CALLER_CONTEXT;
typedef NTSTATUS NTAPI EVT_WDFDEVICE_WDM_IRP_PREPROCESS(WDFDEVICE Device, PIRP Irp);
typedef EVT_WDFDEVICE_WDM_IRP_PREPROCESS *PFN_WDFDEVICE_WDM_IRP_PREPROCESS;

typedef VOID (NTAPI *PFN_WDFREQUESTMARKCANCELABLE)(PWDF_DRIVER_GLOBALS, WDFREQUEST,
                                                   PFN_WDF_REQUEST_CANCEL);
typedef NTSTATUS (NTAPI *PFN_WDFREQUESTMARKCANCELABLEEX)(PWDF_DRIVER_GLOBALS, WDFREQUEST,
                                                         PFN_WDF_REQUEST_CANCEL);
typedef NTSTATUS (NTAPI *PFN_WDFREQUESTUNMARKCANCELABLE)(PWDF_DRIVER_GLOBALS, WDFREQUEST);
typedef VOID (NTAPI *PFN_WDFREQUESTSETCOMPLETIONROUTINE)(PWDF_DRIVER_GLOBALS, WDFREQUEST,
                                                         PFN_WDF_REQUEST_COMPLETION_ROUTINE,
                                                         WDFCONTEXT);
typedef VOID (NTAPI *PFN_WDFDEVICEINITSETIOINCALLERCONTEXTCALLBACK)(
    PWDF_DRIVER_GLOBALS, PWDFDEVICE_INIT, PFN_WDF_IO_IN_CALLER_CONTEXT);
typedef NTSTATUS (NTAPI *PFN_WDFDEVICEINITASSIGNWDMIRPPREPROCESSCALLBACK)(
    PWDF_DRIVER_GLOBALS, PWDFDEVICE_INIT, PFN_WDFDEVICE_WDM_IRP_PREPROCESS, UCHAR, PUCHAR, ULONG);

static __inline VOID WdfRequestMarkCancelable(WDFREQUEST Request,
                                              PFN_WDF_REQUEST_CANCEL EvtRequestCancel)
{
    ((PFN_WDFREQUESTMARKCANCELABLE)WdfFunctions[WdfRequestMarkCancelableTableIndex])(
        WdfDriverGlobals, Request, EvtRequestCancel);
}

static __inline NTSTATUS WdfRequestMarkCancelableEx(WDFREQUEST Request,
                                                    PFN_WDF_REQUEST_CANCEL EvtRequestCancel)
{
    return ((PFN_WDFREQUESTMARKCANCELABLEEX)WdfFunctions[WdfRequestMarkCancelableExTableIndex])(
        WdfDriverGlobals, Request, EvtRequestCancel);
}

static __inline NTSTATUS WdfRequestUnmarkCancelable(WDFREQUEST Request)
{
    return ((PFN_WDFREQUESTUNMARKCANCELABLE)WdfFunctions[WdfRequestUnmarkCancelableTableIndex])(
        WdfDriverGlobals, Request);
}

static __inline VOID WdfRequestSetCompletionRoutine(
    WDFREQUEST Request, PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    WDFCONTEXT CompletionContext)
{
    ((PFN_WDFREQUESTSETCOMPLETIONROUTINE)WdfFunctions[WdfRequestSetCompletionRoutineTableIndex])(
        WdfDriverGlobals, Request, CompletionRoutine, CompletionContext);
}

static __inline VOID WdfDeviceInitSetIoInCallerContextCallback(
    PWDFDEVICE_INIT DeviceInit, PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext)
{
    ((PFN_WDFDEVICEINITSETIOINCALLERCONTEXTCALLBACK)
         WdfFunctions[WdfDeviceInitSetIoInCallerContextCallbackTableIndex])(
        WdfDriverGlobals, DeviceInit, EvtIoInCallerContext);
}

static __inline NTSTATUS WdfDeviceInitAssignWdmIrpPreprocessCallback(
    PWDFDEVICE_INIT DeviceInit, PFN_WDFDEVICE_WDM_IRP_PREPROCESS EvtDeviceWdmIrpPreprocess,
    UCHAR MajorFunction, PUCHAR MinorFunctions, ULONG NumMinorFunctions)
{
    return ((PFN_WDFDEVICEINITASSIGNWDMIRPPREPROCESSCALLBACK)
                WdfFunctions[WdfDeviceInitAssignWdmIrpPreprocessCallbackTableIndex])(
        WdfDriverGlobals, DeviceInit, EvtDeviceWdmIrpPreprocess, MajorFunction,
        MinorFunctions, NumMinorFunctions);
}

#endif /* SDV_DDK_WDF_H */
