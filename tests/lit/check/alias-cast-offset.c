// Buggy twin of alias-cast-offset-safe.c: the DPC holds the queue lock,
// taken as `&DevExt->QueueLock`, when it calls the generic helper, which
// takes the lock it computes from the untyped context and a byte offset,
// `(PKSPIN_LOCK)((PUCHAR)Context + FIELD_OFFSET(DEVICE_EXTENSION,
// QueueLock))`: the same lock, taken twice.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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

    KeAcquireSpinLockAtDpcLevel(QUEUE_LOCK_OF(Context)); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    DevExt->Drained++;
    KeReleaseSpinLockFromDpcLevel(QUEUE_LOCK_OF(Context));
}

VOID DrainDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    KeAcquireSpinLockAtDpcLevel(&DevExt->QueueLock);
    while (!IsListEmpty(&DevExt->Queue)) {
        RemoveHeadList(&DevExt->Queue);
        DevExt->Depth--;
    }
    CountDrained(DeferredContext); // BUG: called with the queue lock held
    KeReleaseSpinLockFromDpcLevel(&DevExt->QueueLock);
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

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
