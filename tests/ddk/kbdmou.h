/*
 * kbdmou.h - sdv-lite's model of the keyboard and mouse port interface.
 *
 * Written for sdv-lite's tests from the public documentation of the
 * keyboard and mouse class drivers' connect requests (CONNECT_DATA, the
 * class service callback's type, KEYBOARD_INPUT_DATA); not the WDK header.
 */
#ifndef SDV_DDK_KBDMOU_H
#define SDV_DDK_KBDMOU_H

#include <wdm.h>

#define FILE_DEVICE_KEYBOARD 0x0000000b
#define FILE_DEVICE_MOUSE    0x0000000f
#define IOCTL_INTERNAL_KEYBOARD_CONNECT \
    CTL_CODE(FILE_DEVICE_KEYBOARD, 0x0080, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_INTERNAL_MOUSE_CONNECT \
    CTL_CODE(FILE_DEVICE_MOUSE, 0x0080, METHOD_NEITHER, FILE_ANY_ACCESS)

typedef VOID NTAPI SERVICE_CALLBACK_ROUTINE(PVOID NormalContext, PVOID SystemArgument1,
                                            PVOID SystemArgument2, PVOID SystemArgument3);
typedef SERVICE_CALLBACK_ROUTINE *PSERVICE_CALLBACK_ROUTINE;

typedef struct _CONNECT_DATA {
    PDEVICE_OBJECT ClassDeviceObject;
    PVOID ClassService;
} CONNECT_DATA, *PCONNECT_DATA;

typedef struct _KEYBOARD_INPUT_DATA {
    USHORT UnitId;
    USHORT MakeCode;
    USHORT Flags;
    USHORT Reserved;
    ULONG ExtraInformation;
} KEYBOARD_INPUT_DATA, *PKEYBOARD_INPUT_DATA;

#endif /* SDV_DDK_KBDMOU_H */
