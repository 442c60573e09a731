// Trace test: the notes that follow a release without acquire, in order:
// entry start, the acquire, the call into DropLock, the release inside it,
// the return from DropLock, and the second release. No other call happens on
// the path before the defect. The CHECK block at the end uses absolute line
// numbers: keep the code above it in place.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Handles;
    BOOLEAN Idle;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchCleanup;

static VOID DropLock(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

NTSTATUS DispatchCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Handles--;
    DropLock(DevExt, Irql);
    DevExt->Idle = TRUE;
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
    return STATUS_SUCCESS;
}

// Expected trace (line numbers are absolute):
// CHECK:      trace-release-without-acquire.c:35:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock '{{[^']+}}'.
// CHECK-NEXT: trace-release-without-acquire.c:27:{{([0-9]+:)?}} note: entry routine 'DispatchCleanup' (IRP_MJ_CLEANUP) starts here
// CHECK-NEXT: trace-release-without-acquire.c:31:5: note: '{{[^']+}}' acquired here
// CHECK-NEXT: trace-release-without-acquire.c:33:5: note: calls 'DropLock'
// CHECK-NEXT: trace-release-without-acquire.c:24:5: note: '{{[^']+}}' released here
// CHECK-NEXT: trace-release-without-acquire.c:33:5: note: returns from 'DropLock'
// CHECK-NEXT: trace-release-without-acquire.c:35:5: note: '{{[^']+}}' released here without being held
// CHECK-NOT:  note:
// CHECK:      SpinLockDpc: Defect (1 defect, 2 entry routines)
