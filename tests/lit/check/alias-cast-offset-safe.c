// Lock identity through casts and byte offsets: the DPC receives its device
// extension as an untyped context and reaches the queue lock (not the first
// member) as `(PKSPIN_LOCK)((PUCHAR)DeferredContext + FIELD_OFFSET(...))`,
// the way code shared between several extension layouts does. It releases
// the lock as `&DevExt->QueueLock`: the same lock. A helper written the same
// generic way takes and drops the lock after the DPC has released it.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    LIST_ENTRY Queue;
    KSPIN_LOCK QueueLock;
    ULONG Depth;
    ULONG Drained;
    KDPC Dpc;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE DrainDpc;

#define QUEUE_LOCK_OF(Context) \
    ((PKSPIN_LOCK)((PUCHAR)(Context) + FIELD_OFFSET(DEVICE_EXTENSION, QueueLock)))

static VOID CountDrained(PVOID Context)
{
    PDEVICE_EXTENSION DevExt = Context;

    KeAcquireSpinLockAtDpcLevel(QUEUE_LOCK_OF(Context));
    DevExt->Drained++;
    KeReleaseSpinLockFromDpcLevel(QUEUE_LOCK_OF(Context));
}

VOID DrainDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    KeAcquireSpinLockAtDpcLevel(
        (PKSPIN_LOCK)((PUCHAR)DeferredContext + FIELD_OFFSET(DEVICE_EXTENSION, QueueLock)));
    while (!IsListEmpty(&DevExt->Queue)) {
        RemoveHeadList(&DevExt->Queue);
        DevExt->Depth--;
    }
    KeReleaseSpinLockFromDpcLevel(&DevExt->QueueLock);
    CountDrained(DeferredContext);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.QueueLock);
    InitializeListHead(&g_Ext.Queue);
    KeInitializeDpc(&g_Ext.Dpc, DrainDpc, &g_Ext);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
