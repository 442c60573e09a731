// An NDIS 6 miniport: its handlers are registered through
// NDIS_MINIPORT_DRIVER_CHARACTERISTICS, its interrupt DPC through
// NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS, its watchdog through
// NDIS_TIMER_CHARACTERISTICS. NDIS calls each as an entry routine. The send
// handler releases the send lock on both paths.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <ndis.h>

typedef struct _ADAPTER {
    KSPIN_LOCK SendLock;
    KSPIN_LOCK RecvLock;
    BOOLEAN Paused;
    ULONG Sent;
    ULONG Received;
    NDIS_HANDLE Timer;
} ADAPTER, *PADAPTER;

MINIPORT_SEND_NET_BUFFER_LISTS SendNbls;
MINIPORT_INTERRUPT_DPC InterruptDpc;
MINIPORT_HALT Halt;
MINIPORT_INITIALIZE Initialize;
NDIS_TIMER_FUNCTION Watchdog;

// ROLES-DAG: SendNbls MINIPORT_SEND_NET_BUFFER_LISTS stored into NDIS_MINIPORT_DRIVER_CHARACTERISTICS.SendNetBufferListsHandler
VOID SendNbls(NDIS_HANDLE Context, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG Flags)
{
    PADAPTER Adapter = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Nbls);
    UNREFERENCED_PARAMETER(Port);
    UNREFERENCED_PARAMETER(Flags);
    KeAcquireSpinLock(&Adapter->SendLock, &Irql);
    if (Adapter->Paused) {
        KeReleaseSpinLock(&Adapter->SendLock, Irql);
        return;
    }
    Adapter->Sent++;
    KeReleaseSpinLock(&Adapter->SendLock, Irql);
}

// ROLES-DAG: InterruptDpc MINIPORT_INTERRUPT_DPC stored into NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS.InterruptDpcHandler
VOID InterruptDpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID Throttle, PVOID Reserved)
{
    PADAPTER Adapter = Context;

    UNREFERENCED_PARAMETER(DpcContext);
    UNREFERENCED_PARAMETER(Throttle);
    UNREFERENCED_PARAMETER(Reserved);
    KeAcquireSpinLockAtDpcLevel(&Adapter->RecvLock);
    Adapter->Received++;
    KeReleaseSpinLockFromDpcLevel(&Adapter->RecvLock);
}

// ROLES-DAG: Watchdog NDIS_TIMER_FUNCTION stored into NDIS_TIMER_CHARACTERISTICS.TimerFunction
VOID Watchdog(PVOID S1, PVOID Context, PVOID S2, PVOID S3)
{
    PADAPTER Adapter = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(S1);
    UNREFERENCED_PARAMETER(S2);
    UNREFERENCED_PARAMETER(S3);
    KeAcquireSpinLock(&Adapter->SendLock, &Irql);
    Adapter->Sent = 0;
    KeReleaseSpinLock(&Adapter->SendLock, Irql);
}

// ROLES-DAG: Halt MINIPORT_HALT stored into NDIS_MINIPORT_DRIVER_CHARACTERISTICS.HaltHandlerEx
VOID Halt(NDIS_HANDLE Context, ULONG Action)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Action);
}

// ROLES-DAG: Initialize MINIPORT_INITIALIZE stored into NDIS_MINIPORT_DRIVER_CHARACTERISTICS.InitializeHandlerEx
NDIS_STATUS Initialize(NDIS_HANDLE Handle, NDIS_HANDLE DriverContext, PVOID Parameters)
{
    static ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Interrupt;
    NDIS_TIMER_CHARACTERISTICS Timer;
    NDIS_HANDLE InterruptHandle;

    UNREFERENCED_PARAMETER(DriverContext);
    UNREFERENCED_PARAMETER(Parameters);
    KeInitializeSpinLock(&Adapter.SendLock);
    KeInitializeSpinLock(&Adapter.RecvLock);
    RtlZeroMemory(&Interrupt, sizeof(Interrupt));
    Interrupt.InterruptDpcHandler = InterruptDpc;
    if (NdisMRegisterInterruptEx(Handle, &Adapter, &Interrupt, &InterruptHandle) != NDIS_STATUS_SUCCESS)
        return NDIS_STATUS_FAILURE;
    RtlZeroMemory(&Timer, sizeof(Timer));
    Timer.TimerFunction = Watchdog;
    Timer.FunctionContext = &Adapter;
    return NdisAllocateTimerObject(Handle, &Timer, &Adapter.Timer);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NDIS_HANDLE Handle;

    RtlZeroMemory(&Chars, sizeof(Chars));
    Chars.MajorNdisVersion = 6;
    Chars.InitializeHandlerEx = Initialize;
    Chars.HaltHandlerEx = Halt;
    Chars.SendNetBufferListsHandler = SendNbls;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &Handle);
}

// CHECK: SpinLockDpc: Pass (0 defects, 6 entry routines)
