// Buggy twin of indirect-handler-array-safe.c: the device control routine
// calls g_Handlers[OP_FLUSH] while holding the device lock; the flush
// handler stored at that index takes the lock again.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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

    KeAcquireSpinLock(&DevExt->Lock, &Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
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
    g_Handlers[OP_FLUSH](DevExt); // BUG: the flush handler takes the lock itself
    KeReleaseSpinLock(&DevExt->Lock, Irql);

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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
