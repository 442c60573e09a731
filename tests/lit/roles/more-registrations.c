// Registration shapes seen in real drivers: a dispatch table filled in a
// loop (one GEP with a variable index at -O1, a separate array GEP at -O0,
// constant indexes once unrolled at -O2), a work item overlaid on another
// structure's reserved bytes, an I/O timer, a power IRP completion and a
// PnP notification callback.
// RUN: %cc64 %s -o %t0.bc
// RUN: %sdv roles %t0.bc | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %cc64 -O1 %s -o %t1.bc
// RUN: %sdv roles %t1.bc | FileCheck %s --check-prefixes=CHECK,O1
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv roles %t86.bc | FileCheck %s --check-prefixes=CHECK,O0
// Once clang itself folds the overlaid work item's address into a byte
// offset of the host structure (-O1 and up), the C type of the write is gone.
#include <wdm.h>

typedef struct _HOST {
    PVOID Context;
    UCHAR Reserved[8 * sizeof(PVOID)];
} HOST;

HOST Host;
PVOID Notification;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH Forward;
DRIVER_DISPATCH DispatchCreate;
WORKER_THREAD_ROUTINE Worker;
IO_TIMER_ROUTINE Tick;
REQUEST_POWER_COMPLETE PowerDone;

NTKERNELAPI NTSTATUS NTAPI IoRegisterPlugPlayNotification(
    int EventCategory, ULONG EventCategoryFlags, PVOID EventCategoryData,
    PDRIVER_OBJECT DriverObject, PVOID CallbackRoutine, PVOID Context,
    PVOID *NotificationEntry);
NTSTATUS NTAPI Notify(PVOID NotificationStructure, PVOID Context) { return STATUS_SUCCESS; }

NTSTATUS Forward(PDEVICE_OBJECT DeviceObject, PIRP Irp) { return STATUS_SUCCESS; }
NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp) { return STATUS_SUCCESS; }
VOID Worker(PVOID Parameter) {}
VOID Tick(PDEVICE_OBJECT DeviceObject, PVOID Context) {}
VOID PowerDone(PDEVICE_OBJECT DeviceObject, UCHAR MinorFunction, POWER_STATE PowerState,
               PVOID Context, PIO_STATUS_BLOCK IoStatus) {}

// CHECK:      DispatchCreate IRP_MJ_CREATE stored into DRIVER_OBJECT.MajorFunction[0]
// CHECK-NEXT: DriverEntry DRIVER_INITIALIZE by its name
// CHECK-NEXT: Forward {{DRIVER_DISPATCH|IRP_MJ_CREATE_NAMED_PIPE}} stored into DRIVER_OBJECT.MajorFunction
// CHECK:      Notify DRIVER_NOTIFICATION_CALLBACK_ROUTINE passed to IoRegisterPlugPlayNotification
// CHECK-NEXT: PowerDone REQUEST_POWER_COMPLETE passed to PoRequestPowerIrp
// CHECK-NEXT: Tick IO_TIMER_ROUTINE passed to IoInitializeTimer
// O0-NEXT:    Worker WORKER_THREAD_ROUTINE stored into WORK_QUEUE_ITEM.WorkerRoutine
// O0-NEXT:    7 entry routines
// O1-NEXT:    6 entry routines
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PWORK_QUEUE_ITEM Item = (PWORK_QUEUE_ITEM)Host.Reserved;
    POWER_STATE State;
    ULONG i;

    for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        DriverObject->MajorFunction[i] = Forward;
    DriverObject->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
    ExInitializeWorkItem(Item, Worker, NULL);
    ExQueueWorkItem(Item, DelayedWorkQueue);
    IoInitializeTimer(DriverObject->DeviceObject, Tick, NULL);
    State.DeviceState = PowerDeviceD0;
    PoRequestPowerIrp(DriverObject->DeviceObject, IRP_MN_SET_POWER, State, PowerDone, NULL, NULL);
    IoRegisterPlugPlayNotification(1, 0, NULL, DriverObject, Notify, NULL, &Notification);
    return STATUS_SUCCESS;
}
