// A KMDF driver stores its callbacks in the framework's configuration
// structures: EvtDriverDeviceAdd through WDF_DRIVER_CONFIG_INIT, the read
// and device-control callbacks into WDF_IO_QUEUE_CONFIG, a DPC into
// WDF_DPC_CONFIG. The framework calls each as an entry routine. The
// device-control callback releases a lock it never took on its error path.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <wdf.h>

KSPIN_LOCK g_Lock;
ULONG g_Reads;
WDFDPC g_Dpc;

EVT_WDF_DRIVER_DEVICE_ADD DeviceAdd;
EVT_WDF_IO_QUEUE_IO_READ EvtRead;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoctl;
EVT_WDF_DPC EvtDpc;

// ROLES-DAG: EvtRead EVT_WDF_IO_QUEUE_IO_READ stored into WDF_IO_QUEUE_CONFIG.EvtIoRead
VOID EvtRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length)
{
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(Length);
    KeAcquireSpinLock(&g_Lock, &Irql);
    g_Reads++;
    KeReleaseSpinLock(&g_Lock, Irql);
    WdfDpcEnqueue(g_Dpc);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// ROLES-DAG: EvtIoctl EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL stored into WDF_IO_QUEUE_CONFIG.EvtIoDeviceControl
VOID EvtIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T OutLength, SIZE_T InLength, ULONG Code)
{
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutLength);
    if (InLength < sizeof(ULONG)) {
        KeReleaseSpinLock(&g_Lock, PASSIVE_LEVEL); // CHECK: kmdf-queue-callbacks.c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock 'g_Lock'.
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }
    KeAcquireSpinLock(&g_Lock, &Irql);
    g_Reads = Code;
    KeReleaseSpinLock(&g_Lock, Irql);
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

// ROLES-DAG: EvtDpc EVT_WDF_DPC stored into WDF_DPC_CONFIG.EvtDpcFunc
VOID EvtDpc(WDFDPC Dpc)
{
    UNREFERENCED_PARAMETER(Dpc);
    KeAcquireSpinLockAtDpcLevel(&g_Lock);
    g_Reads = 0;
    KeReleaseSpinLockFromDpcLevel(&g_Lock);
}

// ROLES-DAG: DeviceAdd EVT_WDF_DRIVER_DEVICE_ADD stored into WDF_DRIVER_CONFIG.EvtDriverDeviceAdd
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
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&QueueConfig, WdfIoQueueDispatchSequential);
    QueueConfig.EvtIoRead = EvtRead;
    QueueConfig.EvtIoDeviceControl = EvtIoctl;
    Status = WdfIoQueueCreate(Device, &QueueConfig, WDF_NO_OBJECT_ATTRIBUTES, NULL);
    if (!NT_SUCCESS(Status))
        return Status;
    WDF_DPC_CONFIG_INIT(&DpcConfig, EvtDpc);
    return WdfDpcCreate(&DpcConfig, WDF_NO_OBJECT_ATTRIBUTES, &g_Dpc);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG Config;

    KeInitializeSpinLock(&g_Lock);
    WDF_DRIVER_CONFIG_INIT(&Config, DeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &Config,
                           WDF_NO_HANDLE);
}

// CHECK: SpinLockDpc: Defect (1 defect, 5 entry routines)

// At -O2 the two releases are merged into one call without a line; the
// report falls back to the last located instruction on the failing path,
// the `if` that leads there (line 44).
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: not %sdv check %t2.bc | FileCheck %s --check-prefix=O2 --implicit-check-not=error: --implicit-check-not=warning:
// O2: kmdf-queue-callbacks.c:44:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock 'g_Lock'.
// O2: SpinLockDpc: Defect (1 defect, 5 entry routines)
