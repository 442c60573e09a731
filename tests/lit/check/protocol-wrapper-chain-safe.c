// A wrapper that locks through a pointer chain given its head: the DPC
// passes the endpoint E, and LockEndpointRing acquires
// `&E->Channel->Ring->Lock`. The DPC releases the same lock through its own
// local `Ring` (loaded from the same chain before the call), then calls
// RingPush, which takes and drops the ring lock again by its own parameter.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    KeAcquireSpinLockAtDpcLevel(&Ring->Lock);
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
    KeReleaseSpinLock(&Ring->Lock, E->Irql);
    RingPush(Ring, E->Sent);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&g_SendDpc, SendDpc, &g_Endpoint);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
