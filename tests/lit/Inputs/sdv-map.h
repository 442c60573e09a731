// Role map in the reference tool's format.
#ifndef SDV_MAP_H
#define SDV_MAP_H
/* several routines of one role are numbered */
#define fun_IRP_MJ_READ HiddenRead
#define fun_DRIVER_CANCEL_1 HiddenCancel
#define fun_DriverUnload NotInThisDriver
#define SOMETHING_ELSE 1
#endif
