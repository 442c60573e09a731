// As device-loop-unload.c, but the helper releases the lock only when it
// took it.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: %sdv check %t2.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KIRQL Irql;

    if (!DevExt->Initialized)
        return;
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Stopping = TRUE;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
