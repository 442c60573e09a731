/*
 * A minimal WDM driver with a queue of pending reads under one spin lock.
 * BUG: EchoRead returns with the lock held when the queue is full.
 */
#include <wdm.h>

#ifndef ECHO_QUEUE_LIMIT
#error "ECHO_QUEUE_LIMIT comes from the build (target_compile_definitions)"
#endif

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD EchoUnload;
_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH EchoRead;

static KSPIN_LOCK QueueLock;
static ULONG QueueDepth;

NTSTATUS NTAPI EchoRead(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
    KIRQL Irql;
    KeAcquireSpinLock(&QueueLock, &Irql);
    if (QueueDepth >= ECHO_QUEUE_LIMIT) {
        /* BUG: returns without KeReleaseSpinLock. */
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    QueueDepth++;
    KeReleaseSpinLock(&QueueLock, Irql);
    return STATUS_PENDING;
}

VOID NTAPI EchoUnload(PDRIVER_OBJECT DriverObject) {}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
    KeInitializeSpinLock(&QueueLock);
    DriverObject->MajorFunction[IRP_MJ_READ] = EchoRead;
    DriverObject->DriverUnload = EchoUnload;
    return STATUS_SUCCESS;
}
