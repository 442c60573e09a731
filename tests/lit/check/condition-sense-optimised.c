// Branch notes say the side of the condition as the source writes it, at
// every optimisation level: the optimiser tests `x & K` as `(x & K) == 0`,
// `x <= 4` as `x < 5`, `!(x > 4)` as `x < 5` and `4 < x` as `x > 4`, with
// the successors swapped where the sense flips; the note undoes each. Where
// the IR's test cannot be matched with the source's (`x >= 1` tested as
// `x != 0`, true only for unsigned x), the note names the condition and its
// line, not a side. Each routine leaks the lock on one side of its `if`.
// RUN: %cc64 %s -o %t0.bc
// RUN: not %sdv check %t0.bc | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=error: --implicit-check-not=" branch" --implicit-check-not=following
// RUN: %cc64 -O1 %s -o %t1.bc
// RUN: not %sdv check %t1.bc | FileCheck %s --check-prefixes=CHECK,OPT --implicit-check-not=error: --implicit-check-not=" branch" --implicit-check-not=following
// RUN: %cc64 -O2 %s -o %t2.bc
// RUN: not %sdv check %t2.bc | FileCheck %s --check-prefixes=CHECK,OPT --implicit-check-not=error: --implicit-check-not=" branch" --implicit-check-not=following
// RUN: %cc86 -O2 %s -o %t86.bc
// RUN: not %sdv check %t86.bc | FileCheck %s --check-prefixes=CHECK,OPT --implicit-check-not=error: --implicit-check-not=" branch" --implicit-check-not=following
// JSON and SARIF leave the side out where it is not known.
// RUN: not %sdv check --format json -o %t.json %t2.bc
// RUN: %validate-sarif %json-schema %t.json | FileCheck --check-prefix=VALID %s
// RUN: %python -c "import json,sys; [print(s['message'], s.get('takesTrue')) for d in json.load(open(sys.argv[1]))['defects'] for s in d['trace'] if s['kind'] == 'branch']" %t.json | FileCheck --check-prefix=JSON %s
// RUN: not %sdv check --format sarif -o %t.sarif %t2.bc
// RUN: %validate-sarif %sarif-schema %t.sarif | FileCheck --check-prefix=SARIFVALID %s
// RUN: %python -c "import json,sys; [print(l['kinds']) for r in json.load(open(sys.argv[1]))['runs'][0]['results'] for l in r['codeFlows'][0]['threadFlows'][0]['locations'] if 'branch' in l['kinds']]" %t.sarif | FileCheck --check-prefix=SARIF %s
// RUN: %variants %s
#include <wdm.h>

#define NOTIFY_NEEDED 0x4
#define LIMIT 8

typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Flags;
    ULONG Count;
    LONG Level;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;

DRIVER_DISPATCH Mask, MaskClear, Above, AtMost, AtMostElse, NotAbove, ConstantFirst, ConstantFirstElse, Macro, NonZero;

__declspec(noinline) VOID Notify(PDEVICE_EXTENSION DevExt) { DevExt->Count = 0; }

NTSTATUS Mask(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Flags & NOTIFY_NEEDED) {
        Notify(DevExt);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_PENDING; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'Mask' has returned
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
    // CHECK: .c:[[@LINE-8]]:9: note: taking the true branch: `DevExt->Flags & NOTIFY_NEEDED`
}

NTSTATUS MaskClear(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Flags & NOTIFY_NEEDED) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_SUCCESS;
    }
    Notify(DevExt);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_PENDING; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'MaskClear' has returned
    // CHECK: .c:[[@LINE-8]]:9: note: taking the false branch: `DevExt->Flags & NOTIFY_NEEDED`
}

NTSTATUS Above(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Count > 4) {
        Notify(DevExt);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_PENDING; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'Above' has returned
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
    // CHECK: .c:[[@LINE-8]]:9: note: taking the true branch: `DevExt->Count > 4`
}

NTSTATUS AtMost(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Level <= 4) {
        Notify(DevExt);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_PENDING; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'AtMost' has returned
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
    // CHECK: .c:[[@LINE-8]]:9: note: taking the true branch: `DevExt->Level <= 4`
}

NTSTATUS AtMostElse(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Level <= 4) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_SUCCESS;
    }
    Notify(DevExt);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_PENDING; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'AtMostElse' has returned
    // CHECK: .c:[[@LINE-8]]:9: note: taking the false branch: `DevExt->Level <= 4`
}

