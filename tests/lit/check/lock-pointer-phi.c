// As lock-pointer-phi-safe.c, but the lock is released a second time
// through the phi'd pointer: the second release is the defect.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    ULONG Flags;
    KSPIN_LOCK Lock;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PKSPIN_LOCK Lock;
    KIRQL Irql;

    if (Irp->MdlAddress == NULL) {
        Lock = &DevExt->Lock;
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
    } else {
        Lock = &DevExt->Lock;
        KeAcquireSpinLock(&DevExt->Lock, &Irql);
        DevExt->Flags |= 2;
    }
    KeReleaseSpinLock(Lock, Irql);
    DevExt->Flags = 0;
    KeReleaseSpinLock(Lock, Irql); // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The driver is calling {{.*}} without first acquiring the spinlock 'DevExt->Lock'.
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
