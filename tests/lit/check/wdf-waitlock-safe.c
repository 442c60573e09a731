// Safe twin of wdf-waitlock.c: every framework wait lock acquired is
// released before the callback returns, in each shape: directly, through
// one and two helper levels, in a loop, on an early return, nested with
// another wait lock, and with a timeout, where only STATUS_SUCCESS means
// the lock is held (STATUS_TIMEOUT is a success code too). Without a
// timeout the wait ends with the lock: a test of its status that returns
// early is never taken. The early exit here goes through a flag that says
// whether the lock is held (`if (LockHeld == TRUE)`).
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdf.h>

typedef struct _DEVICE_CONTEXT {
    WDFWAITLOCK ConfigLock;
    WDFWAITLOCK StatsLock;
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
    PDEVICE_CONTEXT Ctx = &g_Context;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Length);
    Status = WdfWaitLockAcquire(Ctx->ConfigLock, NULL);
    if (!NT_SUCCESS(Status)) {
        WdfRequestComplete(Request, Status);
        return;
    }
    Ctx->Reads++;
    WdfWaitLockRelease(Ctx->ConfigLock);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID LockConfig(PDEVICE_CONTEXT Ctx)
{
    WdfWaitLockAcquire(Ctx->ConfigLock, NULL);
}

static VOID UnlockConfig(PDEVICE_CONTEXT Ctx)
{
    WdfWaitLockRelease(Ctx->ConfigLock);
}

VOID EvtWrite(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Length);
    LockConfig(&g_Context);
    UnlockConfig(&g_Context);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID LockAndCount(PDEVICE_CONTEXT Ctx)
{
    LockConfig(Ctx);
    Ctx->Reads++;
}

static VOID UnlockAndCount(PDEVICE_CONTEXT Ctx)
{
    Ctx->Reads--;
    UnlockConfig(Ctx);
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

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(ActionFlags);
    while (!IsListEmpty(&Ctx->Pending)) {
        WdfWaitLockAcquire(Ctx->StatsLock, NULL);
        Entry = RemoveHeadList(&Ctx->Pending);
        if (Entry == &Ctx->Pending) {
            WdfWaitLockRelease(Ctx->StatsLock);
            continue;
        }
        Ctx->Reads--;
        WdfWaitLockRelease(Ctx->StatsLock);
    }
}

VOID EvtIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength, ULONG Code)
{
    PDEVICE_CONTEXT Ctx = &g_Context;
    NTSTATUS Status = STATUS_SUCCESS;
    BOOLEAN LockHeld = FALSE;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutLength);
    if (Code != 0) {
        WdfWaitLockAcquire(Ctx->ConfigLock, NULL);
        LockHeld = TRUE;
        if (InLength < sizeof(ULONG)) {
            Status = STATUS_INVALID_PARAMETER;
            goto End;
        }
        Ctx->Reads = Code;
    }
End:
    if (LockHeld == TRUE)
        UnlockConfig(Ctx);
    WdfRequestComplete(Request, Status);
}

// Nested wait locks, the inner one with a timeout.
VOID EvtInternalIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength,
                      ULONG Code)
{
    LONGLONG Timeout = -10000000; // one second, relative
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutLength);
    UNREFERENCED_PARAMETER(InLength);
    WdfWaitLockAcquire(g_Context.ConfigLock, NULL);
    Status = WdfWaitLockAcquire(g_Context.StatsLock, &Timeout);
    if (Status == STATUS_SUCCESS) {
        g_Context.Reads = Code;
        WdfWaitLockRelease(g_Context.StatsLock);
    }
    WdfWaitLockRelease(g_Context.ConfigLock);
    WdfRequestComplete(Request, Status == STATUS_TIMEOUT ? STATUS_DEVICE_BUSY : STATUS_SUCCESS);
}

// Registered only by its WDF_DPC_CONFIG: at DISPATCH_LEVEL a wait lock may
// only be tried, with a zero timeout.
VOID EvtDpc(WDFDPC Dpc)
{
    LONGLONG NoWait = 0;

    UNREFERENCED_PARAMETER(Dpc);
    if (WdfWaitLockAcquire(g_Context.StatsLock, &NoWait) != STATUS_SUCCESS)
        return;
    g_Context.Reads = 0;
    WdfWaitLockRelease(g_Context.StatsLock);
}

NTSTATUS DeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_IO_QUEUE_CONFIG QueueConfig;
    WDF_DPC_CONFIG DpcConfig;
    WDFDEVICE Device;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(Driver);
    Status = WdfDeviceCreate(&DeviceInit, WDF_NO_OBJECT_ATTRIBUTES, &Device);
    if (!NT_SUCCESS(Status))
        return Status;
    Status = WdfWaitLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &g_Context.ConfigLock);
    if (!NT_SUCCESS(Status))
        return Status;
    Status = WdfWaitLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &g_Context.StatsLock);
    if (!NT_SUCCESS(Status))
        return Status;
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&QueueConfig, WdfIoQueueDispatchParallel);
    QueueConfig.EvtIoRead = EvtRead;
    QueueConfig.EvtIoWrite = EvtWrite;
    QueueConfig.EvtIoDefault = EvtDefault;
    QueueConfig.EvtIoDeviceControl = EvtIoctl;
    QueueConfig.EvtIoInternalDeviceControl = EvtInternalIoctl;
    QueueConfig.EvtIoStop = EvtStop;
    Status = WdfIoQueueCreate(Device, &QueueConfig, WDF_NO_OBJECT_ATTRIBUTES, NULL);
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

// CHECK: WdfWaitlock: Pass (0 defects, 9 entry routines)
