// Two different locks are taken on the two branches of an if, and the one
// taken is released through a pointer chosen on the same branches: after
// SROA the release's argument is a phi of two different addresses (and at
// -O2 clang sinks two releases into such a call). On each path the phi is
// the lock that path took. The locks are named again after the release
// (the next iteration of a loop, a later acquire), and a helper with one
// such release per branch is inlined into a loop at -O2.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

ULONG HwRead(ULONG Reg);
VOID HwWrite(ULONG Reg, ULONG Value);

typedef struct _EXT {
    KSPIN_LOCK SendLock;
    ULONG OpMode;
    KSPIN_LOCK ModeLock;
    ULONG Underruns;
} EXT, *PEXT;

KDEFERRED_ROUTINE LoopDpc, ReacquireDpc, FifoDpc;

VOID LoopDpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
    PEXT Ext = Context;
    PKSPIN_LOCK Lock;
    ULONG i;
    UNREFERENCED_PARAMETER(Dpc); UNREFERENCED_PARAMETER(A1); UNREFERENCED_PARAMETER(A2);
    for (i = 0; i < 4; i++) {
        if (HwRead(1)) {
            Lock = &Ext->SendLock;
            KeAcquireSpinLockAtDpcLevel(&Ext->SendLock);
        } else {
            Lock = &Ext->ModeLock;
            KeAcquireSpinLockAtDpcLevel(&Ext->ModeLock);
            Ext->OpMode += 0x4000;
        }
        KeReleaseSpinLockFromDpcLevel(Lock);
    }
}

VOID ReacquireDpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
    PEXT Ext = Context;
    PKSPIN_LOCK Lock;
    UNREFERENCED_PARAMETER(Dpc); UNREFERENCED_PARAMETER(A1); UNREFERENCED_PARAMETER(A2);
    if (HwRead(1)) {
        Lock = &Ext->SendLock;
        KeAcquireSpinLockAtDpcLevel(&Ext->SendLock);
    } else {
        Lock = &Ext->ModeLock;
        KeAcquireSpinLockAtDpcLevel(&Ext->ModeLock);
        Ext->OpMode += 0x4000;
    }
    KeReleaseSpinLockFromDpcLevel(Lock);
    KeAcquireSpinLockAtDpcLevel(&Ext->SendLock);
    Ext->Underruns++;
    KeReleaseSpinLockFromDpcLevel(&Ext->SendLock);
}

static void AdjustTxFifoThreshold(PEXT Ext)
{
    if ((Ext->OpMode & 0x200000) || (++Ext->Underruns < 5)) {
        KeAcquireSpinLockAtDpcLevel(&Ext->SendLock);
        HwWrite(1, 1);
        KeReleaseSpinLockFromDpcLevel(&Ext->SendLock);
        return;
    }
    Ext->Underruns = 0;
    KeAcquireSpinLockAtDpcLevel(&Ext->ModeLock);
    Ext->OpMode |= 0x200000;
    HwWrite(6, Ext->OpMode);
    KeReleaseSpinLockFromDpcLevel(&Ext->ModeLock);
}

VOID FifoDpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
    PEXT Ext = Context;
    ULONG i;
    UNREFERENCED_PARAMETER(Dpc); UNREFERENCED_PARAMETER(A1); UNREFERENCED_PARAMETER(A2);
    for (i = 0; i < 4; i++) {
        if (HwRead(5) & 2)
            AdjustTxFifoThreshold(Ext);
    }
}

KDPC Dpc1, Dpc2, Dpc3;
EXT GlobalExt;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject); UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&Dpc1, LoopDpc, &GlobalExt);
    KeInitializeDpc(&Dpc2, FifoDpc, &GlobalExt);
    KeInitializeDpc(&Dpc3, ReacquireDpc, &GlobalExt);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 4 entry routines)
