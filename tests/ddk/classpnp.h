/*
 * classpnp.h - sdv-lite's model of the storage class driver library.
 *
 * Written for sdv-lite's tests from the public classpnp documentation (the
 * CLASS_INIT_DATA, CLASS_DEV_INFO and CLASS_WMI_INFO tables a class driver
 * hands to ClassInitialize: names, field order and the callbacks' types);
 * not the WDK header. Types the tests do not use are opaque.
 */
#ifndef SDV_DDK_CLASSPNP_H
#define SDV_DDK_CLASSPNP_H

#include <wdm.h>

struct _SCSI_REQUEST_BLOCK;
struct _DEVICE_CAPABILITIES;
typedef ULONG DEVICE_TYPE;
typedef int BUS_QUERY_ID_TYPE;

typedef VOID NTAPI CLASS_ERROR(PDEVICE_OBJECT DeviceObject, struct _SCSI_REQUEST_BLOCK *Srb,
                               NTSTATUS *Status, BOOLEAN *Retry);
typedef NTSTATUS NTAPI CLASS_READ_WRITE(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef NTSTATUS NTAPI CLASS_DEVICE_CONTROL(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef NTSTATUS NTAPI CLASS_SHUTDOWN_FLUSH(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef NTSTATUS NTAPI CLASS_CREATE_CLOSE(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef NTSTATUS NTAPI CLASS_INIT_DEVICE(PDEVICE_OBJECT DeviceObject);
typedef NTSTATUS NTAPI CLASS_START_DEVICE(PDEVICE_OBJECT DeviceObject);
typedef NTSTATUS NTAPI CLASS_POWER_DEVICE(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef NTSTATUS NTAPI CLASS_STOP_DEVICE(PDEVICE_OBJECT DeviceObject, UCHAR Type);
typedef NTSTATUS NTAPI CLASS_REMOVE_DEVICE(PDEVICE_OBJECT DeviceObject, UCHAR Type);
typedef NTSTATUS NTAPI CLASS_QUERY_PNP_CAPABILITIES(PDEVICE_OBJECT DeviceObject,
                                                   struct _DEVICE_CAPABILITIES *Capabilities);
typedef NTSTATUS NTAPI CLASS_ADD_DEVICE(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT Pdo);
typedef NTSTATUS NTAPI CLASS_ENUM_DEVICE(PDEVICE_OBJECT DeviceObject);
typedef NTSTATUS NTAPI CLASS_QUERY_ID(PDEVICE_OBJECT DeviceObject, BUS_QUERY_ID_TYPE IdType,
                                      PUNICODE_STRING IdString);
typedef VOID NTAPI CLASS_UNLOAD(PDRIVER_OBJECT DriverObject);
typedef VOID NTAPI CLASS_TICK(PDEVICE_OBJECT DeviceObject);
typedef NTSTATUS NTAPI CLASS_QUERY_WMI_REGINFO(PDEVICE_OBJECT DeviceObject, ULONG *RegFlags,
                                               PUNICODE_STRING Name);
typedef NTSTATUS NTAPI CLASS_QUERY_WMI_DATABLOCK(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                                                 ULONG GuidIndex, ULONG BufferAvail,
                                                 PUCHAR Buffer);
typedef NTSTATUS NTAPI CLASS_SET_WMI_DATABLOCK(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                                               ULONG GuidIndex, ULONG BufferSize,
                                               PUCHAR Buffer);
typedef NTSTATUS NTAPI CLASS_SET_WMI_DATAITEM(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                                              ULONG GuidIndex, ULONG DataItemId,
                                              ULONG BufferSize, PUCHAR Buffer);
typedef NTSTATUS NTAPI CLASS_EXECUTE_WMI_METHOD(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                                                ULONG GuidIndex, ULONG MethodId,
                                                ULONG InBufferSize, ULONG OutBufferSize,
                                                PUCHAR Buffer);
typedef NTSTATUS NTAPI CLASS_WMI_FUNCTION_CONTROL(PDEVICE_OBJECT DeviceObject, PIRP Irp,
                                                  ULONG GuidIndex, int Function,
                                                  BOOLEAN Enable);

typedef struct _CLASS_WMI_INFO {
    ULONG GuidCount;
    PVOID GuidRegInfo;
    CLASS_QUERY_WMI_REGINFO *ClassQueryWmiRegInfo;
    CLASS_QUERY_WMI_DATABLOCK *ClassQueryWmiDataBlock;
    CLASS_SET_WMI_DATABLOCK *ClassSetWmiDataBlock;
    CLASS_SET_WMI_DATAITEM *ClassSetWmiDataItem;
    CLASS_EXECUTE_WMI_METHOD *ClassExecuteWmiMethod;
    CLASS_WMI_FUNCTION_CONTROL *ClassWmiFunctionControl;
} CLASS_WMI_INFO, *PCLASS_WMI_INFO;

typedef struct _CLASS_DEV_INFO {
    ULONG DeviceExtensionSize;
    DEVICE_TYPE DeviceType;
    UCHAR StackSize;
    ULONG DeviceCharacteristics;
    CLASS_ERROR *ClassError;
    CLASS_READ_WRITE *ClassReadWriteVerification;
    CLASS_DEVICE_CONTROL *ClassDeviceControl;
    CLASS_SHUTDOWN_FLUSH *ClassShutdownFlush;
    CLASS_CREATE_CLOSE *ClassCreateClose;
    CLASS_INIT_DEVICE *ClassInitDevice;
    CLASS_START_DEVICE *ClassStartDevice;
    CLASS_POWER_DEVICE *ClassPowerDevice;
    CLASS_STOP_DEVICE *ClassStopDevice;
    CLASS_REMOVE_DEVICE *ClassRemoveDevice;
    CLASS_QUERY_PNP_CAPABILITIES *ClassQueryPnpCapabilities;
    CLASS_WMI_INFO ClassWmiInfo;
} CLASS_DEV_INFO, *PCLASS_DEV_INFO;

typedef struct _CLASS_INIT_DATA {
    ULONG InitializationDataSize;
    CLASS_DEV_INFO FdoData;
    CLASS_DEV_INFO PdoData;
    CLASS_ADD_DEVICE *ClassAddDevice;
    CLASS_ENUM_DEVICE *ClassEnumerateDevice;
    CLASS_QUERY_ID *ClassQueryId;
    PDRIVER_STARTIO ClassStartIo;
    CLASS_UNLOAD *ClassUnload;
    CLASS_TICK *ClassTick;
} CLASS_INIT_DATA, *PCLASS_INIT_DATA;

ULONG NTAPI ClassInitialize(PVOID Argument1, PVOID Argument2,
                            PCLASS_INIT_DATA InitializationData);
NTSTATUS NTAPI ClassIoComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context);
VOID NTAPI ClassCompleteRequest(PDEVICE_OBJECT DeviceObject, PIRP Irp, CCHAR PriorityBoost);

#endif /* SDV_DDK_CLASSPNP_H */
