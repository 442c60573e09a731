// A flag is tested before the acquire and again before the release, with a
// call of the driver's own function between the tests. The function writes
// other fields of the same structure, device registers (volatile stores
// through a mapped address), a caller's local through an out-parameter, and
// a field of a list entry reached through CONTAINING_RECORD; none of it is
// the flag, so both tests read one value and each path takes and drops both
// locks or neither. Also: the call passes the flag's structure to an
// external function that writes only the field it is given.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define ACTIVE 1

typedef struct _ENTRY {
    LIST_ENTRY Link;
    ULONG Hits;
} ENTRY, *PENTRY;

typedef struct _ADAPTER {
    ULONG Flags;
    KSPIN_LOCK SendLock;
    KSPIN_LOCK RecvLock;
    ULONG Speed;
    ULONG Duplex;
    volatile ULONG *Registers;
    LIST_ENTRY Entries;
    KDPC Dpc;
} ADAPTER, *PADAPTER;

KDEFERRED_ROUTINE LinkDpc;
VOID NTAPI KeStallExecutionProcessor(ULONG MicroSeconds);
LONG NTAPI InterlockedIncrementExternal(LONG volatile *Addend);

static BOOLEAN ReadPhy(PADAPTER Adapter, ULONG Reg, PULONG Value)
{
    Adapter->Registers[4] = Reg;           /* device register */
    KeStallExecutionProcessor(10);
    *Value = Adapter->Registers[5];        /* the caller's local */
    return TRUE;
}

static VOID SetSpeed(PADAPTER Adapter, ULONG Speed)
{
    ULONG Status;
    PLIST_ENTRY First = Adapter->Entries.Flink;
    Adapter->Speed = Speed;
    if (ReadPhy(Adapter, 1, &Status) && (Status & 4))
        Adapter->Duplex = 1;
    CONTAINING_RECORD(First, ENTRY, Link)->Hits++;
    InterlockedIncrementExternal((LONG volatile *)&Adapter->Duplex);
}

static VOID UpdateLinkSpeed(PADAPTER Adapter, ULONG Speed)
{
    if (Adapter->Flags & ACTIVE) {
        KeAcquireSpinLockAtDpcLevel(&Adapter->SendLock);
        KeAcquireSpinLockAtDpcLevel(&Adapter->RecvLock);
    }
    SetSpeed(Adapter, Speed);
    if (Adapter->Flags & ACTIVE) {
        KeReleaseSpinLockFromDpcLevel(&Adapter->RecvLock);
        KeReleaseSpinLockFromDpcLevel(&Adapter->SendLock);
    }
}

VOID LinkDpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
    UNREFERENCED_PARAMETER(Dpc); UNREFERENCED_PARAMETER(A1); UNREFERENCED_PARAMETER(A2);
    UpdateLinkSpeed(Context, 100);
}

ADAPTER g_Adapter;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject); UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&g_Adapter.Dpc, LinkDpc, &g_Adapter);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
