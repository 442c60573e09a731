// The unload routine walks the driver's device list and frees each device's
// data; the helper releases the device's lock even when it never took it
// (the device was not initialised). The first device of the walk comes from
// the driver object, whose devices start with their locks released.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    BOOLEAN Initialized;
    BOOLEAN Stopping;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Unload;

static VOID FreeDeviceData(PDEVICE_OBJECT DeviceObject)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql = PASSIVE_LEVEL;

    if (DevExt->Initialized)
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Stopping = TRUE;
    KeReleaseSpinLock(&DevExt->Lock, Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
}

VOID Unload(PDRIVER_OBJECT DriverObject)
{
    PDEVICE_OBJECT DeviceObject = DriverObject->DeviceObject;
    PDEVICE_OBJECT Next;

    while (DeviceObject != NULL) {
        Next = DeviceObject->NextDevice;
        FreeDeviceData(DeviceObject);
        IoDeleteDevice(DeviceObject);
        DeviceObject = Next;
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverUnload = Unload;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
