// WdfObjectLock with queue-level synchronization, buggy: the driver sets
// SynchronizationScope = WdfSynchronizationScopeQueue in its queue's
// attributes, so the framework holds the queue's lock around every queue
// callback. Taking it again in a callback (directly, or in a helper the
// Queue is passed to) deadlocks; releasing it releases the framework's. The
// device's lock, a DPC that takes the queue's lock, and a callback that
// leaves the framework's lock alone are right. Safe twin:
// wdf-objectlock-queue-scope-safe.c (no queue-level synchronization).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    WdfObjectAcquireLock(Queue); // CHECK: wdf-objectlock-queue-scope.c:[[@LINE]]:5: error: [WdfObjectLock] The driver is calling WdfObjectAcquireLock on the lock of 'Queue', which the framework already holds around the EVT_WDF_IO_QUEUE_IO_READ callback 'EvtRead' (SynchronizationScope): a deadlock.
    g_Context.Reads++;
    WdfObjectReleaseLock(Queue);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID CountUnderLock(WDFQUEUE Q)
{
    WdfObjectAcquireLock(Q); // CHECK: wdf-objectlock-queue-scope.c:[[@LINE]]:5: error: [WdfObjectLock] The driver is calling WdfObjectAcquireLock on the lock of 'Queue', which the framework already holds around the EVT_WDF_IO_QUEUE_IO_WRITE callback 'EvtWrite' (SynchronizationScope): a deadlock.
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
    g_Context.Reads = Code;
    WdfObjectReleaseLock(Queue); // CHECK: wdf-objectlock-queue-scope.c:[[@LINE]]:5: error: [WdfObjectLock] The driver is calling WdfObjectReleaseLock on the lock of 'Queue', which the framework holds around the EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL callback 'EvtIoctl' (SynchronizationScope) and releases itself.
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

// Returns with the framework's lock as it found it: nothing to report.
VOID EvtStop(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags)
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(ActionFlags);
    WdfRequestComplete(Request, STATUS_CANCELLED);
}

// Not a queue callback: the framework holds no lock around it.
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
    QueueAttributes.SynchronizationScope = WdfSynchronizationScopeQueue;
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

// CHECK: WdfObjectLock: Defect (3 defects, 8 entry routines)
