// x86 names: the timer DPC (x86 IR "\01_PollTimerDpc@16") gets the poll
// lock from KeTryToAcquireSpinLockAtDpcLevel (x86 IR
// "\01@KeTryToAcquireSpinLockAtDpcLevel@4") and releases it only when no
// report is due; on the report path it falls off the end of the void
// routine holding the lock. Reported on both targets at the closing brace
// with the undecorated names: the KDEFERRED_ROUTINE routine 'PollTimerDpc'
// and the lock 'g_Poll.Lock'.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

#define REPORT_INTERVAL 16

typedef struct _POLL_CONTEXT {
    KSPIN_LOCK Lock;
    KTIMER Timer;
    KDPC Dpc;
    ULONG Ticks;
    ULONG Reports;
    volatile LONG Missed;
} POLL_CONTEXT;

POLL_CONTEXT g_Poll;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE PollTimerDpc;

VOID PollTimerDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(DeferredContext);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (!KeTryToAcquireSpinLockAtDpcLevel(&g_Poll.Lock)) {
        InterlockedIncrement(&g_Poll.Missed);
        return;
    }
    g_Poll.Ticks++;
    if (g_Poll.Ticks % REPORT_INTERVAL == 0) {
        g_Poll.Reports++;
    } else {
        KeReleaseSpinLockFromDpcLevel(&g_Poll.Lock); // BUG: only when no report is due
    }
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'PollTimerDpc' has returned without releasing the spinlock 'g_Poll.Lock'.

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    LARGE_INTEGER DueTime;

    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Poll.Lock);
    KeInitializeTimer(&g_Poll.Timer);
    KeInitializeDpc(&g_Poll.Dpc, PollTimerDpc, NULL);
    DueTime.QuadPart = -10000000LL;
    KeSetTimer(&g_Poll.Timer, DueTime, &g_Poll.Dpc);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
