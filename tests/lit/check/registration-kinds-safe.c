// Safe twin of registration-kinds.c: the same six entry routines (ISR via
// IoConnectInterrupt, synchronized routine via KeSynchronizeExecution,
// DpcForIsr via IoInitializeDpcRequest, system thread via
// PsCreateSystemThread, a dispatch routine and DriverEntry); the DpcForIsr
// and the thread release the lock on every path.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    PKINTERRUPT Interrupt;
    ULONG Status;
    ULONG Completed;
    BOOLEAN Stopping;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchDeviceControl;
KSERVICE_ROUTINE InterruptService;
KSYNCHRONIZE_ROUTINE SyncClearStatus;
IO_DPC_ROUTINE DpcForIsr;
KSTART_ROUTINE WorkerThread;

BOOLEAN InterruptService(PKINTERRUPT Interrupt, PVOID ServiceContext)
{
    PDEVICE_OBJECT DeviceObject = ServiceContext;
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Interrupt);
    if (DevExt->Status == 0)
        return FALSE;
    IoRequestDpc(DeviceObject, DeviceObject->CurrentIrp, NULL);
    return TRUE;
}

BOOLEAN SyncClearStatus(PVOID SynchronizeContext)
{
    PDEVICE_EXTENSION DevExt = SynchronizeContext;

    DevExt->Status = 0;
    return TRUE;
}

VOID DpcForIsr(PKDPC Dpc, PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Context);
    KeAcquireSpinLockAtDpcLevel(&DevExt->Lock);
    if (DevExt->Stopping) {
        KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
        return;
    }
    DevExt->Completed++;
    KeReleaseSpinLockFromDpcLevel(&DevExt->Lock);
}

VOID WorkerThread(PVOID StartContext)
{
    PDEVICE_EXTENSION DevExt = StartContext;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Completed == 0) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        return;
    }
    DevExt->Completed = 0;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

NTSTATUS DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    KeSynchronizeExecution(DevExt->Interrupt, SyncClearStatus, DevExt);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_OBJECT DeviceObject;
    PDEVICE_EXTENSION DevExt;
    HANDLE Thread;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);
    Status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &DeviceObject);
    if (!NT_SUCCESS(Status))
        return Status;
    DevExt = DeviceObject->DeviceExtension;
    KeInitializeSpinLock(&DevExt->Lock);
    IoInitializeDpcRequest(DeviceObject, DpcForIsr);
    Status = IoConnectInterrupt(&DevExt->Interrupt, InterruptService, DeviceObject, NULL, 5,
                                5, 5, LevelSensitive, TRUE, 1, FALSE);
    if (!NT_SUCCESS(Status)) {
        IoDeleteDevice(DeviceObject);
        return Status;
    }
    Status = PsCreateSystemThread(&Thread, THREAD_ALL_ACCESS, NULL, NULL, NULL, WorkerThread,
                                  DevExt);
    if (NT_SUCCESS(Status))
        ZwClose(Thread);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 6 entry routines)
