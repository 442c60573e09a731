// Trace test: the notes that follow a leak through two helper levels, in
// order: entry start, call into BeginTransfer, call into LockDevice, the
// acquire, the two returns back up, the failed-status branch that leads to
// the early return, and the return of the DPC with the lock held. The CHECK block at the end uses absolute line numbers: keep the code
// above it in place.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KIRQL LockIrql;
    KDPC Dpc;
    BOOLEAN Stopping;
    ULONG Completed;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DEVICE_EXTENSION g_Ext;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE TransferDpc;

static VOID LockDevice(PDEVICE_EXTENSION DevExt)
{
    KeAcquireSpinLock(&DevExt->Lock, &DevExt->LockIrql);
}

// Returns with the device lock held, whatever the status.
static NTSTATUS BeginTransfer(PDEVICE_EXTENSION DevExt)
{
    LockDevice(DevExt);
    if (DevExt->Stopping) {
        return STATUS_DELETE_PENDING;
    }
    return STATUS_SUCCESS;
}

static VOID EndTransfer(PDEVICE_EXTENSION DevExt)
{
    KeReleaseSpinLock(&DevExt->Lock, DevExt->LockIrql);
}

VOID TransferDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2) {
    PDEVICE_EXTENSION DevExt = DeferredContext;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    Status = BeginTransfer(DevExt);
    if (!NT_SUCCESS(Status)) {
        return;
    }
    DevExt->Completed++;
    EndTransfer(DevExt);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Ext.Lock);
    KeInitializeDpc(&g_Ext.Dpc, TransferDpc, &g_Ext);
    return STATUS_SUCCESS;
}

// Expected trace (line numbers are absolute):
// CHECK:      trace-held-at-exit-two-helpers.c:56:9: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'TransferDpc' has returned without releasing the spinlock '{{[^']+}}'.
// CHECK-NEXT: trace-held-at-exit-two-helpers.c:46:{{([0-9]+:)?}} note: entry routine 'TransferDpc' (KDEFERRED_ROUTINE) starts here
// CHECK-NEXT: trace-held-at-exit-two-helpers.c:54:14: note: calls 'BeginTransfer'
// CHECK-NEXT: trace-held-at-exit-two-helpers.c:34:5: note: calls 'LockDevice'
// CHECK-NEXT: trace-held-at-exit-two-helpers.c:28:5: note: '{{[^']+}}' acquired here
// CHECK-NEXT: trace-held-at-exit-two-helpers.c:34:5: note: returns from 'LockDevice'
// CHECK-NEXT: trace-held-at-exit-two-helpers.c:54:14: note: returns from 'BeginTransfer'
// CHECK-NEXT: trace-held-at-exit-two-helpers.c:55:9: note: taking the true branch: `!NT_SUCCESS(Status)`
// CHECK-NEXT: trace-held-at-exit-two-helpers.c:56:9: note: 'TransferDpc' returns here with '{{[^']+}}' held
// CHECK-NOT:  note:
// CHECK:      SpinLockDpc: Defect (1 defect, 2 entry routines)

// At -O1/-O2 both helpers are inlined into the DPC: the trace names the
// same calls, marked inlined, at the same lines. The `return;` is folded
// into the branch on the status (whose IR tests the inlined `Stopping`):
// the source tells where it was, and which side of the branch it is, so
// the report and its last steps are the -O0 ones.
// RUN: %cc64 -O1 %s -o %t1.bc
// RUN: not %sdv check %t1.bc | FileCheck %s --check-prefix=OPT --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: not %sdv check %t2.bc | FileCheck %s --check-prefix=OPT --implicit-check-not=error: --implicit-check-not=warning:
// OPT:      trace-held-at-exit-two-helpers.c:56:9: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'TransferDpc' has returned without releasing the spinlock '{{[^']+}}'.
// OPT-NEXT: trace-held-at-exit-two-helpers.c:46:{{([0-9]+:)?}} note: entry routine 'TransferDpc' (KDEFERRED_ROUTINE) starts here
// OPT-NEXT: trace-held-at-exit-two-helpers.c:54:14: note: calls 'BeginTransfer' (inlined)
// OPT-NEXT: trace-held-at-exit-two-helpers.c:34:5: note: calls 'LockDevice' (inlined)
// OPT-NEXT: trace-held-at-exit-two-helpers.c:28:5: note: '{{[^']+}}' acquired here
// OPT-NEXT: trace-held-at-exit-two-helpers.c:34:5: note: returns from 'LockDevice' (inlined)
// OPT-NEXT: trace-held-at-exit-two-helpers.c:54:14: note: returns from 'BeginTransfer' (inlined)
// OPT-NEXT: trace-held-at-exit-two-helpers.c:55:9: note: taking the true branch: `!NT_SUCCESS(Status)`
// OPT-NEXT: trace-held-at-exit-two-helpers.c:56:9: note: 'TransferDpc' returns here with '{{[^']+}}' held
// OPT-NOT:  note:
// OPT:      SpinLockDpc: Defect (1 defect, 2 entry routines)
