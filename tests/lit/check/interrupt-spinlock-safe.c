// Safe twin of interrupt-spinlock.c: every interrupt spin lock acquired is
// released, in each shape.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Irp);
    KIRQL Irql = KeAcquireInterruptSpinLock(DevExt->Interrupt);
    DevExt->Pending++;
    KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
    return STATUS_SUCCESS;
}

static KIRQL SyncWithIsr(PDEVICE_EXTENSION DevExt)
{
    return KeAcquireInterruptSpinLock(DevExt->Interrupt);
}

static VOID EndSync(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Irp);
    KIRQL Irql = SyncWithIsr(DevExt);
    DevExt->Pending--;
    EndSync(DevExt, Irql);
    return STATUS_SUCCESS;
}

static KIRQL SyncAndCount(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql = SyncWithIsr(DevExt);
    DevExt->Pending++;
    return Irql;
}

static VOID EndSyncAndCount(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    DevExt->Pending--;
    EndSync(DevExt, Irql);
}

NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Irp);
    KIRQL Irql = SyncAndCount(DevExt);
    EndSyncAndCount(DevExt, Irql);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PLIST_ENTRY Entry;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Irp);
    while (!IsListEmpty(&DevExt->Queue)) {
        Irql = KeAcquireInterruptSpinLock(DevExt->Interrupt);
        Entry = RemoveHeadList(&DevExt->Queue);
        if (Entry == &DevExt->Queue) {
            KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
            continue;
        }
        KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
    }
    return STATUS_SUCCESS;
}

NTSTATUS DispatchControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    Irql = KeAcquireInterruptSpinLock(DevExt->Interrupt);
    if (Irp->IoStatus.Information == 0) {
        EndSync(DevExt, Irql);
        return STATUS_INVALID_PARAMETER;
    }
    DevExt->Pending++;
    EndSync(DevExt, Irql);
    return STATUS_SUCCESS;
}

NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Irp);
    KIRQL Irql = KeAcquireInterruptSpinLock(DevExt->WakeInterrupt);
    KeReleaseInterruptSpinLock(DevExt->WakeInterrupt, Irql);
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
        KeReleaseInterruptSpinLock(DevExt->Interrupt, Irql);
        return;
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

// CHECK: InterruptSpinLock: Pass (0 defects, 9 entry routines)
