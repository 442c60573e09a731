// Buggy twin of protocol-lock-in-struct-safe.c: RecordRequest is called
// while the lock taken through `Ctx.LockPtr` is still held; its acquire of
// `&DevExt->Lock` is a double acquire of the same lock under its other name.
// Known tool failure (XFAIL): at -O0 the lock acquired through Ctx.LockPtr is
// not known to be DevExt->Lock (release-without-acquire and held-at-exit
// instead of the double acquire).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
// XFAIL: *
#include <wdm.h>

typedef struct _REQUEST_CONTEXT {
    PKSPIN_LOCK LockPtr;
    KIRQL Irql;
    ULONG Length;
} REQUEST_CONTEXT, *PREQUEST_CONTEXT;

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Requests;
    ULONG Bytes;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchInternalDeviceControl;

static VOID InitContext(PREQUEST_CONTEXT Ctx, PDEVICE_EXTENSION DevExt, ULONG Length)
{
    Ctx->LockPtr = &DevExt->Lock;
    Ctx->Irql = PASSIVE_LEVEL;
    Ctx->Length = Length;
}

static VOID LockContext(PREQUEST_CONTEXT Ctx)
{
    KeAcquireSpinLock(Ctx->LockPtr, &Ctx->Irql);
}

static VOID RecordRequest(PDEVICE_EXTENSION DevExt)
{
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} after already acquiring the spinlock
    DevExt->Requests++;
    KeReleaseSpinLock(&DevExt->Lock, Irql);
}

NTSTATUS DispatchInternalDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    REQUEST_CONTEXT Ctx;

    InitContext(&Ctx, DevExt, Stack->Parameters.DeviceIoControl.InputBufferLength);
    LockContext(&Ctx);
    DevExt->Bytes += Ctx.Length;
    RecordRequest(DevExt); // BUG: the lock taken through Ctx.LockPtr is still held
    KeReleaseSpinLock(&DevExt->Lock, Ctx.Irql);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = DispatchInternalDeviceControl;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
