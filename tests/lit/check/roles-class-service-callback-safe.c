// Roles, input class service: a keyboard class driver sends its service
// callback down the stack in the CONNECT_DATA of
// IOCTL_INTERNAL_KEYBOARD_CONNECT; the port driver calls it from its DPC
// with the keys read. On a full queue the callback drops the keys and
// releases the queue lock before it returns.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <kbdmou.h>

#define QUEUE_SIZE 32

typedef struct _CLASS_EXTENSION {
    PDEVICE_OBJECT Lower;
    KSPIN_LOCK QueueLock;
    KEYBOARD_INPUT_DATA Queue[QUEUE_SIZE];
    ULONG Count;
    ULONG Dropped;
    CONNECT_DATA Connect;
} CLASS_EXTENSION, *PCLASS_EXTENSION;

CLASS_EXTENSION g_Class;

DRIVER_INITIALIZE DriverEntry;
SERVICE_CALLBACK_ROUTINE KeyboardClassServiceCallback;

VOID KeyboardClassServiceCallback(PVOID NormalContext, PVOID SystemArgument1,
                                  PVOID SystemArgument2, PVOID SystemArgument3)
{
    PCLASS_EXTENSION Ext = NormalContext;
    PKEYBOARD_INPUT_DATA Start = SystemArgument1;
    PKEYBOARD_INPUT_DATA End = SystemArgument2;
    PULONG Consumed = SystemArgument3;

    KeAcquireSpinLockAtDpcLevel(&Ext->QueueLock);
    for (; Start < End; Start++) {
        if (Ext->Count == QUEUE_SIZE) {
            Ext->Dropped++;
            KeReleaseSpinLockFromDpcLevel(&Ext->QueueLock);
            return;
        }
        Ext->Queue[Ext->Count++] = *Start;
        (*Consumed)++;
    }
    KeReleaseSpinLockFromDpcLevel(&Ext->QueueLock);
}

static NTSTATUS ConnectToPort(PCLASS_EXTENSION Ext, PIRP Irp)
{
    PIO_STACK_LOCATION Next = IoGetNextIrpStackLocation(Irp);

    Ext->Connect.ClassDeviceObject = NULL;
    Ext->Connect.ClassService = (PVOID)KeyboardClassServiceCallback;
    Next->MajorFunction = IRP_MJ_INTERNAL_DEVICE_CONTROL;
    Next->Parameters.DeviceIoControl.IoControlCode = IOCTL_INTERNAL_KEYBOARD_CONNECT;
    Next->Parameters.DeviceIoControl.Type3InputBuffer = &Ext->Connect;
    return IoCallDriver(Ext->Lower, Irp);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeInitializeSpinLock(&g_Class.QueueLock);
    return ConnectToPort(&g_Class, (PIRP)RegistryPath);
}

// CHECK: SpinLockDpc: Pass (0 defects, 2 entry routines)
// ROLES: KeyboardClassServiceCallback SERVICE_CALLBACK_ROUTINE stored into CONNECT_DATA.ClassService
