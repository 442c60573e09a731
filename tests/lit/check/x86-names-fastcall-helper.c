// x86 names: the completion routine (x86 IR "\01_WriteComplete@12") calls
// StartNextWrite while it still holds the queue lock; StartNextWrite takes
// it again through the FASTCALL helper LockQueue (x86 IR
// "\01@LockQueue@8"). The double acquire is reported in LockQueue with the
// undecorated names on both targets: KeAcquireSpinLockRaiseToDpc on x64,
// KfAcquireSpinLock on x86; the lock is 'DevExt->QueueLock'; the trace
// notes name the routine 'WriteComplete' and the helpers 'StartNextWrite'
// and 'LockQueue'. The helper definitions are ordered as the notes are.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --check-prefixes=CHECK,X64 --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --check-prefixes=CHECK,X86 --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK QueueLock;
    PDEVICE_OBJECT LowerDevice;
    ULONG Completed;
    ULONG Started;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;
IO_COMPLETION_ROUTINE WriteComplete;
static VOID FASTCALL StartNextWrite(PDEVICE_EXTENSION DevExt);

static VOID FASTCALL LockQueue(PDEVICE_EXTENSION DevExt, PKIRQL Irql)
{
    KeAcquireSpinLock(&DevExt->QueueLock, Irql); // X64: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling KeAcquireSpinLock (KeAcquireSpinLockRaiseToDpc) after already acquiring the spinlock 'DevExt->QueueLock'.
                                                 // X86: .c:[[@LINE-1]]:5: error: [SpinLockDpc] The driver is calling KeAcquireSpinLock (KfAcquireSpinLock) after already acquiring the spinlock 'DevExt->QueueLock'.
}

static VOID FASTCALL UnlockQueue(PDEVICE_EXTENSION DevExt, KIRQL Irql)
{
    KeReleaseSpinLock(&DevExt->QueueLock, Irql);
}

NTSTATUS WriteComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{ // CHECK: note: entry routine 'WriteComplete' (IO_COMPLETION_ROUTINE) starts here
    PDEVICE_EXTENSION DevExt = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    LockQueue(DevExt, &Irql);
    DevExt->Completed++;
    StartNextWrite(DevExt); // BUG: StartNextWrite takes the queue lock itself
                            // CHECK: .c:[[@LINE-1]]:5: note: calls 'StartNextWrite'
    UnlockQueue(DevExt, Irql);
    return STATUS_CONTINUE_COMPLETION;
}

static VOID FASTCALL StartNextWrite(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    LockQueue(DevExt, &Irql); // CHECK: .c:[[@LINE]]:5: note: calls 'LockQueue'
    DevExt->Started++;
    UnlockQueue(DevExt, Irql);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;

    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, WriteComplete, DevExt, TRUE, TRUE, TRUE);
    return IoCallDriver(DevExt->LowerDevice, Irp);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 3 entry routines)
