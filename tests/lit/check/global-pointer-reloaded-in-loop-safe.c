// A lock reached through a global pointer, held around a walk of the
// driver's bus list that takes each bus's own lock: the pointer is read
// again after every call the walk makes, and at -O2 the release's address
// is a phi of those reads around the loop (once the reads are known to be
// one value, a web of phis with that value alone). The lock released is
// the lock taken.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: %sdv check %t2.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_ENTRY {
    LIST_ENTRY Link;
    ULONG Id;
} DEVICE_ENTRY, *PDEVICE_ENTRY;

typedef struct _BUS {
    LIST_ENTRY Link;
    KSPIN_LOCK DeviceLock;
    LIST_ENTRY Devices;
} BUS, *PBUS;

typedef struct _DRIVER_DATA {
    LIST_ENTRY Buses;
    KSPIN_LOCK BusListLock;
} DRIVER_DATA, *PDRIVER_DATA;

PDRIVER_DATA g_Driver;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchQuery;

static BOOLEAN MatchDevice(ULONG Id, ULONG Wanted)
{
    return Id == Wanted || Wanted == 0;
}

static BOOLEAN FindDevice(ULONG Wanted, BOOLEAN AnyBus, PBUS OnlyBus)
{
    BOOLEAN Found = FALSE;
    PLIST_ENTRY CurrentBus, CurrentDevice;
    KIRQL Irql;

    KeAcquireSpinLock(&g_Driver->BusListLock, &Irql);
    CurrentBus = g_Driver->Buses.Flink;
    while (!Found && CurrentBus != &g_Driver->Buses) {
        PBUS Bus = CONTAINING_RECORD(CurrentBus, BUS, Link);
        if (AnyBus || Bus == OnlyBus) {
            KeAcquireSpinLockAtDpcLevel(&Bus->DeviceLock);
            CurrentDevice = Bus->Devices.Flink;
            while (!Found && CurrentDevice != &Bus->Devices) {
                PDEVICE_ENTRY Device = CONTAINING_RECORD(CurrentDevice, DEVICE_ENTRY, Link);
                if (MatchDevice(Device->Id, Wanted))
                    Found = TRUE;
                CurrentDevice = CurrentDevice->Flink;
            }
            KeReleaseSpinLockFromDpcLevel(&Bus->DeviceLock);
        }
        CurrentBus = CurrentBus->Flink;
    }
    KeReleaseSpinLock(&g_Driver->BusListLock, Irql);
    return Found;
}

NTSTATUS DispatchQuery(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = FindDevice((ULONG)Irp->IoStatus.Information, Irp->PendingReturned,
                                      (PBUS)Irp->UserBuffer)
                               ? STATUS_SUCCESS
                               : STATUS_UNSUCCESSFUL;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchQuery;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
