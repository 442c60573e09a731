// Buggy twin of global-pointer-reloaded-in-loop-safe.c: the walk of the
// bus list under the lock reached through a global pointer returns as soon
// as it finds the device, releasing the bus's lock but not the list's.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: not %sdv check %t2.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
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
                if (MatchDevice(Device->Id, Wanted)) {
                    KeReleaseSpinLockFromDpcLevel(&Bus->DeviceLock);
                    return TRUE;
                }
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
    return STATUS_SUCCESS; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_DEVICE_CONTROL routine 'DispatchQuery' has returned without releasing the spinlock 'g_Driver->BusListLock'.
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchQuery;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
