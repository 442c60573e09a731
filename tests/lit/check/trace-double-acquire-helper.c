// Trace test: the notes that follow a double acquire through a helper, in
// order: entry start, first acquire, call into the helper, second acquire.
// No other call happens on the path before the defect. The CHECK block at
// the end uses absolute line numbers: keep the code above it in place.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Requests;
    ULONG Writes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

static VOID CountRequest(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Requests++;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Writes++;
    CountRequest(DevExt);
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// Expected trace (line numbers are absolute):
// CHECK:      trace-double-acquire-helper.c:25:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock '{{[^']+}}'.
// CHECK-NEXT: trace-double-acquire-helper.c:30:{{([0-9]+:)?}} note: entry routine 'DispatchWrite' (IRP_MJ_WRITE) starts here
// CHECK-NEXT: trace-double-acquire-helper.c:34:5: note: '{{[^']+}}' acquired here
// CHECK-NEXT: trace-double-acquire-helper.c:36:5: note: calls 'CountRequest'
// CHECK-NEXT: trace-double-acquire-helper.c:25:5: note: '{{[^']+}}' acquired again here
// CHECK-NOT:  note:
// CHECK:      SpinLockDpc: Defect (1 defect, 2 entry routines)
