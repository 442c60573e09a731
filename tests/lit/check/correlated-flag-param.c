// Buggy twin of correlated-flag-param-safe.c: the release tests the inverted
// flag. With NeedLock TRUE the lock is taken and never released, and the read
// routine returns holding it; with NeedLock FALSE the helper releases a lock
// it never took. Both values of the unknown flag are possible: two defects,
// order free.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK StatsLock;
    ULONGLONG BytesRead;
    ULONG Reads;
    BOOLEAN MultiQueue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

static VOID AccountRead(PDEVICE_EXTENSION DevExt, ULONG Length, BOOLEAN NeedLock)
{
    KIRQL Irql = PASSIVE_LEVEL;

    if (NeedLock) {
        KeAcquireSpinLock(&DevExt->StatsLock, &Irql);
    }
    DevExt->BytesRead += Length;
    DevExt->Reads++;
    if (!NeedLock) { // BUG: inverted test
        KeReleaseSpinLock(&DevExt->StatsLock, Irql); // CHECK-DAG: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
    }
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    BOOLEAN Shared = DevExt->MultiQueue;

    AccountRead(DevExt, Stack->Parameters.Read.Length, Shared);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = Stack->Parameters.Read.Length;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS; // CHECK-DAG: .c:[[@LINE]]:5: error: [SpinLockDpc] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the spinlock
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK-NOT: error:
// CHECK: SpinLockDpc: Defect (2 defects, 2 entry routines)
