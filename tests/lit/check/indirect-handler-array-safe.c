// Calls through an array of handlers indexed by constants. DriverEntry
// fills g_Handlers: the read and write handlers expect the caller to hold
// the device lock, the flush handler takes it itself. The device control
// routine calls g_Handlers[OP_WRITE] under the lock and
// g_Handlers[OP_FLUSH] after releasing it: each call reaches the element
// stored at its index.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define OP_READ  0
#define OP_WRITE 1
#define OP_FLUSH 2
#define OP_COUNT 3

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Reads;
    ULONG Writes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef VOID (*PREQUEST_HANDLER)(PDEVICE_EXTENSION DevExt);

PREQUEST_HANDLER g_Handlers[OP_COUNT];

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;

static VOID HandleRead(PDEVICE_EXTENSION DevExt)
{
    DevExt->Reads++;
}

static VOID HandleWrite(PDEVICE_EXTENSION DevExt)
{
    DevExt->Writes++;
}

static VOID HandleFlush(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Reads = 0;
    DevExt->Writes = 0;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    g_Handlers[OP_WRITE](DevExt);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    g_Handlers[OP_FLUSH](DevExt);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    g_Handlers[OP_READ] = HandleRead;
    g_Handlers[OP_WRITE] = HandleWrite;
    g_Handlers[OP_FLUSH] = HandleFlush;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
