// Safe twin of wdf-objectlock.c: every framework object lock acquired (a
// queue's, through the callback's Queue parameter; the device's, kept in
// the context) is released before the callback returns, in each shape:
// directly, through one and two helper levels, in a loop, on an early
// return, the device's and a queue's nested, and in a DPC only its
// WDF_DPC_CONFIG registers.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    WdfObjectReleaseLock(Queue);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

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
    UnlockDevice(&g_Context);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID LockAndCount(PDEVICE_CONTEXT Ctx)
{
    LockDevice(Ctx);
    Ctx->Reads++;
}

static VOID UnlockAndCount(PDEVICE_CONTEXT Ctx)
{
    Ctx->Reads--;
    UnlockDevice(Ctx);
}

VOID EvtDefault(WDFQUEUE Queue, WDFREQUEST Request)
{
    UNREFERENCED_PARAMETER(Queue);
    LockAndCount(&g_Context);
    UnlockAndCount(&g_Context);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

VOID EvtStop(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags)
{
    PDEVICE_CONTEXT Ctx = &g_Context;
    PLIST_ENTRY Entry;

    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(ActionFlags);
    while (!IsListEmpty(&Ctx->Pending)) {
        WdfObjectAcquireLock(Queue);
        Entry = RemoveHeadList(&Ctx->Pending);
        if (Entry == &Ctx->Pending) {
            WdfObjectReleaseLock(Queue);
            continue;
        }
        Ctx->Reads--;
        WdfObjectReleaseLock(Queue);
    }
}

VOID EvtIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength, ULONG Code)
{
    PDEVICE_CONTEXT Ctx = &g_Context;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutLength);
    WdfObjectAcquireLock(Ctx->Device);
    if (InLength < sizeof(ULONG)) {
        UnlockDevice(Ctx);
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }
    Ctx->Reads = Code;
    UnlockDevice(Ctx);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// The device's lock, then the queue's.
VOID EvtInternalIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength,
                      ULONG Code)
{
    UNREFERENCED_PARAMETER(OutLength);
    UNREFERENCED_PARAMETER(InLength);
    WdfObjectAcquireLock(g_Context.Device);
    WdfObjectAcquireLock(Queue);
    g_Context.Reads = Code;
    WdfObjectReleaseLock(Queue);
    WdfObjectReleaseLock(g_Context.Device);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Registered only by its WDF_DPC_CONFIG.
VOID EvtDpc(WDFDPC Dpc)
{
    UNREFERENCED_PARAMETER(Dpc);
    WdfObjectAcquireLock(g_Context.Device);
    if (IsListEmpty(&g_Context.Pending)) {
        WdfObjectReleaseLock(g_Context.Device);
        return;
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

// CHECK: WdfObjectLock: Pass (0 defects, 9 entry routines)
