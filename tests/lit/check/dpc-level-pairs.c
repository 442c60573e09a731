// KeAcquireSpinLockAtDpcLevel / KeReleaseSpinLockFromDpcLevel in a DPC: the
// second AtDpcLevel acquire of the same lock is the defect. The function
// name differs per architecture (Kef... fastcall exports on x86), so the
// name is checked with per-architecture prefixes.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --check-prefixes=CHECK,X64 --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --check-prefixes=CHECK,X86 --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KDPC Dpc;
    ULONG Completed;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE TransferDpc;

static VOID NoteCompletion(PDEVICE_EXTENSION DevExt)
{
    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock); // X64: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling KeAcquireSpinLockAtDpcLevel after already acquiring the spinlock
                                                // X86: .c:[[@LINE-1]]:5: error: [SpinLockDpc] The driver is calling KeAcquireSpinLockAtDpcLevel (KefAcquireSpinLockAtDpcLevel) after already acquiring the spinlock
    DevExt->Completed++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

VOID TransferDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
    NoteCompletion(DevExt); // BUG: NoteCompletion takes DevExt->Lock itself
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.Lock);
    KeInitializeDpc(&g_Ext.Dpc, TransferDpc, &g_Ext);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
