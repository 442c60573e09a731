// Roles, class drivers: a disk class driver hands ClassInitialize a
// CLASS_INIT_DATA; the class library calls the routines of its FdoData (a
// CLASS_DEV_INFO, with a CLASS_WMI_INFO inside) and its own fields. Each
// releases the driver's lock on every path.
// RUN: %cc64 %s -o %t.bc
// RUN: %sdv check %t.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %cc86 %s -o %t86.bc
// RUN: %sdv check %t86.bc | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: %sdv roles %t.bc | FileCheck %s --check-prefix=ROLES
// RUN: %variants %s
#include <classpnp.h>

typedef struct _DISK_DATA {
    KSPIN_LOCK Lock;
    ULONG Requests;
    ULONG Idle;
} DISK_DATA, *PDISK_DATA;

DISK_DATA g_Disk;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS NTAPI DiskReadWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeAcquireSpinLock(&g_Disk.Lock, &Irql);
    g_Disk.Requests++;
    KeReleaseSpinLock(&g_Disk.Lock, Irql);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI DiskDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(DeviceObject);
    KeAcquireSpinLock(&g_Disk.Lock, &Irql);
    if (Irp->AssociatedIrp.SystemBuffer == NULL) {
        KeReleaseSpinLock(&g_Disk.Lock, Irql);
        return STATUS_INVALID_PARAMETER;
    }
    g_Disk.Requests++;
    KeReleaseSpinLock(&g_Disk.Lock, Irql);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI DiskQueryWmiDataBlock(PDEVICE_OBJECT DeviceObject, PIRP Irp, ULONG GuidIndex,
                                     ULONG BufferAvail, PUCHAR Buffer)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(GuidIndex);
    UNREFERENCED_PARAMETER(BufferAvail);
    KeAcquireSpinLock(&g_Disk.Lock, &Irql);
    Buffer[0] = (UCHAR)g_Disk.Requests;
    KeReleaseSpinLock(&g_Disk.Lock, Irql);
    return STATUS_SUCCESS;
}

VOID NTAPI DiskTick(PDEVICE_OBJECT DeviceObject)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(DeviceObject);
    KeAcquireSpinLock(&g_Disk.Lock, &Irql);
    if (g_Disk.Requests == 0) {
        g_Disk.Idle++;
        KeReleaseSpinLock(&g_Disk.Lock, Irql);
        return;
    }
    g_Disk.Requests = 0;
    KeReleaseSpinLock(&g_Disk.Lock, Irql);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    CLASS_INIT_DATA InitData;

    RtlZeroMemory(&InitData, sizeof(InitData));
    KeInitializeSpinLock(&g_Disk.Lock);
    InitData.InitializationDataSize = sizeof(CLASS_INIT_DATA);
    InitData.FdoData.ClassReadWriteVerification = DiskReadWrite;
    InitData.FdoData.ClassDeviceControl = DiskDeviceControl;
    InitData.FdoData.ClassWmiInfo.ClassQueryWmiDataBlock = DiskQueryWmiDataBlock;
    InitData.ClassTick = DiskTick;
    return ClassInitialize(DriverObject, RegistryPath, &InitData);
}

// CHECK: SpinLockDpc: Pass (0 defects, 5 entry routines)
// ROLES-DAG: DiskDeviceControl {{.*}}CLASS_DEVICE_CONTROL{{.*}}stored into CLASS_DEV_INFO.ClassDeviceControl
// ROLES-DAG: DiskQueryWmiDataBlock {{.*}}CLASS_QUERY_WMI_DATABLOCK{{.*}}stored into CLASS_WMI_INFO.ClassQueryWmiDataBlock
// ROLES-DAG: DiskReadWrite {{.*}}CLASS_READ_WRITE
// ROLES-DAG: DiskTick {{.*}}CLASS_TICK{{.*}}stored into CLASS_INIT_DATA.ClassTick
