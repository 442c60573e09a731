// Buggy twin of try-acquire-retry-loop-safe.c: BoundedDpc's retry loop
// `break`s on success but also ends after MAX_TRIES failures, and the code
// after it works and releases as if the lock were held. After the last
// failed attempt the release is a release without acquire. SpinDpc is
// unchanged and correct.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define MAX_TRIES 16

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KDPC SpinDpc;
    KDPC BoundedDpc;
    ULONG Spins;
    ULONG Work;
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
    ULONG Tries;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    for (Tries = 0; Tries < MAX_TRIES; Tries++) {
        if (KeTryToAcquireSpinLockAtDpcLevel(&DevExt->Lock)) {
            break;
        }
    }
    // BUG: the loop also ends after MAX_TRIES failed attempts
    DevExt->Work++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
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

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
