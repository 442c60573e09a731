// Roles, export drivers: a library other drivers link against. Its exports
// are entry routines: LibQueryCount is marked dllexport, LibReset is listed
// in its module-definition file, LibFlush in its spec file (--exports); the
// system calls DllInitialize when it loads the library. Each releases the
// library's lock on every path. LibHelper, exported nowhere and called by
// no export, is not an entry routine: it may return holding the lock.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --check-prefix=DLLEXPORT --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv check --exports %inputs/export-lib.def --exports %inputs/export-lib.spec %t.bc | FileCheck %s --check-prefix=LISTS --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check --exports %inputs/export-lib.def --exports %inputs/export-lib.spec %t86.bc | FileCheck %s --check-prefix=LISTS --implicit-check-not=error: --implicit-check-not=warning:
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
        KeReleaseSpinLock(&g_Lib.Lock, Irql);
        return STATUS_UNSUCCESSFUL;
    }
    *Count = *g_Lib.Counter;
    KeReleaseSpinLock(&g_Lib.Lock, Irql);
    return STATUS_SUCCESS;
}

VOID NTAPI LibReset(VOID)
{
    KIRQL Irql;
    KeAcquireSpinLock(&g_Lib.Lock, &Irql);
    g_Lib.Resets++;
    KeReleaseSpinLock(&g_Lib.Lock, Irql);
}

VOID NTAPI LibFlush(ULONG Flags, PVOID Buffer)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(Buffer);
    KeAcquireSpinLock(&g_Lib.Lock, &Irql);
    if (g_Lib.Queued == 0) {
        KeReleaseSpinLock(&g_Lib.Lock, Irql);
        return;
    }
    g_Lib.Queued = 0;
    KeReleaseSpinLock(&g_Lib.Lock, Irql);
}

VOID NTAPI LibHelper(VOID)
{
    KIRQL Irql;
    KeAcquireSpinLock(&g_Lib.Lock, &Irql);
}

// DLLEXPORT: SpinLockDpc: Pass (0 defects, 2 entry routines)
// LISTS: SpinLockDpc: Pass (0 defects, 4 entry routines)
// ROLES:      DllInitialize  DLL_INITIALIZE  by its name
// ROLES-NEXT: DllInitialize  EXPORTED_ROUTINE  exported ({{.*}}export-lib.def:4)
// ROLES-NEXT: LibFlush  EXPORTED_ROUTINE  exported ({{.*}}export-lib.spec:2)
// ROLES-NEXT: LibQueryCount  EXPORTED_ROUTINE  exported (dllexport)
// ROLES-NEXT: LibReset  EXPORTED_ROUTINE  exported ({{.*}}export-lib.def:5)
// ROLES-NEXT: 4 entry routines
// MISSING: error: cannot read export list '{{.*}}.missing':
