// One mistake, one report: DispatchRead takes the lock and three error
// paths return without releasing it; that is one defect at the first return,
// listing the other two. A second lock leaked at another return (acquired
// elsewhere) is a defect of its own, and so is the same leak in another
// entry routine (DispatchWrite).
// RUN: %cc64 %s -o %t.bc
// RUN: not %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=also:
// RUN: %cc86 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=also:
// RUN: not %sdv check --format json -o %t.json %t.bc
// RUN: %validate-sarif %json-schema %t.json | FileCheck --check-prefix=VALID %s
// RUN: %python -c "import json,sys; print('\n'.join('%%s %%s' %% (d['location']['line'], [(r['kind'], r['location']['line']) for r in d.get('returns', [])]) for d in json.load(open(sys.argv[1]))['defects']))" %t.json | FileCheck --check-prefix=JSON %s
// RUN: not %sdv check --format sarif -o %t.sarif %t.bc
// RUN: %validate-sarif %sarif-schema %t.sarif | FileCheck --check-prefix=SARIFVALID %s
// RUN: %python -c "import json,sys; print('\n'.join('%%s %%s' %% (r['locations'][0]['physicalLocation']['region']['startLine'], [l['physicalLocation']['region']['startLine'] for l in r['relatedLocations'] if l['id'] > 2]) for r in json.load(open(sys.argv[1]))['runs'][0]['results']))" %t.sarif | FileCheck --check-prefix=SARIF %s
// RUN: rm -rf %t.html && not %sdv check --format html -o %t.html %t.bc
// RUN: FileCheck --check-prefix=HTML %s < %t.html/defect-1.html
// RUN: %variants %s
#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    KSPIN_LOCK StatsLock;
    LIST_ENTRY Queue;
    ULONG Count;
    BOOLEAN Stopped;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchRead;
DRIVER_DISPATCH DispatchWrite;

static NTSTATUS Complete(PIRP Irp, NTSTATUS Status)
{
    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

static void TakeLock(PDEVICE_EXTENSION DevExt, PKIRQL Irql)
{
    KeAcquireSpinLock(&DevExt->Lock, Irql);
}

NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    KIRQL Irql;

    TakeLock(DevExt, &Irql);
    if (DevExt->Stopped)
        return Complete(Irp, STATUS_DEVICE_NOT_READY); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the spinlock 'DevExt->Lock'.
    if (IsListEmpty(&DevExt->Queue))
        return Complete(Irp, STATUS_NO_MORE_ENTRIES); // CHECK: .c:[[@LINE]]:9: note: also: 'DispatchRead' returns here with 'DevExt->Lock' held
    if (Stack->Parameters.Read.Length == 0)
        return Complete(Irp, STATUS_INVALID_PARAMETER); // CHECK: .c:[[@LINE]]:9: note: also: 'DispatchRead' returns here with 'DevExt->Lock' held
    RemoveHeadList(&DevExt->Queue);
    KeReleaseSpinLock(&DevExt->Lock, Irql);

    KeAcquireSpinLock(&DevExt->StatsLock, &Irql);
    DevExt->Count++;
    if (DevExt->Count > 100)
        return Complete(Irp, STATUS_SUCCESS); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IRP_MJ_READ routine 'DispatchRead' has returned without releasing the spinlock 'DevExt->StatsLock'.
    KeReleaseSpinLock(&DevExt->StatsLock, Irql);
    return Complete(Irp, STATUS_SUCCESS);
}

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    TakeLock(DevExt, &Irql);
    if (DevExt->Stopped)
        return Complete(Irp, STATUS_DEVICE_NOT_READY); // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The IRP_MJ_WRITE routine 'DispatchWrite' has returned without releasing the spinlock 'DevExt->Lock'.
    if (IsListEmpty(&DevExt->Queue))
        return Complete(Irp, STATUS_NO_MORE_ENTRIES); // CHECK: .c:[[@LINE]]:9: note: also: 'DispatchWrite' returns here with 'DevExt->Lock' held
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    return Complete(Irp, STATUS_SUCCESS);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (3 defects, 3 entry routines)

// VALID: valid sdv-lite report, version 1
// SARIFVALID: valid SARIF 2.1.0
// JSON: 53 [('violation', 53), ('exit', 55), ('exit', 57)]
// JSON-NEXT: 64 [('violation', 64)]
// JSON-NEXT: 76 [('violation', 76), ('exit', 78)]
// SARIF: 53 [55, 57]
// SARIF-NEXT: 64 []
// SARIF-NEXT: 76 [78]
// HTML: <h2>Other returns that leak it</h2>
// HTML-NEXT: <ul>
// HTML-NEXT: data-line="f0-55"{{.*}}also: &#39;DispatchRead&#39; returns here with &#39;DevExt-&gt;Lock&#39; held</li>
// HTML-NEXT: data-line="f0-57"{{.*}}also: &#39;DispatchRead&#39; returns here
// HTML-NEXT: </ul>
