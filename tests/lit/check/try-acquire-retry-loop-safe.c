// Try-acquire in retry loops. SpinDpc retries until the attempt succeeds,
// so the lock is held after the loop on every path. BoundedDpc gives up
// after MAX_TRIES failed attempts and records success in `Acquired`; it
// works and releases only when the flag is set.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define MAX_TRIES 16

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KDPC SpinDpc;
    KDPC BoundedDpc;
    ULONG Spins;
    ULONG Work;
    ULONG GaveUp;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE SpinDpc;
KDEFERRED_ROUTINE BoundedDpc;

VOID SpinDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    while (!KeTryToAcquireSpinLockAtDpcLevel(&DevExt->Lock)) {
        DevExt->Spins++;
    }
    DevExt->Work++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

VOID BoundedDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;
    BOOLEAN Acquired = FALSE;
    ULONG Tries;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    for (Tries = 0; Tries < MAX_TRIES; Tries++) {
        if (KeTryToAcquireSpinLockAtDpcLevel(&DevExt->Lock)) {
            Acquired = TRUE;
            break;
        }
    }
    if (!Acquired) {
        DevExt->GaveUp++;
        return;
    }
    DevExt->Work++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.Lock);
    KeInitializeDpc(&g_Ext.SpinDpc, SpinDpc, &g_Ext);
    KeInitializeDpc(&g_Ext.BoundedDpc, BoundedDpc, &g_Ext);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 3 entry routines)
