// NdisSpinLock, buggy: NDIS spin locks through ndis.sys's exported functions
// (headers that do not turn them into KeAcquireSpinLock), one mistake per
// handler, in each shape (directly, through a helper and through two, in a
// loop, on an early return, a release without acquire, and in an interrupt
// DPC only its NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS registers). Two locks
// nested are fine. Safe twin: ndis-spinlock-safe.c.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %variants --opts O0,O2 %s
#include <ndis.h>

typedef struct _ADAPTER {
    NDIS_SPIN_LOCK SendLock;
    NDIS_SPIN_LOCK RecvLock;
    LIST_ENTRY SendQueue;
    ULONG Sent;
    NDIS_HANDLE InterruptHandle;
} ADAPTER, *PADAPTER;

ADAPTER g_Adapter;
NDIS_HANDLE g_DriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_SEND_NET_BUFFER_LISTS SendNbls;
MINIPORT_RETURN_NET_BUFFER_LISTS ReturnNbls;
MINIPORT_CANCEL_SEND CancelSend;
MINIPORT_CHECK_FOR_HANG CheckForHang;
MINIPORT_RESET Reset;
MINIPORT_SHUTDOWN Shutdown;
MINIPORT_PAUSE Pause;
MINIPORT_INTERRUPT_DPC InterruptDpc;
MINIPORT_ISR Isr;

// Direct.
VOID SendNbls(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists,
              NDIS_PORT_NUMBER PortNumber, ULONG SendFlags)
{
    PADAPTER Adapter = MiniportAdapterContext;

    UNREFERENCED_PARAMETER(NetBufferLists);
    UNREFERENCED_PARAMETER(PortNumber);
    UNREFERENCED_PARAMETER(SendFlags);
    NdisAcquireSpinLock(&Adapter->SendLock);
    Adapter->Sent++;
} // CHECK: ndis-spinlock.c:[[@LINE]]:1: error: [NdisSpinLock] The MINIPORT_SEND_NET_BUFFER_LISTS handler 'SendNbls' has returned without releasing the spinlock 'Adapter->SendLock'.

static VOID LockRecv(PADAPTER Adapter)
{
    NdisDprAcquireSpinLock(&Adapter->RecvLock);
}

static VOID UnlockRecv(PADAPTER Adapter)
{
    NdisDprReleaseSpinLock(&Adapter->RecvLock);
}

// Through a helper.
VOID ReturnNbls(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists,
                ULONG ReturnFlags)
{
    UNREFERENCED_PARAMETER(NetBufferLists);
    UNREFERENCED_PARAMETER(ReturnFlags);
    LockRecv(MiniportAdapterContext);
} // CHECK: ndis-spinlock.c:[[@LINE]]:1: error: [NdisSpinLock] The MINIPORT_RETURN_NET_BUFFER_LISTS handler 'ReturnNbls' has returned without releasing the spinlock 'MiniportAdapterContext->RecvLock'.

static VOID LockRecvAndCount(PADAPTER Adapter)
{
    LockRecv(Adapter);
    Adapter->Sent = 0;
}

// Through two helper levels.
VOID CancelSend(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId)
{
    PADAPTER Adapter = MiniportAdapterContext;

    UNREFERENCED_PARAMETER(CancelId);
    LockRecvAndCount(Adapter);
} // CHECK: ndis-spinlock.c:[[@LINE]]:1: error: [NdisSpinLock] The MINIPORT_CANCEL_SEND handler 'CancelSend' has returned without releasing the spinlock 'Adapter->RecvLock'.

