// Safe twin of kmdf-method-callbacks.c: KMDF callbacks registered by
// method calls through the framework's function table; the cancel routine
// drops the lock on its early return, and the completion routine's error
// path releases nothing.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %sdv roles %t86.bc | FileCheck %s --check-prefix=ROLES
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: %sdv roles %t2.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <wdf.h>

typedef struct _QUEUE_CONTEXT {
    KSPIN_LOCK Lock;
    WDFREQUEST Current;
    ULONG Completions;
} QUEUE_CONTEXT;

QUEUE_CONTEXT g_Ctx;

EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ EvtRead;
EVT_WDF_REQUEST_CANCEL EvtRequestCancel;
EVT_WDF_REQUEST_COMPLETION_ROUTINE EvtRequestCompleted;
EVT_WDF_IO_IN_CALLER_CONTEXT EvtInCallerContext;
EVT_WDFDEVICE_WDM_IRP_PREPROCESS EvtPreprocess;

// ROLES-DAG: EvtRequestCancel EVT_WDF_REQUEST_CANCEL passed to WdfRequestMarkCancelableEx
VOID EvtRequestCancel(WDFREQUEST Request)
{
    KIRQL Irql;
    KeAcquireSpinLock(&g_Ctx.Lock, &Irql);
    if (g_Ctx.Current != Request) {
        KeReleaseSpinLock(&g_Ctx.Lock, Irql);
        return;
    }
    g_Ctx.Current = NULL;
    KeReleaseSpinLock(&g_Ctx.Lock, Irql);
    WdfRequestComplete(Request, STATUS_CANCELLED);
}

// ROLES-DAG: EvtRequestCompleted EVT_WDF_REQUEST_COMPLETION_ROUTINE passed to WdfRequestSetCompletionRoutine
VOID EvtRequestCompleted(WDFREQUEST Request, WDFIOTARGET Target,
                         PWDF_REQUEST_COMPLETION_PARAMS Params, WDFCONTEXT Context)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(Target);
    UNREFERENCED_PARAMETER(Params);
    if (Context == NULL) {

        WdfRequestComplete(Request, STATUS_UNSUCCESSFUL);
        return;
    }
    KeAcquireSpinLock(&g_Ctx.Lock, &Irql);
    g_Ctx.Completions++;
    KeReleaseSpinLock(&g_Ctx.Lock, Irql);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

VOID EvtRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Length);
    KeAcquireSpinLock(&g_Ctx.Lock, &Irql);
    g_Ctx.Current = Request;
    KeReleaseSpinLock(&g_Ctx.Lock, Irql);
    WdfRequestSetCompletionRoutine(Request, EvtRequestCompleted, &g_Ctx);
    if (!NT_SUCCESS(WdfRequestMarkCancelableEx(Request, EvtRequestCancel)))
        WdfRequestComplete(Request, STATUS_CANCELLED);
}

// ROLES-DAG: EvtInCallerContext EVT_WDF_IO_IN_CALLER_CONTEXT passed to WdfDeviceInitSetIoInCallerContextCallback
VOID EvtInCallerContext(WDFDEVICE Device, WDFREQUEST Request)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(Device);
    KeAcquireSpinLock(&g_Ctx.Lock, &Irql);
    g_Ctx.Completions = 0;
    KeReleaseSpinLock(&g_Ctx.Lock, Irql);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// ROLES-DAG: EvtPreprocess EVT_WDFDEVICE_WDM_IRP_PREPROCESS passed to WdfDeviceInitAssignWdmIrpPreprocessCallback
NTSTATUS EvtPreprocess(WDFDEVICE Device, PIRP Irp)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(Device);
    KeAcquireSpinLock(&g_Ctx.Lock, &Irql);
    g_Ctx.Completions++;
    KeReleaseSpinLock(&g_Ctx.Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_IO_QUEUE_CONFIG QueueConfig;
    WDFDEVICE Device;
    NTSTATUS Status;
    UNREFERENCED_PARAMETER(Driver);
    WdfDeviceInitSetIoInCallerContextCallback(DeviceInit, EvtInCallerContext);
    Status = WdfDeviceInitAssignWdmIrpPreprocessCallback(DeviceInit, EvtPreprocess,
                                                         IRP_MJ_DEVICE_CONTROL, NULL, 0);
    if (!NT_SUCCESS(Status))
        return Status;
    Status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &Device);
    if (!NT_SUCCESS(Status))
        return Status;
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&QueueConfig, WdfIoQueueDispatchSequential);
    QueueConfig.EvtIoRead = EvtRead;
    return WdfIoQueueCreate(Device, &QueueConfig, WDF_NO_OBJECT_ATTRIBUTES, NULL);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG Config;
    KeInitializeSpinLock(&g_Ctx.Lock);
    WDF_DRIVER_CONFIG_INIT(&Config, DeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &Config, NULL);
}

// CHECK: SpinLockDpc: Pass (0 defects, 7 entry routines)
