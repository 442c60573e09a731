// Conditional locking correlated on a local flag: the DPC takes the lock on
// two of three branches and records it in `Locked`; the single release after
// the join is guarded by that flag. Every branch sets the flag exactly when
// it acquires, so no path has a defect.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KDPC Dpc;
    ULONG Completed;
    ULONG Pending;
    ULONG DpcCount;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE CompletionDpc;

VOID CompletionDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;
    BOOLEAN Locked = FALSE;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (SystemArgument1 != NULL) {
        KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
        Locked = TRUE;
        DevExt->Completed++;
    } else if (DevExt->Pending != 0) {
        KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
        Locked = TRUE;
        DevExt->Pending--;
    }
    DevExt->DpcCount++;
    if (Locked) {
        KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.Lock);
    KeInitializeDpc(&g_Ext.Dpc, CompletionDpc, &g_Ext);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
