// Lock coupling along a list: take the next node's lock, drop the current
// one, move on. The loop variable names a new node on every iteration; each
// node's lock is taken and dropped once, and the last one is released after
// the loop.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: %sdv check %t2.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
        KeReleaseSpinLockFromDpcLevel(&Cur->Lock);
        Cur = Next;
    }
    Cur->Value++;
    KeReleaseSpinLock(&Cur->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
