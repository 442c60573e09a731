// Lock operations called through a pointer to a constant operations table:
// the extension's LockOps points to DpcLockOps, whose Acquire and Release
// fields have the same signature (one takes the lock, the other drops it).
// The DPC reaches both through `DevExt->LockOps->...`: the pointer stored
// into the extension in DriverEntry, then the field of the static table.
// Every path releases what it acquired.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

static const LOCK_OPS DpcLockOps = { AcquireAtDpc, ReleaseFromDpc };

VOID CompletionDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    DevExt->LockOps->Acquire(DevExt);
    if (DevExt->Pending == 0) {
        DevExt->LockOps->Release(DevExt);
        return;
    }
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

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