NTSTATUS NotAbove(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (!(DevExt->Level > 4)) {
        Notify(DevExt);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_PENDING; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'NotAbove' has returned
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
    // CHECK: .c:[[@LINE-8]]:9: note: taking the true branch: `!(DevExt->Level > 4)`
}

NTSTATUS ConstantFirst(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (4 < DevExt->Level) {
        Notify(DevExt);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_PENDING; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'ConstantFirst' has returned
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
    // CHECK: .c:[[@LINE-8]]:9: note: taking the true branch: `4 < DevExt->Level`
}

NTSTATUS ConstantFirstElse(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (4 < DevExt->Level) {
        KeReleaseSpinLock(&DevExt->Lock, Irql);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_SUCCESS;
    }
    Notify(DevExt);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_PENDING; // CHECK: .c:[[@LINE]]:5: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'ConstantFirstElse' has returned
    // CHECK: .c:[[@LINE-8]]:9: note: taking the false branch: `4 < DevExt->Level`
}

NTSTATUS Macro(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Count > LIMIT) {
        Notify(DevExt);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_PENDING; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'Macro' has returned
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
    // CHECK: .c:[[@LINE-8]]:9: note: taking the true branch: `DevExt->Count > LIMIT`
}

NTSTATUS NonZero(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION DevExt = DeviceObject->DeviceExtension;
    KIRQL Irql;

    KeAcquireSpinLock(&DevExt->Lock, &Irql);
    if (DevExt->Count >= 1) {
        Notify(DevExt);
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_PENDING; // CHECK: .c:[[@LINE]]:9: error: [SpinLockDpc] The {{IRP_MJ_[A-Z_]+}} routine 'NonZero' has returned
    }
    KeReleaseSpinLock(&DevExt->Lock, Irql);
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
    // O0: .c:[[@LINE-8]]:9: note: taking the true branch: `DevExt->Count >= 1`
    // OPT: .c:[[@LINE-9]]:9: note: following the condition at line 201: `DevExt->Count >= 1`
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_CREATE] = Mask;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = MaskClear;
    DriverObject->MajorFunction[IRP_MJ_READ] = Above;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = AtMost;
    DriverObject->MajorFunction[IRP_MJ_FLUSH_BUFFERS] = AtMostElse;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = NotAbove;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ConstantFirst;
    DriverObject->MajorFunction[IRP_MJ_SHUTDOWN] = ConstantFirstElse;
    DriverObject->MajorFunction[IRP_MJ_QUERY_INFORMATION] = Macro;
    DriverObject->MajorFunction[IRP_MJ_SET_INFORMATION] = NonZero;
    return STATUS_SUCCESS;
}

// CHECK: SpinLockDpc: Defect (10 defects, 11 entry routines)

// VALID: valid sdv-lite report, version 1
// SARIFVALID: valid SARIF 2.1.0
// JSON: taking the true branch: `DevExt->Flags & NOTIFY_NEEDED` True
// JSON-NEXT: taking the false branch: `DevExt->Flags & NOTIFY_NEEDED` False
// JSON-NEXT: taking the true branch: `DevExt->Count > 4` True
// JSON-NEXT: taking the true branch: `DevExt->Level <= 4` True
// JSON-NEXT: taking the false branch: `DevExt->Level <= 4` False
// JSON-NEXT: taking the true branch: `!(DevExt->Level > 4)` True
// JSON-NEXT: taking the true branch: `4 < DevExt->Level` True
// JSON-NEXT: taking the false branch: `4 < DevExt->Level` False
// JSON-NEXT: taking the true branch: `DevExt->Count > LIMIT` True
// JSON-NEXT: following the condition at line 201: `DevExt->Count >= 1` None
// SARIF: ['branch', 'true']
// SARIF-NEXT: ['branch', 'false']
// SARIF-NEXT: ['branch', 'true']
// SARIF-NEXT: ['branch', 'true']
// SARIF-NEXT: ['branch', 'false']
// SARIF-NEXT: ['branch', 'true']
// SARIF-NEXT: ['branch', 'true']
// SARIF-NEXT: ['branch', 'false']
// SARIF-NEXT: ['branch', 'true']
// SARIF-NEXT: ['branch']
