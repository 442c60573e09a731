/* Role map: several roles, numbered routines, comments and other macros. */
#pragma once
#define fun_DriverEntry DriverEntry
#define fun_HW_STARTIO MyStartIo // trailing comment
#define fun_IRP_MJ_READ MyRead
#define  fun_DRIVER_CANCEL_1   MyCancel
#define fun_DRIVER_CANCEL_2 NotDefinedHere
#define fun_KDEFERRED_ROUTINE MyDpc /* block
comment */
#define OTHER_MACRO 42
