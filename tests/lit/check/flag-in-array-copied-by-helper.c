// A flag kept in an element of an array (the third) is tested before an
// acquire and again before the release, and between the two a helper
// copies a template over the element a variable index selects, through an
// untyped pointer: when the index is 2 the second test reads the
// template's flag, and the release can be skipped (or run without the
// acquire). The helper's write through its parameter lands anywhere in the
// array, not only in its first element. (A variant of
// flag-in-array-written-by-helper.c, whose safe twin serves both.)
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
    QUEUE Template;
    ULONG Next;
    KDPC Dpc;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE QueueDpc;

static VOID ResetQueue(PVOID Queue, const VOID *Template)
{
    RtlCopyMemory(Queue, Template, sizeof(QUEUE));
}

VOID QueueDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PDEVICE_EXTENSION Ext = Context;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    if (Ext->Queues[2].Locked)
        KeAcquireSpinLockAtDpcLevel(&Ext->Lock);
    ResetQueue(&Ext->Queues[Ext->Next % 4], &Ext->Template);
    if (Ext->Queues[2].Locked)
        KeReleaseSpinLockFromDpcLevel(&Ext->Lock); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling KeReleaseSpinLockFromDpcLevel{{( \(KefReleaseSpinLockFromDpcLevel\))?}} without first acquiring the spinlock 'Ext->Lock'.
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'QueueDpc' has returned without releasing the spinlock 'Ext->Lock'.

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

// CHECK: SpinLockDpc: Defect (2 defects, 2 entry routines)
