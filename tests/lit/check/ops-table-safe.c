// Operations called through a table initialised statically, and a callback
// passed as a parameter: each takes and drops the lock. Followed through the
// pointers, nothing is left held.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv -v check %t.bc 2>%t.err | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: FileCheck --check-prefix=STATS %s < %t.err
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Count;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

typedef VOID (*PCOUNTER_OP)(PDEVICE_EXTENSION DevExt);

typedef struct _COUNTER_OPS {
    PCOUNTER_OP Increment;
    PCOUNTER_OP Reset;
} COUNTER_OPS;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

static VOID Increment(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Count++;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

static VOID Reset(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    DevExt->Count = 0;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

static const COUNTER_OPS CounterOps = { Increment, Reset };

static VOID Apply(PDEVICE_EXTENSION DevExt, PCOUNTER_OP Op)
{
    Op(DevExt);
}

PCOUNTER_OP Unknown(VOID);

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    CounterOps.Increment(DevExt);
    Apply(DevExt, Reset);
    // The lock is held around a call through a pointer nothing says
    // anything about: it is not followed, and counted.
    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    Unknown()(DevExt);
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
// STATS: 1 indirect calls not followed
