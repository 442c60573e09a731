// Lock in a global variable, taken twice by the unload routine: the second
// acquire reports the lock by its global name.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

KSPIN_LOCK g_QueueLock;
LIST_ENTRY g_Queue;
ULONG g_Unloading;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD DriverUnload;

VOID DriverUnload(PDRIVER_OBJECT DriverObject)
{
    KIRQL Irql;
    KIRQL Irql2;

    UNREFERENCED_PARAMETER(DriverObject);
    KeAcquireSpinLock(&g_QueueLock, &Irql);
    g_Unloading = 1;
    if (!IsListEmpty(&g_Queue)) {
        KeAcquireSpinLock(&g_QueueLock, &Irql2); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock 'g_QueueLock'.
        InitializeListHead(&g_Queue);
    }
    KeReleaseSpinLock(&g_QueueLock, Irql);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_QueueLock);
    InitializeListHead(&g_Queue);
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
