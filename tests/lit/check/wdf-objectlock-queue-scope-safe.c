// WdfObjectLock with queue-level synchronization, safe twin of
// wdf-objectlock-queue-scope.c: the queue asks for no synchronization
// (WdfSynchronizationScopeNone), so the framework holds no lock around its
// callbacks and the driver takes and releases the queue's lock itself. The
// callback that released a lock it never took (EvtIoctl) takes it first.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdf.h>

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;
    WDFQUEUE Queue;
    WDFDPC Dpc;
    ULONG Reads;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

DEVICE_CONTEXT g_Context;

EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ EvtRead;
EVT_WDF_IO_QUEUE_IO_WRITE EvtWrite;
EVT_WDF_IO_QUEUE_IO_DEFAULT EvtDefault;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoctl;
EVT_WDF_IO_QUEUE_IO_STOP EvtStop;
EVT_WDF_DPC EvtDpc;

VOID EvtRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    UNREFERENCED_PARAMETER(Length);
    WdfObjectAcquireLock(Queue);
    g_Context.Reads++;
    WdfObjectReleaseLock(Queue);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID CountUnderLock(WDFQUEUE Q)
{
    WdfObjectAcquireLock(Q);
    g_Context.Reads++;
    WdfObjectReleaseLock(Q);
}

VOID EvtWrite(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    UNREFERENCED_PARAMETER(Length);
    CountUnderLock(Queue);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

VOID EvtIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength, ULONG Code)
{
    UNREFERENCED_PARAMETER(OutLength);
    UNREFERENCED_PARAMETER(InLength);
    WdfObjectAcquireLock(Queue);
    g_Context.Reads = Code;
    WdfObjectReleaseLock(Queue);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Another object's lock: the device's, taken and released.
VOID EvtDefault(WDFQUEUE Queue, WDFREQUEST Request)
{
    UNREFERENCED_PARAMETER(Queue);
    WdfObjectAcquireLock(g_Context.Device);
    g_Context.Reads = 0;
    WdfObjectReleaseLock(g_Context.Device);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Leaves the queue's lock alone.
VOID EvtStop(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags)
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(ActionFlags);
    WdfRequestComplete(Request, STATUS_CANCELLED);
}

// Not a queue callback.
VOID EvtDpc(WDFDPC Dpc)
{
    UNREFERENCED_PARAMETER(Dpc);
    WdfObjectAcquireLock(g_Context.Queue);
    g_Context.Reads = 0;
    WdfObjectReleaseLock(g_Context.Queue);
}

NTSTATUS DeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_IO_QUEUE_CONFIG QueueConfig;
    WDF_OBJECT_ATTRIBUTES QueueAttributes;
    WDF_DPC_CONFIG DpcConfig;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(Driver);
    Status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &g_Context.Device);
    if (!NT_SUCCESS(Status))
        return Status;
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&QueueConfig, WdfIoQueueDispatchParallel);
    QueueConfig.EvtIoRead = EvtRead;
    QueueConfig.EvtIoWrite = EvtWrite;
    QueueConfig.EvtIoDefault = EvtDefault;
    QueueConfig.EvtIoDeviceControl = EvtIoctl;
    QueueConfig.EvtIoStop = EvtStop;
    WDF_OBJECT_ATTRIBUTES_INIT(&QueueAttributes);
    QueueAttributes.SynchronizationScope = WdfSynchronizationScopeNone;
    Status = WdfIoQueueCreate(g_Context.Device, &QueueConfig, &QueueAttributes, &g_Context.Queue);
    if (!NT_SUCCESS(Status))
        return Status;
    WDF_DPC_CONFIG_INIT(&DpcConfig, EvtDpc);
    return WdfDpcCreate(&DpcConfig, WDF_NO_OBJECT_ATTRIBUTES, &g_Context.Dpc);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG Config;

    WDF_DRIVER_CONFIG_INIT(&Config, DeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &Config,
                           WDF_NO_HANDLE);
}

// CHECK: WdfObjectLock: Pass (0 defects, 8 entry routines)
