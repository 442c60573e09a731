// Buggy twin of flag-retested-after-call-safe.c: between the two tests of
// the flag a called function overwrites it with a value read from the
// device, two calls down in one DPC and through a pointer to the field
// handed to a helper in the other. The path that took the locks can skip
// the releases (the DPC returns holding them), and the path that did not
// take them can release them.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define ACTIVE 1

typedef struct _ADAPTER {
    ULONG Flags;
    KSPIN_LOCK SendLock;
    KSPIN_LOCK RecvLock;
    ULONG Speed;
    volatile ULONG *Registers;
    KDPC Dpc1;
    KDPC Dpc2;
} ADAPTER, *PADAPTER;

KDEFERRED_ROUTINE LinkDpc, ResetDpc;

static VOID Reload(PADAPTER Adapter)
{
    Adapter->Registers[1] = 0;
    Adapter->Flags = Adapter->Registers[2];
}

static VOID SetSpeed(PADAPTER Adapter, ULONG Speed)
{
    Adapter->Speed = Speed;
    if (Speed == 0)
        Reload(Adapter);
}

static VOID StoreBits(PULONG Bits, ULONG Value)
{
    *Bits = Value;
}

VOID LinkDpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
    PADAPTER Adapter = Context;
    UNREFERENCED_PARAMETER(Dpc); UNREFERENCED_PARAMETER(A2);
    if (Adapter->Flags & ACTIVE) {
        KeAcquireSpinLockAtDpcLevel(&Adapter->SendLock);
        KeAcquireSpinLockAtDpcLevel(&Adapter->RecvLock);
    }
    SetSpeed(Adapter, (ULONG)(ULONG_PTR)A1);
    if (Adapter->Flags & ACTIVE) {
        KeReleaseSpinLockFromDpcLevel(&Adapter->RecvLock); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling KeReleaseSpinLockFromDpcLevel{{( \(KefReleaseSpinLockFromDpcLevel\))?}} without first acquiring the spinlock 'Adapter->RecvLock'.
        KeReleaseSpinLockFromDpcLevel(&Adapter->SendLock); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling KeReleaseSpinLockFromDpcLevel{{( \(KefReleaseSpinLockFromDpcLevel\))?}} without first acquiring the spinlock 'Adapter->SendLock'.
    }
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'LinkDpc' has returned without releasing the spinlock 'Adapter->SendLock'.
// CHECK: .c:[[@LINE-1]]:1: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'LinkDpc' has returned without releasing the spinlock 'Adapter->RecvLock'.

VOID ResetDpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
    PADAPTER Adapter = Context;
    UNREFERENCED_PARAMETER(Dpc); UNREFERENCED_PARAMETER(A2);
    if (Adapter->Flags & ACTIVE)
        KeAcquireSpinLockAtDpcLevel(&Adapter->SendLock);
    StoreBits(&Adapter->Flags, (ULONG)(ULONG_PTR)A1);
    if (Adapter->Flags & ACTIVE)
        KeReleaseSpinLockFromDpcLevel(&Adapter->SendLock); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling KeReleaseSpinLockFromDpcLevel{{( \(KefReleaseSpinLockFromDpcLevel\))?}} without first acquiring the spinlock 'Adapter->SendLock'.
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'ResetDpc' has returned without releasing the spinlock 'Adapter->SendLock'.

ADAPTER g_Adapter;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject); UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&g_Adapter.Dpc1, LinkDpc, &g_Adapter);
    KeInitializeDpc(&g_Adapter.Dpc2, ResetDpc, &g_Adapter);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (6 defects, 3 entry routines)
