// Buggy twin of indirect-ops-two-fields-safe.c: while holding the
// statistics lock the write routine calls Stats.Record, the field that
// holds the routine taking the lock itself, instead of Stats.RecordLocked.
// The double acquire is in Record.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

struct _DEVICE_EXTENSION;
typedef VOID (*PSTATS_OP)(struct _DEVICE_EXTENSION *DevExt, ULONG Bytes);

typedef struct _STATS_OPS {
    PSTATS_OP Record;       // takes StatsLock itself
    PSTATS_OP RecordLocked; // the caller holds StatsLock
} STATS_OPS;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK StatsLock;
    ULONG Requests;
    ULONG Bytes;
    STATS_OPS Stats;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static VOID Record(PDEVICE_EXTENSION DevExt, ULONG Bytes)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->StatsLock, &Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    DevExt->Bytes += Bytes;
    KeReleaseSpinLock(&DevExt->StatsLock, Irql);
}

static VOID RecordLocked(PDEVICE_EXTENSION DevExt, ULONG Bytes)
{
    DevExt->Bytes += Bytes;
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    ULONG Length = IoGetCurrentIrpStackLocation(Irp)->Parameters.Write.Length;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->StatsLock, &Irql);
    DevExt->Requests++;
    DevExt->Stats.Record(DevExt, Length); // BUG: meant Stats.RecordLocked
    KeReleaseSpinLock(&DevExt->StatsLock, Irql);
    DevExt->Stats.Record(DevExt, 0);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = Length;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_OBJECT DeviceObject;
    PDEVICE_EXTENSION DevExt;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);
    Status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            0, FALSE, &DeviceObject);
    if (!NT_SUCCESS(Status))
        return Status;
    DevExt = DeviceObject->DeviceExtension;
    KeInitializeSpinLock(&DevExt->StatsLock);
    DevExt->Stats.Record = Record;
    DevExt->Stats.RecordLocked = RecordLocked;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
