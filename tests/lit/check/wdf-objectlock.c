// WdfObjectLock, buggy: one mistake per callback, in each shape (directly,
// through a helper and through two, in a loop, on an early return, a
// release without acquire, and in a DPC only its WDF_DPC_CONFIG registers).
// The objects are the handles: the callback's Queue parameter, and the
// device kept in the context (a global here, which names it); the methods
// are inline wrappers that call through KMDF's function table. Safe twin:
// wdf-objectlock-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdf.h>

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;
    LIST_ENTRY Pending;
    ULONG Reads;
    WDFDPC Dpc;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

DEVICE_CONTEXT g_Context;

EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ EvtRead;
EVT_WDF_IO_QUEUE_IO_WRITE EvtWrite;
EVT_WDF_IO_QUEUE_IO_DEFAULT EvtDefault;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoctl, EvtInternalIoctl;
EVT_WDF_IO_QUEUE_IO_STOP EvtStop;
EVT_WDF_DPC EvtDpc;

VOID EvtRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    UNREFERENCED_PARAMETER(Length);
    WdfObjectAcquireLock(Queue);
    g_Context.Reads++;
    WdfRequestComplete(Request, STATUS_SUCCESS);
} // CHECK: wdf-objectlock.c:[[@LINE]]:1: error: [WdfObjectLock] The EVT_WDF_IO_QUEUE_IO_READ callback 'EvtRead' has returned without releasing the lock of 'Queue'.

static VOID LockDevice(PDEVICE_CONTEXT Ctx)
{
    WdfObjectAcquireLock(Ctx->Device);
}

static VOID UnlockDevice(PDEVICE_CONTEXT Ctx)
{
    WdfObjectReleaseLock(Ctx->Device);
}

VOID EvtWrite(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Length);
    LockDevice(&g_Context);
    WdfRequestComplete(Request, STATUS_SUCCESS);
} // CHECK: wdf-objectlock.c:[[@LINE]]:1: error: [WdfObjectLock] The EVT_WDF_IO_QUEUE_IO_WRITE callback 'EvtWrite' has returned without releasing the lock of 'g_Context.Device'.

static VOID LockAndCount(PDEVICE_CONTEXT Ctx)
{
    LockDevice(Ctx);
    Ctx->Reads++;
}

VOID EvtDefault(WDFQUEUE Queue, WDFREQUEST Request)
{
    UNREFERENCED_PARAMETER(Queue);
    LockAndCount(&g_Context);
    WdfRequestComplete(Request, STATUS_SUCCESS);
} // CHECK: wdf-objectlock.c:[[@LINE]]:1: error: [WdfObjectLock] The EVT_WDF_IO_QUEUE_IO_DEFAULT callback 'EvtDefault' has returned without releasing the lock of 'g_Context.Device'.

VOID EvtStop(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags)
{
    PDEVICE_CONTEXT Ctx = &g_Context;
    PLIST_ENTRY Entry;

    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(ActionFlags);
    while (!IsListEmpty(&Ctx->Pending)) {
        WdfObjectAcquireLock(Queue); // CHECK: wdf-objectlock.c:[[@LINE]]:9: error: [WdfObjectLock] The driver is calling WdfObjectAcquireLock after already acquiring the lock of 'Queue'.
        Entry = RemoveHeadList(&Ctx->Pending);
        if (Entry == &Ctx->Pending) {
            continue;
        }
        Ctx->Reads--;
        WdfObjectReleaseLock(Queue);
    }
} // CHECK: wdf-objectlock.c:[[@LINE]]:1: error: [WdfObjectLock] The EVT_WDF_IO_QUEUE_IO_STOP callback 'EvtStop' has returned without releasing the lock of 'Queue'.

VOID EvtIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength, ULONG Code)
{
    PDEVICE_CONTEXT Ctx = &g_Context;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutLength);
    WdfObjectAcquireLock(Ctx->Device);
    if (InLength < sizeof(ULONG)) {
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return; // CHECK: wdf-objectlock.c:[[@LINE]]:9: error: [WdfObjectLock] The EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL callback 'EvtIoctl' has returned without releasing the lock of 'g_Context.Device'.
    }
    Ctx->Reads = Code;
    UnlockDevice(Ctx);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// A release without acquire: the queue's lock was never taken.
VOID EvtInternalIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength,
                      ULONG Code)
{
    UNREFERENCED_PARAMETER(OutLength);
    UNREFERENCED_PARAMETER(InLength);
    WdfObjectAcquireLock(g_Context.Device);
    g_Context.Reads = Code;
    WdfObjectReleaseLock(Queue); // CHECK: wdf-objectlock.c:[[@LINE]]:5: error: [WdfObjectLock] The driver is calling WdfObjectReleaseLock without first acquiring the lock of 'Queue'.
    WdfObjectReleaseLock(g_Context.Device);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Registered only by its WDF_DPC_CONFIG: the early return keeps the lock.
VOID EvtDpc(WDFDPC Dpc)
{
    UNREFERENCED_PARAMETER(Dpc);
    WdfObjectAcquireLock(g_Context.Device);
    if (IsListEmpty(&g_Context.Pending)) {
        return; // CHECK: wdf-objectlock.c:[[@LINE]]:9: error: [WdfObjectLock] The EVT_WDF_DPC callback 'EvtDpc' has returned without releasing the lock of 'g_Context.Device'.
    }
    g_Context.Reads = 0;
    WdfObjectReleaseLock(g_Context.Device);
}

NTSTATUS DeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_IO_QUEUE_CONFIG QueueConfig;
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
    QueueConfig.EvtIoInternalDeviceControl = EvtInternalIoctl;
    QueueConfig.EvtIoStop = EvtStop;
    Status = WdfIoQueueCreate(g_Context.Device, &QueueConfig, WDF_NO_OBJECT_ATTRIBUTES, NULL);
    if (!NT_SUCCESS(Status))
        return Status;
    WDF_DPC_CONFIG_INIT(&DpcConfig, EvtDpc);
    return WdfDpcCreate(&DpcConfig, WDF_NO_OBJECT_ATTRIBUTES, &g_Context.Dpc);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG Config;

    InitializeListHead(&g_Context.Pending);
    WDF_DRIVER_CONFIG_INIT(&Config, DeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &Config,
                           WDF_NO_HANDLE);
}

// CHECK: WdfObjectLock: Defect (8 defects, 9 entry routines)