// In a loop: `continue` skips the release.
VOID Shutdown(NDIS_HANDLE MiniportAdapterContext, ULONG ShutdownAction)
{
    PADAPTER Adapter = MiniportAdapterContext;
    PLIST_ENTRY Entry;

    UNREFERENCED_PARAMETER(ShutdownAction);
    while (!IsListEmpty(&Adapter->SendQueue)) {
        NdisAcquireSpinLock(&Adapter->SendLock); // CHECK: ndis-spinlock.c:[[@LINE]]:9: error: [NdisSpinLock] The driver is calling NdisAcquireSpinLock after already acquiring the spinlock 'Adapter->SendLock'.
        Entry = RemoveHeadList(&Adapter->SendQueue);
        if (Entry == &Adapter->SendQueue) {
            continue;
        }
        Adapter->Sent--;
        NdisReleaseSpinLock(&Adapter->SendLock);
    }
} // CHECK: ndis-spinlock.c:[[@LINE]]:1: error: [NdisSpinLock] The MINIPORT_SHUTDOWN handler 'Shutdown' has returned without releasing the spinlock 'Adapter->SendLock'.

// An early return.
BOOLEAN CheckForHang(NDIS_HANDLE MiniportAdapterContext)
{
    PADAPTER Adapter = MiniportAdapterContext;

    NdisAcquireSpinLock(&Adapter->SendLock);
    if (Adapter->Sent == 0) {
        return TRUE; // CHECK: ndis-spinlock.c:[[@LINE]]:9: error: [NdisSpinLock] The MINIPORT_CHECK_FOR_HANG handler 'CheckForHang' has returned without releasing the spinlock 'Adapter->SendLock'.
    }
    NdisReleaseSpinLock(&Adapter->SendLock);
    return FALSE;
}

// A release without acquire.
NDIS_STATUS Reset(NDIS_HANDLE MiniportAdapterContext, PBOOLEAN AddressingReset)
{
    PADAPTER Adapter = MiniportAdapterContext;

    *AddressingReset = FALSE;
    NdisReleaseSpinLock(&Adapter->SendLock); // CHECK: ndis-spinlock.c:[[@LINE]]:5: error: [NdisSpinLock] The driver is calling NdisReleaseSpinLock without first acquiring the spinlock 'Adapter->SendLock'.
    return NDIS_STATUS_SUCCESS;
}

// Two locks nested: fine.
NDIS_STATUS Pause(NDIS_HANDLE MiniportAdapterContext, PVOID Parameters)
{
    PADAPTER Adapter = MiniportAdapterContext;

    UNREFERENCED_PARAMETER(Parameters);
    NdisAcquireSpinLock(&Adapter->SendLock);
    NdisDprAcquireSpinLock(&Adapter->RecvLock);
    Adapter->Sent = 0;
    NdisDprReleaseSpinLock(&Adapter->RecvLock);
    NdisReleaseSpinLock(&Adapter->SendLock);
    return NDIS_STATUS_SUCCESS;
}

BOOLEAN Isr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc,
            PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

// Registered only by its interrupt characteristics.
VOID InterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                  PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    PADAPTER Adapter = MiniportInterruptContext;

    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
    LockRecv(Adapter);
    if (Adapter->Sent != 0) {
        return; // CHECK: ndis-spinlock.c:[[@LINE]]:9: error: [NdisSpinLock] The MINIPORT_INTERRUPT_DPC handler 'InterruptDpc' has returned without releasing the spinlock 'Adapter->RecvLock'.
    }
    UnlockRecv(Adapter);
}

NDIS_STATUS RegisterInterrupt(NDIS_HANDLE MiniportAdapterHandle, PADAPTER Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Chars;

    RtlZeroMemory(&Chars, sizeof(Chars));
    Chars.InterruptHandler = Isr;
    Chars.InterruptDpcHandler = InterruptDpc;
    return NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Chars,
                                    &Adapter->InterruptHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisAllocateSpinLock(&g_Adapter.SendLock);
    NdisAllocateSpinLock(&g_Adapter.RecvLock);
    RtlZeroMemory(&Chars, sizeof(Chars));
    Chars.SendNetBufferListsHandler = SendNbls;
    Chars.ReturnNetBufferListsHandler = ReturnNbls;
    Chars.CancelSendHandler = CancelSend;
    Chars.CheckForHangHandlerEx = CheckForHang;
    Chars.ResetHandlerEx = Reset;
    Chars.ShutdownHandlerEx = Shutdown;
    Chars.PauseHandler = Pause;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars,
                                       &g_DriverHandle);
}

// CHECK: NdisSpinLock: Defect (8 defects, 10 entry routines)
