// Roles, buggy twin of roles-compared-address-safe.c: AddDevice installs
// LegacyCompletionDpc for legacy hardware (KeInitializeDpc), which makes it
// a root; its early return with the lock held is reported.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KDPC Dpc;
    PDEVICE_OBJECT LowerDevice;
    BOOLEAN LegacyHardware;
    ULONG Completed;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE AddDevice;
DRIVER_DISPATCH DispatchDeviceControl;
KDEFERRED_ROUTINE CompletionDpc;
KDEFERRED_ROUTINE LegacyCompletionDpc;

VOID CompletionDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
    DevExt->Completed++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

VOID LegacyCompletionDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
                         PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
    if (DevExt->Completed == 0) {
        return; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'LegacyCompletionDpc' has returned without releasing the spinlock
    }
    DevExt->Completed--;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    NTSTATUS Status = STATUS_SUCCESS;

    if (DevExt->Dpc.DeferredRoutine == LegacyCompletionDpc) {
        Status = STATUS_NOT_SUPPORTED;
    }
    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

NTSTATUS AddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject)
{
    PDEVICE_OBJECT DeviceObject;
    PDEVICE_EXTENSION DevExt;
    NTSTATUS Status;

    Status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &DeviceObject);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    DevExt = DeviceObject->DeviceExtension;
    KeInitializeSpinLock(&DevExt->Lock);
    if (DevExt->LegacyHardware) {
        KeInitializeDpc(&DevExt->Dpc, LegacyCompletionDpc, DevExt); // BUG: registers the leaking DPC
    } else {
        KeInitializeDpc(&DevExt->Dpc, CompletionDpc, DevExt);
    }
    DevExt->LowerDevice = IoAttachDeviceToDeviceStack(DeviceObject, PhysicalDeviceObject);
    DeviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverExtension->AddDevice = AddDevice;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 5 entry routines)
