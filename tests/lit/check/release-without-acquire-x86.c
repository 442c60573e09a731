// x86 only: KeReleaseSpinLockFromDpcLevel is a macro over the fastcall export
// KefReleaseSpinLockFromDpcLevel ("\01@KefReleaseSpinLockFromDpcLevel@4" in
// IR). The DPC releases the lock a second time; the diagnostic names the
// function with the decoration stripped.
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets x86 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KDPC Dpc;
    ULONG Completed;
    BOOLEAN Flush;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE TransferDpc;

VOID TransferDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
    DevExt->Completed++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
    if (DevExt->Flush) {
        DevExt->Completed = 0;
        KeReleaseSpinLockFromDpcLevel(&DevExt->Lock); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling KeReleaseSpinLockFromDpcLevel (KefReleaseSpinLockFromDpcLevel) without first acquiring the spinlock
    }
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
