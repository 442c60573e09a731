// Buggy twin of indirect-release-op-safe.c: the empty check was moved
// before the acquire but kept its release, so on that path the DPC calls
// `DevExt->LockOps->Release` without holding the lock. The release without
// acquire is in ReleaseFromDpc, the table's Release routine.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

struct _DEVICE_EXTENSION;

typedef struct _LOCK_OPS {
    VOID (*Acquire)(struct _DEVICE_EXTENSION *DevExt);
    VOID (*Release)(struct _DEVICE_EXTENSION *DevExt);
} LOCK_OPS, *PLOCK_OPS;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    const LOCK_OPS *LockOps;
    KDPC Dpc;
    ULONG Pending;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE CompletionDpc;

static VOID AcquireAtDpc(PDEVICE_EXTENSION DevExt)
{
    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
}

static VOID ReleaseFromDpc(PDEVICE_EXTENSION DevExt)
{
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
}

static const LOCK_OPS DpcLockOps = { AcquireAtDpc, ReleaseFromDpc };

VOID CompletionDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (DevExt->Pending == 0) {
        DevExt->LockOps->Release(DevExt); // BUG: the lock is not taken yet
        return;
    }
    DevExt->LockOps->Acquire(DevExt);
    DevExt->Pending--;
    DevExt->LockOps->Release(DevExt);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.Lock);
    g_Ext.LockOps = &DpcLockOps;
    KeInitializeDpc(&g_Ext.Dpc, CompletionDpc, &g_Ext);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
