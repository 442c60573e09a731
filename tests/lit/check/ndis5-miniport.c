// An NDIS 5 miniport: its handlers are fields of NDIS_MINIPORT_CHARACTERISTICS
// handed to NdisMRegisterMiniport, its timer routine is passed to
// NdisMInitializeTimer, a work item routine is stored by the
// NdisInitializeWorkItem macro, a shutdown handler is registered by call.
// The interrupt handler (HandleInterruptHandler, the miniport's DPC) takes
// the receive lock and returns with it held when the ring is empty.
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t86.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <ndis.h>

typedef struct _ADAPTER {
    KSPIN_LOCK RecvLock;
    ULONG Pending;
    NDIS_MINIPORT_TIMER Timer;
    NDIS_WORK_ITEM Reset;
} ADAPTER, *PADAPTER;

ADAPTER g_Adapter;

// ROLES-DAG: HandleInterrupt W_HANDLE_INTERRUPT_HANDLER stored into NDIS_MINIPORT_CHARACTERISTICS.HandleInterruptHandler
static VOID NTAPI HandleInterrupt(NDIS_HANDLE Context)
{
    PADAPTER Adapter = Context;

    KeAcquireSpinLockAtDpcLevel(&Adapter->RecvLock);
    if (Adapter->Pending == 0) {
        return; // CHECK: ndis5-miniport.c:[[@LINE]]:9: error: [SpinLockDpc] The W_HANDLE_INTERRUPT_HANDLER routine 'HandleInterrupt' has returned without releasing the spinlock 'Adapter->RecvLock'.
    }
    Adapter->Pending--;
    KeReleaseSpinLockFromDpcLevel(&Adapter->RecvLock);
}

// ROLES-DAG: Poll NDIS_TIMER_FUNCTION passed to NdisMInitializeTimer
static VOID NTAPI Poll(PVOID S1, PVOID Context, PVOID S2, PVOID S3)
{
    PADAPTER Adapter = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(S1);
    UNREFERENCED_PARAMETER(S2);
    UNREFERENCED_PARAMETER(S3);
    KeAcquireSpinLock(&Adapter->RecvLock, &Irql);
    Adapter->Pending = 0;
    KeReleaseSpinLock(&Adapter->RecvLock, Irql);
}

// ROLES-DAG: ResetWorker NDIS_PROC stored into NDIS_WORK_ITEM.Routine
static VOID NTAPI ResetWorker(struct _NDIS_WORK_ITEM *Item, PVOID Context)
{
    PADAPTER Adapter = Context;
    KIRQL Irql;

    UNREFERENCED_PARAMETER(Item);
    KeAcquireSpinLock(&Adapter->RecvLock, &Irql);
    Adapter->Pending = 0;
    KeReleaseSpinLock(&Adapter->RecvLock, Irql);
}

// ROLES-DAG: Shutdown ADAPTER_SHUTDOWN_HANDLER passed to NdisMRegisterAdapterShutdownHandler
static VOID NTAPI Shutdown(PVOID Context)
{
    PADAPTER Adapter = Context;
    KIRQL Irql;

    KeAcquireSpinLock(&Adapter->RecvLock, &Irql);
    Adapter->Pending = 0;
    KeReleaseSpinLock(&Adapter->RecvLock, Irql);
}

// ROLES-DAG: Initialize W_INITIALIZE_HANDLER stored into NDIS_MINIPORT_CHARACTERISTICS.InitializeHandler
static NDIS_STATUS NTAPI Initialize(PNDIS_STATUS OpenError, PUINT Selected, PVOID Media,
                                    UINT MediaSize, NDIS_HANDLE Handle, NDIS_HANDLE Config)
{
    UNREFERENCED_PARAMETER(OpenError);
    UNREFERENCED_PARAMETER(Media);
    UNREFERENCED_PARAMETER(MediaSize);
    UNREFERENCED_PARAMETER(Config);
    *Selected = 0;
    KeInitializeSpinLock(&g_Adapter.RecvLock);
    NdisMInitializeTimer(&g_Adapter.Timer, Handle, Poll, &g_Adapter);
    NdisInitializeWorkItem(&g_Adapter.Reset, ResetWorker, &g_Adapter);
    NdisMRegisterAdapterShutdownHandler(Handle, &g_Adapter, Shutdown);
    return NDIS_STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_CHARACTERISTICS Chars;
    NDIS_HANDLE Wrapper;

    NdisMInitializeWrapper(&Wrapper, DriverObject, RegistryPath, NULL);
    RtlZeroMemory(&Chars, sizeof(Chars));
    Chars.MajorNdisVersion = 5;
    Chars.InitializeHandler = Initialize;
    Chars.HandleInterruptHandler = HandleInterrupt;
    return NdisMRegisterMiniport(Wrapper, &Chars, sizeof(Chars));
}

// CHECK: SpinLockDpc: Defect (1 defect, 6 entry routines)
