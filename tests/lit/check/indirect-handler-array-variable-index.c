// A global table of handlers: a constant index reaches only its element, a
// variable index any element. Under the lock the read routine calls element
// 0 (non-locking), then an element chosen at run time, which may be the
// locking handler: that handler's acquire is the defect.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef VOID NTAPI HANDLER(PVOID Context);
KSPIN_LOCK g_Lock;
static VOID NTAPI Locking(PVOID C) { KIRQL I; UNREFERENCED_PARAMETER(C); KeAcquireSpinLock(&g_Lock, &I); KeReleaseSpinLock(&g_Lock, I); } // CHECK: .c:[[@LINE]]:74: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock 'g_Lock'.
static VOID NTAPI Plain(PVOID C) { UNREFERENCED_PARAMETER(C); }
HANDLER *g_Handlers[3];
ULONG g_Next;

DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    KeAcquireSpinLock(&g_Lock, &Irql);
    g_Handlers[0](Irp);
    g_Handlers[g_Next % 3](Irp); // BUG: may be the locking handler
    KeReleaseSpinLock(&g_Lock, Irql);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Lock);
    g_Handlers[0] = Plain;
    g_Handlers[1] = Plain;
    g_Handlers[2] = Locking;
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
