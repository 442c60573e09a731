// Roles, buggy twin of roles-root-and-callee-safe.c: the flush routine
// calls DrainDpc directly while still holding the queue lock. As a root
// (the registered DPC) DrainDpc is correct, but on this call path its
// acquire takes a lock already held: the double acquire is in DrainDpc.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    LIST_ENTRY Queue;
    KDPC DrainDpc;
    BOOLEAN Flushing;
    ULONG Drained;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchFlush;
KDEFERRED_ROUTINE DrainDpc;

VOID DrainDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    KeAcquireSpinLock(&DevExt->QueueLock, &Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    while (!IsListEmpty(&DevExt->Queue)) {
        RemoveHeadList(&DevExt->Queue);
        DevExt->Drained++;
    }
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
}

NTSTATUS DispatchFlush(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = &g_Ext;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    KeAcquireSpinLock(&DevExt->QueueLock, &Irql);
    DevExt->Flushing = TRUE;
    DrainDpc(&DevExt->DrainDpc, DevExt, NULL, NULL); // BUG: DrainDpc takes the queue lock itself
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.QueueLock);
    InitializeListHead(&g_Ext.Queue);
    KeInitializeDpc(&g_Ext.DrainDpc, DrainDpc, &g_Ext);
    DriverObject->MajorFunction[IRP_MJ_FLUSH_BUFFERS] = DispatchFlush;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
