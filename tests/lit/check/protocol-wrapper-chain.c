// Buggy twin of protocol-wrapper-chain-safe.c: the DPC calls RingPush on
// `E->Channel->Ring` while it still holds that ring's lock, taken by
// LockEndpointRing(E). RingPush's acquire is a double acquire of the same
// lock, reached through a different chain of loads.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define RING_SLOTS 16

typedef struct _RING {
    KSPIN_LOCK Lock;
    ULONG Head;
    ULONG Tail;
    ULONG Slots[RING_SLOTS];
} RING, *PRING;

typedef struct _CHANNEL {
    PRING Ring;
    ULONG Id;
} CHANNEL, *PCHANNEL;

typedef struct _ENDPOINT {
    PCHANNEL Channel;
    KIRQL Irql;
    ULONG Sent;
} ENDPOINT, *PENDPOINT;

ENDPOINT g_Endpoint;
KDPC g_SendDpc;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE SendDpc;

static VOID LockEndpointRing(PENDPOINT E)
{
    KeAcquireSpinLock(&E->Channel->Ring->Lock, &E->Irql);
}

static VOID RingPush(PRING Ring, ULONG Value)
{
    KeAcquireSpinLockAtDpcLevel(&Ring->Lock); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    Ring->Slots[Ring->Tail % RING_SLOTS] = Value;
    Ring->Tail++;
    KeReleaseSpinLockFromDpcLevel(&Ring->Lock);
}

VOID SendDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PENDPOINT E = DeferredContext;
    PRING Ring = E->Channel->Ring;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    LockEndpointRing(E);
    E->Sent++;
    RingPush(E->Channel->Ring, E->Sent); // BUG: the ring lock is still held
    KeReleaseSpinLock(&Ring->Lock, E->Irql);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&g_SendDpc, SendDpc, &g_Endpoint);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
