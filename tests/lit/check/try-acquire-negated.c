// Buggy twin of try-acquire-negated-safe.c: the FALSE path of the
// try-acquire (lock not taken) releases the lock before returning, as if the
// attempt had taken it.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Ticks;
    ULONG SkippedTicks;
    ULONG IdleTicks;
    ULONG Outstanding;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE AddDevice;
IO_TIMER_ROUTINE PollTimer;

VOID PollTimer(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = Context;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (!KeTryToAcquireSpinLockAtDpcLevel(&DevExt->Lock)) {
        DevExt->SkippedTicks++;
        // BUG: the failed attempt did not take the lock
        KeReleaseSpinLockFromDpcLevel(&DevExt->Lock); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
        return;
    }
    DevExt->Ticks++;
    if (DevExt->Outstanding == 0) {
        DevExt->IdleTicks++;
    }
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

NTSTATUS AddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject)
{
    PDEVICE_OBJECT DeviceObject;
    PDEVICE_EXTENSION DevExt;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(PhysicalDeviceObject);
    Status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &DeviceObject);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    DevExt = DeviceObject->DeviceExtension;
    KeInitializeSpinLock(&DevExt->Lock);
    Status = IoInitializeTimer(DeviceObject, PollTimer, DevExt);
    if (!NT_SUCCESS(Status)) {
        IoDeleteDevice(DeviceObject);
        return Status;
    }
    IoStartTimer(DeviceObject);
    DeviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverExtension->AddDevice = AddDevice;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
