// Roles, interfaces: a bus driver answers IRP_MN_QUERY_INTERFACE with two
// interfaces of its own, one that repeats INTERFACE's fields and one that
// embeds an INTERFACE as its first member; other drivers call every routine
// in them. Each releases the bus lock on every path.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <wdm.h>

typedef struct _BUS_DATA {
    KSPIN_LOCK Lock;
    LONG References;
    ULONG ChildPresent;
    ULONG Status;
    ULONG Resets;
} BUS_DATA, *PBUS_DATA;

BUS_DATA g_Bus;

typedef ULONG NTAPI GET_CHILD_STATUS(PVOID Context);
typedef VOID NTAPI RESET_CHILD(PVOID Context);

// Repeats INTERFACE's fields, as the WDK's standard interfaces do.
typedef struct _CHILD_STATUS_INTERFACE {
    USHORT Size;
    USHORT Version;
    PVOID Context;
    PINTERFACE_REFERENCE InterfaceReference;
    PINTERFACE_DEREFERENCE InterfaceDereference;
    GET_CHILD_STATUS *GetChildStatus;
} CHILD_STATUS_INTERFACE, *PCHILD_STATUS_INTERFACE;

// Embeds the INTERFACE header.
typedef struct _CHILD_RESET_INTERFACE {
    INTERFACE Header;
    RESET_CHILD *ResetChild;
} CHILD_RESET_INTERFACE, *PCHILD_RESET_INTERFACE;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchPnp;

VOID NTAPI BusReference(PVOID Context)
{
    PBUS_DATA Bus = Context;
    InterlockedIncrement(&Bus->References);
}

VOID NTAPI BusDereference(PVOID Context)
{
    PBUS_DATA Bus = Context;
    InterlockedDecrement(&Bus->References);
}

ULONG NTAPI GetChildStatus(PVOID Context)
{
    PBUS_DATA Bus = Context;
    KIRQL Irql;
    ULONG Status;

    KeAcquireSpinLock(&Bus->Lock, &Irql);
    if (!Bus->ChildPresent) {
        KeReleaseSpinLock(&Bus->Lock, Irql);
        return 0;
    }
    Status = Bus->Status;
    KeReleaseSpinLock(&Bus->Lock, Irql);
    return Status;
}

VOID NTAPI ResetChild(PVOID Context)
{
    PBUS_DATA Bus = Context;
    KIRQL Irql;

    KeAcquireSpinLock(&Bus->Lock, &Irql);
    Bus->Resets++;
    KeReleaseSpinLock(&Bus->Lock, Irql);
}

static NTSTATUS QueryInterface(PIO_STACK_LOCATION Stack)
{
    if (Stack->Parameters.QueryInterface.Version == 1) {
        PCHILD_STATUS_INTERFACE If =
            (PCHILD_STATUS_INTERFACE)Stack->Parameters.QueryInterface.Interface;
        If->Size = sizeof(*If);
        If->Version = 1;
        If->Context = &g_Bus;
        If->InterfaceReference = BusReference;
        If->InterfaceDereference = BusDereference;
        If->GetChildStatus = GetChildStatus;
        BusReference(&g_Bus);
        return STATUS_SUCCESS;
    }
    if (Stack->Parameters.QueryInterface.Version == 2) {
        PCHILD_RESET_INTERFACE If =
            (PCHILD_RESET_INTERFACE)Stack->Parameters.QueryInterface.Interface;
        If->Header.Size = sizeof(*If);
        If->Header.Version = 2;
        If->Header.Context = &g_Bus;
        If->Header.InterfaceReference = BusReference;
        If->Header.InterfaceDereference = BusDereference;
        If->ResetChild = ResetChild;
        BusReference(&g_Bus);
        return STATUS_SUCCESS;
    }
    return STATUS_NOT_SUPPORTED;
}

NTSTATUS DispatchPnp(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status = Irp->IoStatus.Status;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (Stack->MinorFunction == IRP_MN_QUERY_INTERFACE)
        Status = QueryInterface(Stack);
    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&g_Bus.Lock);
    DriverObject->MajorFunction[IRP_MJ_PNP] = DispatchPnp;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Pass (0 defects, 6 entry routines)
// ROLES-DAG: BusDereference INTERFACE_DEREFERENCE stored into CHILD_STATUS_INTERFACE.InterfaceDereference
// ROLES-DAG: BusReference INTERFACE_REFERENCE stored into {{CHILD_STATUS_INTERFACE|INTERFACE}}.InterfaceReference
// ROLES-DAG: GetChildStatus INTERFACE_ROUTINE stored into CHILD_STATUS_INTERFACE.GetChildStatus
// ROLES-DAG: ResetChild INTERFACE_ROUTINE stored into CHILD_RESET_INTERFACE.ResetChild
