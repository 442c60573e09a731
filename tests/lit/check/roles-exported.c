// Roles, export drivers, buggy twin of roles-exported-safe.c: a library
// other drivers link against. Its exports are entry routines: LibQueryCount
// is marked dllexport, LibReset is listed in its module-definition file,
// LibFlush in its spec file (--exports); the system calls DllInitialize
// when it loads the library. LibQueryCount returns holding the library's
// lock when there is no counter, LibReset takes it twice, LibFlush returns
// holding it when nothing is queued. LibHelper is exported nowhere and
// called by no export: its leak is not reached.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --check-prefixes=CHECK,DLLEXPORT --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not %sdv check --exports %inputs/export-lib.def --exports %inputs/export-lib.spec %t.bc | FileCheck %s --check-prefixes=CHECK,LISTS --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check --exports %inputs/export-lib.def --exports %inputs/export-lib.spec %t86.bc | FileCheck %s --check-prefixes=CHECK,LISTS --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles --exports %inputs/export-lib.def --exports %inputs/export-lib.spec %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: not %sdv check --exports %t.missing %t.bc 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: %variants %s
#include <wdm.h>

typedef struct _LIB_STATE {
    KSPIN_LOCK Lock;
    PULONG Counter;
    ULONG Queued;
    ULONG Resets;
} LIB_STATE;

LIB_STATE g_Lib;

NTSTATUS DllInitialize(PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Lib.Lock);
    return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS NTAPI LibQueryCount(PULONG Count)
{
    KIRQL Irql;
    KeAcquireSpinLock(&g_Lib.Lock, &Irql);
    if (g_Lib.Counter == NULL) {
        return STATUS_UNSUCCESSFUL; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The EXPORTED_ROUTINE routine 'LibQueryCount' has returned without releasing the spinlock 'g_Lib.Lock'.
    }
    *Count = *g_Lib.Counter;
    KeReleaseSpinLock(&g_Lib.Lock, Irql);
    return STATUS_SUCCESS;
}

VOID NTAPI LibReset(VOID)
{
    KIRQL Irql, Again;
    KeAcquireSpinLock(&g_Lib.Lock, &Irql);
    g_Lib.Resets++;
    KeAcquireSpinLock(&g_Lib.Lock, &Again); // LISTS: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock 'g_Lib.Lock'.
    KeReleaseSpinLock(&g_Lib.Lock, Irql);
}

VOID NTAPI LibFlush(ULONG Flags, PVOID Buffer)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Buffer);
    KeAcquireSpinLock(&g_Lib.Lock, &Irql);
    if (g_Lib.Queued == 0) {
        return; // LISTS: .c:[[@LINE]]:9: error: [SpinLockDpc] The EXPORTED_ROUTINE routine 'LibFlush' has returned without releasing the spinlock 'g_Lib.Lock'.
    }
    g_Lib.Queued = 0;
    KeReleaseSpinLock(&g_Lib.Lock, Irql);
}

VOID NTAPI LibHelper(VOID)
{
    KIRQL Irql;
    KeAcquireSpinLock(&g_Lib.Lock, &Irql);
}

// DLLEXPORT: SpinLockDpc: Defect (1 defect, 2 entry routines)
// LISTS: SpinLockDpc: Defect (3 defects, 4 entry routines)
// ROLES:      DllInitialize  DLL_INITIALIZE  by its name
// ROLES-NEXT: DllInitialize  EXPORTED_ROUTINE  exported ({{.*}}export-lib.def:4)
// ROLES-NEXT: LibFlush  EXPORTED_ROUTINE  exported ({{.*}}export-lib.spec:2)
// ROLES-NEXT: LibQueryCount  EXPORTED_ROUTINE  exported (dllexport)
// ROLES-NEXT: LibReset  EXPORTED_ROUTINE  exported ({{.*}}export-lib.def:5)
// ROLES-NEXT: 4 entry routines
// MISSING: error: cannot read export list '{{.*}}.missing':
