// Safe twin of double-acquire-global.c: two different global locks nested,
// each taken once.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

KSPIN_LOCK g_QueueLock;
KSPIN_LOCK g_ListLock;
LIST_ENTRY g_Queue;
ULONG g_Unloading;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD DriverUnload;

VOID DriverUnload(PDRIVER_OBJECT DriverObject)
{
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DriverObject);
    KeAcquireSpinLock(&g_QueueLock, &Irql);
    g_Unloading = 1;
    if (!IsListEmpty(&g_Queue)) {
        KeAcquireSpinLockAtDpcLevel(&g_ListLock);
        InitializeListHead(&g_Queue);
        KeReleaseSpinLockFromDpcLevel(&g_ListLock);
    }
    KeReleaseSpinLock(&g_QueueLock, Irql);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_QueueLock);
    KeInitializeSpinLock(&g_ListLock);
    InitializeListHead(&g_Queue);
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
