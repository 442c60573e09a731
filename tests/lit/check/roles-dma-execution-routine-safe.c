// Roles, DMA: a driver starts DMA three ways; the adapter calls the
// execution routine each names when the map registers or the scatter/gather
// list are ready (IoAllocateAdapterChannel and the adapter's
// AllocateAdapterChannel take a DRIVER_CONTROL, GetScatterGatherList a
// DRIVER_LIST_CONTROL). Each routine releases the DMA lock on every path.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    PDMA_ADAPTER Adapter;
    KSPIN_LOCK DmaLock;
    PVOID MapRegisterBase;
    ULONG Transfers;
    ULONG Busy;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchWrite;
DRIVER_STARTIO StartIo;
DRIVER_CONTROL ProgramLegacyDma;
DRIVER_CONTROL ProgramDma;
DRIVER_LIST_CONTROL ProgramScatterGather;

IO_ALLOCATION_ACTION ProgramLegacyDma(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                                      PVOID MapRegisterBase, PVOID Context)
{
    PDEVICE_EXTENSION Ext = Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeAcquireSpinLockAtDpcLevel(&Ext->DmaLock);
    if (Ext->Busy) {
        KeReleaseSpinLockFromDpcLevel(&Ext->DmaLock);
        return DeallocateObject;
    }
    Ext->MapRegisterBase = MapRegisterBase;
    KeReleaseSpinLockFromDpcLevel(&Ext->DmaLock);
    return KeepObject;
}

IO_ALLOCATION_ACTION ProgramDma(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID MapRegisterBase,
                                PVOID Context)
{
    PDEVICE_EXTENSION Ext = Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeAcquireSpinLockAtDpcLevel(&Ext->DmaLock);
    if (MapRegisterBase == NULL) {
        KeReleaseSpinLockFromDpcLevel(&Ext->DmaLock);
        return DeallocateObject;
    }
    Ext->MapRegisterBase = MapRegisterBase;
    KeReleaseSpinLockFromDpcLevel(&Ext->DmaLock);
    return DeallocateObjectKeepRegisters;
}

VOID ProgramScatterGather(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                          PSCATTER_GATHER_LIST ScatterGather, PVOID Context)
{
    PDEVICE_EXTENSION Ext = Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeAcquireSpinLockAtDpcLevel(&Ext->DmaLock);
    if (ScatterGather == NULL) {
        KeReleaseSpinLockFromDpcLevel(&Ext->DmaLock);
        return;
    }
    Ext->Transfers++;
    KeReleaseSpinLockFromDpcLevel(&Ext->DmaLock);
}

VOID StartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = DeviceObject->DeviceExtension;
    UNREFERENCED_PARAMETER(Irp);
    IoAllocateAdapterChannel(Ext->Adapter, DeviceObject, 1, ProgramLegacyDma, Ext);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = DeviceObject->DeviceExtension;
    UNREFERENCED_PARAMETER(Irp);
    return Ext->Adapter->DmaOperations->AllocateAdapterChannel(Ext->Adapter, DeviceObject, 1,
                                                               ProgramDma, Ext);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = DeviceObject->DeviceExtension;
    return Ext->Adapter->DmaOperations->GetScatterGatherList(
        Ext->Adapter, DeviceObject, Irp->MdlAddress, NULL, 512, ProgramScatterGather, Ext,
        TRUE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->DriverStartIo = StartIo;
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 7 entry routines)
// ROLES-DAG: ProgramDma DRIVER_CONTROL passed to DMA_OPERATIONS.AllocateAdapterChannel
// ROLES-DAG: ProgramLegacyDma DRIVER_CONTROL passed to IoAllocateAdapterChannel
// ROLES-DAG: ProgramScatterGather DRIVER_LIST_CONTROL passed to DMA_OPERATIONS.GetScatterGatherList
