// As two-locks-merged-release-safe.c, but one branch takes ModeLock and
// points the pointer at SendLock: on that path the release through the phi
// releases SendLock, which is not held, and the DPC returns holding
// ModeLock. The path that picks the matching lock stays silent.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

ULONG HwRead(ULONG Reg);

typedef struct _EXT {
    KSPIN_LOCK SendLock;
    ULONG OpMode;
    KSPIN_LOCK ModeLock;
    ULONG Underruns;
} EXT, *PEXT;

KDEFERRED_ROUTINE ReacquireDpc;

VOID ReacquireDpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
    PEXT Ext = Context;
    PKSPIN_LOCK Lock;
    UNREFERENCED_PARAMETER(Dpc); UNREFERENCED_PARAMETER(A1); UNREFERENCED_PARAMETER(A2);
    if (HwRead(1)) {
        Lock = &Ext->SendLock;
        KeAcquireSpinLockAtDpcLevel(&Ext->SendLock);
    } else {
        Lock = &Ext->SendLock;
        KeAcquireSpinLockAtDpcLevel(&Ext->ModeLock);
        Ext->OpMode += 0x4000;
    }
    KeReleaseSpinLockFromDpcLevel(Lock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling KeReleaseSpinLockFromDpcLevel{{( \(KefReleaseSpinLockFromDpcLevel\))?}} without first acquiring the spinlock 'Ext->SendLock'.
    KeAcquireSpinLockAtDpcLevel(&Ext->SendLock);
    Ext->Underruns++;
    KeReleaseSpinLockFromDpcLevel(&Ext->SendLock);
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'ReacquireDpc' has returned without releasing the spinlock 'Ext->ModeLock'.

KDPC Dpc1;
EXT GlobalExt;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject); UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&Dpc1, ReacquireDpc, &GlobalExt);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (2 defects, 2 entry routines)
