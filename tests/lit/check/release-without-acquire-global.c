// Lock in a field of a global structure: the cleanup routine releases
// g_Ext.Lock on a path where it never took it. The diagnostic names the
// lock as `g_Ext.Lock`.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _GLOBAL_STATE {
    ULONG Flags;
    KSPIN_LOCK Lock;
    ULONG Handles;
} GLOBAL_STATE;

GLOBAL_STATE g_Ext;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCleanup;

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql = PASSIVE_LEVEL;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (g_Ext.Handles > 0) {
        KeAcquireSpinLock(&g_Ext.Lock, &Irql);
        g_Ext.Handles--;
    }
    KeReleaseSpinLock(&g_Ext.Lock, Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock 'g_Ext.Lock'.

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.Lock);
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
