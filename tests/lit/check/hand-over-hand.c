// As hand-over-hand-safe.c, but the current node's lock is not dropped when
// the walk moves on: every node but the last stays locked when the routine
// returns.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _NODE {
    KSPIN_LOCK Lock;
    struct _NODE *Next;
    ULONG Value;
} NODE, *PNODE;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

PNODE Head;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PNODE Cur = Head;
    PNODE Next;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    KeAcquireSpinLock(&Cur->Lock, &Irql);
    while ((Next = Cur->Next) != NULL) {
        KeAcquireSpinLockAtDpcLevel(&Next->Lock);
        Cur = Next;
    }
    Cur->Value++;
    KeReleaseSpinLock(&Cur->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the spinlock
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
