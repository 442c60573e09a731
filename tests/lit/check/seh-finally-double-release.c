// MSVC targets only. The __finally block releases the lock, but the
// stopping path inside the __try also releases it before __leave: the
// __finally's release then finds the lock free. That release, in the
// outlined __finally body, is the only defect (whatever the unwind path
// from the inner release is assumed to do, it reaches the same call).
// RUN: %ccmsvc %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %ccmsvc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --targets msvc64,msvc86 %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    LIST_ENTRY Queue;
    BOOLEAN Stopping;
    ULONG Pending;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    NTSTATUS Status = STATUS_PENDING;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    __try {
        if (DevExt->Stopping) {
            Status = STATUS_DELETE_PENDING;
            KeReleaseSpinLock(&DevExt->Lock, Irql); // BUG: the __finally below releases too
            __leave;
        }
        InsertTailList(&DevExt->Queue, &Irp->Tail.Overlay.ListEntry);
        DevExt->Pending++;
    } __finally {
        KeReleaseSpinLock(&DevExt->Lock, Irql); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock
    }

    if (Status == STATUS_PENDING) {
        IoMarkIrpPending(Irp);
    } else {
        Irp->IoStatus.Status = Status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
    return Status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect,
