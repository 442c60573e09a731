// WdfSpinlock, buggy: one mistake per callback, in each shape (directly,
// through a helper and through two, in a loop, on an early return, a
// release without acquire, and in a DPC only its WDF_DPC_CONFIG registers).
// The object is the WDFSPINLOCK handle, kept in the device context (a global
// here, which names it); the
// methods are inline wrappers that call through KMDF's function table
// (WdfFunctions[WdfSpinLockAcquireTableIndex]). Two locks nested are fine.
// Safe twin: wdf-spinlock-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdf.h>

typedef struct _DEVICE_CONTEXT {
    WDFSPINLOCK QueueLock;
    WDFSPINLOCK StatsLock;
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

// Direct.
VOID EvtRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    PDEVICE_CONTEXT Ctx = &g_Context;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Length);
    WdfSpinLockAcquire(Ctx->QueueLock);
    Ctx->Reads++;
    WdfRequestComplete(Request, STATUS_SUCCESS);
} // CHECK: wdf-spinlock.c:[[@LINE]]:1: error: [WdfSpinlock] The EVT_WDF_IO_QUEUE_IO_READ callback 'EvtRead' has returned without releasing the framework spinlock 'g_Context.QueueLock'.

static VOID LockQueue(PDEVICE_CONTEXT Ctx)
{
    WdfSpinLockAcquire(Ctx->QueueLock);
}

static VOID UnlockQueue(PDEVICE_CONTEXT Ctx)
{
    WdfSpinLockRelease(Ctx->QueueLock);
}

// Through a helper.
VOID EvtWrite(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Length);
    LockQueue(&g_Context);
    WdfRequestComplete(Request, STATUS_SUCCESS);
} // CHECK: wdf-spinlock.c:[[@LINE]]:1: error: [WdfSpinlock] The EVT_WDF_IO_QUEUE_IO_WRITE callback 'EvtWrite' has returned without releasing the framework spinlock 'g_Context.QueueLock'.

static VOID LockAndCount(PDEVICE_CONTEXT Ctx)
{
    LockQueue(Ctx);
    Ctx->Reads++;
}

// Through two helper levels.
VOID EvtDefault(WDFQUEUE Queue, WDFREQUEST Request)
{
    UNREFERENCED_PARAMETER(Queue);
    LockAndCount(&g_Context);
    WdfRequestComplete(Request, STATUS_SUCCESS);
} // CHECK: wdf-spinlock.c:[[@LINE]]:1: error: [WdfSpinlock] The EVT_WDF_IO_QUEUE_IO_DEFAULT callback 'EvtDefault' has returned without releasing the framework spinlock 'g_Context.QueueLock'.

// In a loop: `continue` skips the release.
VOID EvtStop(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags)
{
    PDEVICE_CONTEXT Ctx = &g_Context;
    PLIST_ENTRY Entry;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Request);
    UNREFERENCED_PARAMETER(ActionFlags);
    while (!IsListEmpty(&Ctx->Pending)) {
        WdfSpinLockAcquire(Ctx->StatsLock); // CHECK: wdf-spinlock.c:[[@LINE]]:9: error: [WdfSpinlock] The driver is calling WdfSpinLockAcquire after already acquiring the framework spinlock 'g_Context.StatsLock'.
        Entry = RemoveHeadList(&Ctx->Pending);
        if (Entry == &Ctx->Pending) {
            continue;
        }
        Ctx->Reads--;
        WdfSpinLockRelease(Ctx->StatsLock);
    }
} // CHECK: wdf-spinlock.c:[[@LINE]]:1: error: [WdfSpinlock] The EVT_WDF_IO_QUEUE_IO_STOP callback 'EvtStop' has returned without releasing the framework spinlock 'g_Context.StatsLock'.

// An early return.
VOID EvtIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength, ULONG Code)
{
    PDEVICE_CONTEXT Ctx = &g_Context;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutLength);
    WdfSpinLockAcquire(Ctx->QueueLock);
    if (InLength < sizeof(ULONG)) {
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return; // CHECK: wdf-spinlock.c:[[@LINE]]:9: error: [WdfSpinlock] The EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL callback 'EvtIoctl' has returned without releasing the framework spinlock 'g_Context.QueueLock'.
    }
    Ctx->Reads = Code;
    UnlockQueue(Ctx);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// A release without acquire.
VOID EvtInternalIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength,
                      ULONG Code)
{
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutLength);
    UNREFERENCED_PARAMETER(InLength);
    g_Context.Reads = Code;
    WdfSpinLockRelease(g_Context.StatsLock); // CHECK: wdf-spinlock.c:[[@LINE]]:5: error: [WdfSpinlock] The driver is calling WdfSpinLockRelease without first acquiring the framework spinlock 'g_Context.StatsLock'.
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Registered only by its WDF_DPC_CONFIG: nested locks, in order, are fine,
// but the early return keeps the queue lock.
VOID EvtDpc(WDFDPC Dpc)
{
    PDEVICE_CONTEXT Ctx = &g_Context;

    UNREFERENCED_PARAMETER(Dpc);
    WdfSpinLockAcquire(Ctx->QueueLock);
    WdfSpinLockAcquire(Ctx->StatsLock);
    Ctx->Reads = 0;
    WdfSpinLockRelease(Ctx->StatsLock);
    if (IsListEmpty(&Ctx->Pending)) {
        return; // CHECK: wdf-spinlock.c:[[@LINE]]:9: error: [WdfSpinlock] The EVT_WDF_DPC callback 'EvtDpc' has returned without releasing the framework spinlock 'g_Context.QueueLock'.
    }
    WdfSpinLockRelease(Ctx->QueueLock);
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
    Status = WdfSpinLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &g_Context.QueueLock);
    if (!NT_SUCCESS(Status))
        return Status;
    Status = WdfSpinLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &g_Context.StatsLock);
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

// CHECK: WdfSpinlock: Defect (8 defects, 9 entry routines)
