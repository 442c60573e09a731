/*
 * ntddk.h - sdv-lite's model of the NT driver interface: everything in the
 * wdm.h model plus the few non-WDM routines the tests use. Written from the
 * public API documentation; not the WDK header.
 */
#ifndef SDV_DDK_NTDDK_H
#define SDV_DDK_NTDDK_H

#include <wdm.h>

NTKERNELAPI HANDLE NTAPI PsGetCurrentProcessId(VOID);
NTKERNELAPI HANDLE NTAPI PsGetCurrentThreadId(VOID);
NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumber(VOID);

#endif /* SDV_DDK_NTDDK_H */
