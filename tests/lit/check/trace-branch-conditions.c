// Trace test: the branch steps of a DPC that leaks its lock on an error
// path. Only the branches every path to the next step passes and whose
// other side cannot get there are steps: `!Ext->Ready` and both halves of
// the `||` (whose true sides return before the acquire), and `Ext->Error`
// (whose true side is the leaking return). The `?:`, the loop and the `&&`
// go on to the same places either way. Each condition is quoted from the source with
// the sense the source gives it, also in optimised code, where clang and
// LLVM branch on the negated test with the successors swapped. The CHECK
// block at the end uses absolute line numbers: keep the code above it in
// place.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t.O2.bc
// RUN: not %sdv check %t.O2.bc | FileCheck %s --check-prefix=O2
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KDPC Dpc;
    BOOLEAN Ready;
    BOOLEAN Error;
    BOOLEAN Verbose;
    ULONG Count;
    ULONG Mode;
    ULONG Pending;
    ULONG Flags;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE WorkDpc;

VOID WorkDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION Ext = DeferredContext;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (!Ext->Ready) {
        return;
    }
    if (Ext->Count == 0 || Ext->Mode == 2) {
        return;
    }
    KeAcquireSpinLock(&Ext->Lock, &Irql);
    Ext->Flags = Ext->Verbose ? 1 : 0;
    while (Ext->Pending > 4) {
        Ext->Pending--;
    }
    if (Ext->Verbose && Ext->Count > 3) {
        Ext->Count = 0;
    }
    if (Ext->Error) {
        return;
    }
    KeReleaseSpinLock(&Ext->Lock, Irql);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.Lock);
    KeInitializeDpc(&g_Ext.Dpc, WorkDpc, &g_Ext);
    return STATUS_SUCCESS;
}

// Expected trace (line numbers are absolute):
// CHECK:      trace-branch-conditions.c:61:9: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'WorkDpc' has returned without releasing the spinlock 'Ext->Lock'.
// CHECK-NEXT: trace-branch-conditions.c:37: note: entry routine 'WorkDpc' (KDEFERRED_ROUTINE) starts here
// CHECK-NEXT: trace-branch-conditions.c:46:9: note: taking the false branch: `!Ext->Ready`
// CHECK-NEXT: trace-branch-conditions.c:49:{{[0-9]+}}: note: taking the false branch: `Ext->Count == 0`
// CHECK-NEXT: trace-branch-conditions.c:49:{{[0-9]+}}: note: taking the false branch: `Ext->Mode == 2`
// CHECK-NEXT: trace-branch-conditions.c:52:5: note: 'Ext->Lock' acquired here
// CHECK-NEXT: trace-branch-conditions.c:60:9: note: taking the true branch: `Ext->Error`
// CHECK-NEXT: trace-branch-conditions.c:61:9: note: 'WorkDpc' returns here with 'Ext->Lock' held
// CHECK-NOT:  note:
// CHECK:      SpinLockDpc: Defect (1 defect, 2 entry routines)

// Optimised code keeps the senses, though LLVM inverted the tests: the
// acquire is still reached only past the early returns. (Its returns are
// merged, so the leak is at the closing brace, and the `Ext->Error` branch is
// no longer one the return depends on.)
// O2-NOT: taking the true branch
// O2:     trace-branch-conditions.c:46:9: note: taking the false branch: `!Ext->Ready`
// O2:     note: taking the false branch: `Ext->Count == 0`
// O2:     note: taking the false branch: `Ext->Mode == 2`
// O2:     'Ext->Lock' acquired here
