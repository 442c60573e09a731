// Safe twin of flag-in-array-written-by-helper.c: the flag tested is the
// extension's own, outside the array the helper writes an element of (by a
// variable index), so the two tests read one value.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdm.h>

typedef struct _QUEUE {
    BOOLEAN Locked;
    ULONG Count;
} QUEUE, *PQUEUE;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    BOOLEAN Tracking;
    QUEUE Queues[4];
    ULONG Next;
    KDPC Dpc;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE QueueDpc;

static VOID ResetQueue(PQUEUE Queue)
{
    Queue->Locked = Queue->Count > 16;
    Queue->Count = 0;
}

VOID QueueDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PDEVICE_EXTENSION Ext = Context;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    if (Ext->Tracking)
        KeAcquireSpinLockAtDpcLevel(&Ext->Lock);
    ResetQueue(&Ext->Queues[Ext->Next % 4]);
    if (Ext->Tracking)
        KeReleaseSpinLockFromDpcLevel(&Ext->Lock);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_OBJECT Device;
    PDEVICE_EXTENSION Ext;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);
    Status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &Device);
    if (!NT_SUCCESS(Status))
        return Status;
    Ext = Device->DeviceExtension;
    KeInitializeSpinLock(&Ext->Lock);
    KeInitializeDpc(&Ext->Dpc, QueueDpc, Ext);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
