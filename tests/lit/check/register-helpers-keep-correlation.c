// A flag tested twice around calls of the driver's own register helpers
// (they touch the device, not the extension) is one value: a miniport's
// link update takes its send and receive locks if the adapter is active,
// restarts what it stopped, and releases them on the same test, with other
// fields of the extension tested on the way. Buggy: the release forgets the
// send lock. Safe twin: register-helpers-keep-correlation-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <wdm.h>

#define ADAPTER_ACTIVE 0x80000000

typedef struct _DEVICE_EXTENSION {
    volatile ULONG *Registers;
    ULONG Flags;
    BOOLEAN FullDuplex;
    BOOLEAN PauseFrames;
    BOOLEAN Gigabit;
    KSPIN_LOCK SendLock;
    KSPIN_LOCK ReceiveLock;
    KDPC LinkDpc;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
KDEFERRED_ROUTINE LinkDpc;

// The driver's register helpers: they touch the device, not the extension.
static ULONG ReadRegister(PDEVICE_EXTENSION DevExt, ULONG Register)
{
    return READ_REGISTER_ULONG(DevExt->Registers + Register);
}

static VOID WriteRegister(PDEVICE_EXTENSION DevExt, ULONG Register, ULONG Value)
{
    WRITE_REGISTER_ULONG(DevExt->Registers + Register, Value);
}

static VOID StopTransmitter(PDEVICE_EXTENSION DevExt) { WriteRegister(DevExt, 4, 0); }
static VOID StartTransmitter(PDEVICE_EXTENSION DevExt) { WriteRegister(DevExt, 4, 1); }
static VOID StopReceiver(PDEVICE_EXTENSION DevExt) { WriteRegister(DevExt, 5, 0); }
static VOID StartReceiver(PDEVICE_EXTENSION DevExt) { WriteRegister(DevExt, 5, 1); }

static VOID SetDuplex(PDEVICE_EXTENSION DevExt, BOOLEAN Full)
{
    ULONG Value = ReadRegister(DevExt, 6);

    WriteRegister(DevExt, 6, Full ? (Value | 1) : (Value & ~1u));
}

static VOID UpdateLink(PDEVICE_EXTENSION DevExt)
{
    BOOLEAN RestartTransmitter = FALSE, RestartReceiver = FALSE;

    if (DevExt->Flags & ADAPTER_ACTIVE) {
        KeAcquireSpinLockAtDpcLevel(&DevExt->SendLock);
        KeAcquireSpinLockAtDpcLevel(&DevExt->ReceiveLock);
    }
    if (ReadRegister(DevExt, 1) & 1) {
        RestartTransmitter = TRUE;
        StopTransmitter(DevExt);
    }
    if (ReadRegister(DevExt, 2) & 1) {
        RestartReceiver = TRUE;
        StopReceiver(DevExt);
    }
    if (DevExt->FullDuplex)
        SetDuplex(DevExt, TRUE);
    if (DevExt->PauseFrames)
        WriteRegister(DevExt, 8, 1);
    if (DevExt->Gigabit)
        WriteRegister(DevExt, 9, 1);
    if (RestartTransmitter)
        StartTransmitter(DevExt);
    if (RestartReceiver)
        StartReceiver(DevExt);
    if (!DevExt->FullDuplex)
        SetDuplex(DevExt, FALSE);
    if (!DevExt->PauseFrames)
        WriteRegister(DevExt, 8, 0);
    if (!DevExt->Gigabit)
        WriteRegister(DevExt, 9, 0);
    if (DevExt->Flags & ADAPTER_ACTIVE) {
        KeReleaseSpinLockFromDpcLevel(&DevExt->ReceiveLock);
    }
}

VOID LinkDpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2)
{
    PDEVICE_EXTENSION DevExt = DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    UpdateLink(DevExt);
} // CHECK: .c:[[@LINE]]:1: error: [SpinLockDpc] The KDEFERRED_ROUTINE routine 'LinkDpc' has returned without releasing the spinlock 'DevExt->SendLock'.

PDEVICE_EXTENSION g_DevExt;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeDpc(&g_DevExt->LinkDpc, LinkDpc, g_DevExt);
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (1 defect, 2 entry routines)
