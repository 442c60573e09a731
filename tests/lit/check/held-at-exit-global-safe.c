// Safe twin of held-at-exit-global.c: the global lock is released on the
// last-handle path too.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

KSPIN_LOCK g_Lock;
ULONG g_Handles;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchClose;

NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);

    KeAcquireSpinLock(&g_Lock, &Irql);
    if (--g_Handles == 0) {
        KeReleaseSpinLock(&g_Lock, Irql);
        return STATUS_SUCCESS;
    }
    KeReleaseSpinLock(&g_Lock, Irql);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Lock);
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = DispatchClose;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects,
