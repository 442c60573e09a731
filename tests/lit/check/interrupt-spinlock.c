// InterruptSpinLock, buggy: one mistake per routine, in each shape (directly,
// through a helper and through two, in a loop, on an early return, a
// release without acquire, and in a DPC only its registration names). The
// object is the interrupt object the driver keeps; two interrupts nested are
// fine. Safe twin: interrupt-spinlock-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PKINTERRUPT Interrupt;
    PKINTERRUPT WakeInterrupt;
    LIST_ENTRY Queue;
    ULONG Pending;
    KDPC Dpc;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead, DispatchWrite, DispatchCreate, DispatchCleanup;
DRIVER_DISPATCH DispatchControl, DispatchClose, DispatchSystemControl;
KDEFERRED_ROUTINE ResetDpc;

// Direct.
NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Irp);
    KeAcquireInterruptSpinLock(DevExt->Interrupt);
    DevExt->Pending++;
    return STATUS_SUCCESS; // CHECK: interrupt-spinlock.c:[[@LINE]]:5: error: [InterruptSpinLock] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the interrupt spin lock of 'DevExt->Interrupt'.
}

static KIRQL SyncWithIsr(PDEVICE_EXTENSION DevExt)
{
    return KeAcquireInterruptSpinLock(DevExt->Interrupt);
}

static VOID EndSync(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
}

// Through a helper.
NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Irp);
    SyncWithIsr(DevExt);
    DevExt->Pending--;
    return STATUS_SUCCESS; // CHECK: interrupt-spinlock.c:[[@LINE]]:5: error: [InterruptSpinLock] The IRP_MJ_WRITE routine 'DispatchWrite' has returned without releasing the interrupt spin lock of 'DevExt->Interrupt'.
}

static KIRQL SyncAndCount(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql = SyncWithIsr(DevExt);
    DevExt->Pending++;
    return Irql;
}

// Through two helper levels.
NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Irp);
    SyncAndCount(DevExt);
    return STATUS_SUCCESS; // CHECK: interrupt-spinlock.c:[[@LINE]]:5: error: [InterruptSpinLock] The IRP_MJ_CREATE routine 'DispatchCreate' has returned without releasing the interrupt spin lock of 'DevExt->Interrupt'.
}

// In a loop: `continue` skips the release.
NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Irp);
    while (!IsListEmpty(&DevExt->Queue)) {
        Irql = KeAcquireInterruptSpinLock(DevExt->Interrupt); // CHECK: interrupt-spinlock.c:[[@LINE]]:16: error: [InterruptSpinLock] The driver is calling KeAcquireInterruptSpinLock after already acquiring the interrupt spin lock of 'DevExt->Interrupt'.
        Entry = RemoveHeadList(&DevExt->Queue);
        if (Entry == &DevExt->Queue) {
            continue;
        }
        KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
    }
    return STATUS_SUCCESS; // CHECK: interrupt-spinlock.c:[[@LINE]]:5: error: [InterruptSpinLock] The IRP_MJ_CLEANUP routine 'DispatchCleanup' has returned without releasing the interrupt spin lock of 'DevExt->Interrupt'.
}

// An early return.
NTSTATUS DispatchControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    Irql = KeAcquireInterruptSpinLock(DevExt->Interrupt);
    if (Irp->IoStatus.Information == 0) {
        return STATUS_INVALID_PARAMETER; // CHECK: interrupt-spinlock.c:[[@LINE]]:9: error: [InterruptSpinLock] The IRP_MJ_DEVICE_CONTROL routine 'DispatchControl' has returned without releasing the interrupt spin lock of 'DevExt->Interrupt'.
    }
    DevExt->Pending++;
    EndSync(DevExt, Irql);
    return STATUS_SUCCESS;
}

// A release without acquire.
NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Irp);
    KeReleaseInterruptSpinLock(DevExt->WakeInterrupt, PASSIVE_LEVEL); // CHECK: interrupt-spinlock.c:[[@LINE]]:5: error: [InterruptSpinLock] The driver is calling KeReleaseInterruptSpinLock without first acquiring the interrupt spin lock of 'DevExt->WakeInterrupt'.
    return STATUS_SUCCESS;
}

// Two interrupts' locks nested: fine.
NTSTATUS DispatchSystemControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql, WakeIrql;

    UNREFERENCED_PARAMETER(Irp);
    Irql = KeAcquireInterruptSpinLock(DevExt->Interrupt);
    WakeIrql = KeAcquireInterruptSpinLock(DevExt->WakeInterrupt);
    DevExt->Pending++;
    KeReleaseInterruptSpinLock(DevExt->WakeInterrupt, WakeIrql);
    KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
    return STATUS_SUCCESS;
}

// Registered only by KeInitializeDpc.
VOID ResetDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    PDEVICE_EXTENSION DevExt = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    Irql = KeAcquireInterruptSpinLock(DevExt->Interrupt);
    if (IsListEmpty(&DevExt->Queue)) {
        return; // CHECK: interrupt-spinlock.c:[[@LINE]]:9: error: [InterruptSpinLock] The KDEFERRED_ROUTINE routine 'ResetDpc' has returned without releasing the interrupt spin lock of 'DevExt->Interrupt'.
    }
    DevExt->Pending = 0;
    KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_EXTENSION DevExt = DriverObject->DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&DevExt->Dpc, ResetDpc, DevExt);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchControl;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = DispatchClose;
    DriverObject->MajorFunction[IRP_MJ_SYSTEM_CONTROL] = DispatchSystemControl;
    return STATUS_SUCCESS;
}

// CHECK: InterruptSpinLock: Defect (8 defects, 9 entry routines)
