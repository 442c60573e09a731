// Roles file: a miniport gives its port library a pair of lock callbacks
// (PortRegisterLockCallbacks), and the library calls them in pairs around
// its own work. With --roles-file declaring the pairing as a sequence, the
// pair is one entry routine: the acquire callback returns holding the lock
// by contract, and the release callback drops it on every path.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check --roles-file %inputs/port-lock-callbacks.yaml %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check --roles-file %inputs/port-lock-callbacks.yaml %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv check %t.bc | FileCheck %s --check-prefix=BUILTIN --implicit-check-not=error:
// RUN: %sdv roles --roles-file %inputs/port-lock-callbacks.yaml %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: not %sdv check --roles-file %t.none.yaml %t.bc 2>&1 | FileCheck %s --check-prefix=MISSING
#include <wdm.h>

typedef VOID NTAPI LOCK_CALLBACK(PVOID Context);

NTSTATUS NTAPI PortRegisterLockCallbacks(PVOID Context, LOCK_CALLBACK *Acquire,
                                         LOCK_CALLBACK *Release);

typedef struct _MINIPORT {
    KSPIN_LOCK Lock;
    KIRQL Irql;
    BOOLEAN Stopping;
} MINIPORT, *PMINIPORT;

MINIPORT g_Miniport;

DRIVER_INITIALIZE DriverEntry;

VOID NTAPI MiniportAcquire(PVOID Context)
{
    PMINIPORT Miniport = Context;
    KeAcquireSpinLock(&Miniport->Lock, &Miniport->Irql);
}

VOID NTAPI MiniportRelease(PVOID Context)
{
    PMINIPORT Miniport = Context;
    KeReleaseSpinLock(&Miniport->Lock, Miniport->Irql);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Miniport.Lock);
    return PortRegisterLockCallbacks(&g_Miniport, MiniportAcquire, MiniportRelease);
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
// BUILTIN: SpinLockDpc: Pass (0 defects, 1 entry routine)
// ROLES: PortLock[MiniportAcquire] {{ *}}PORT_LOCK_CALLBACKS {{ *}}calls the callbacks registered by PortRegisterLockCallbacks at
// MISSING: error: cannot read roles file '{{.*}}.none.yaml':
