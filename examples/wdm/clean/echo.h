/*
 * echo.h - shared declarations of the sdv-lite example WDM driver ("echo"):
 * writes queue their IRP, a DPC completes them, reads return the number of
 * queued writes. Queued IRPs are cancellable.
 */
#ifndef ECHO_H
#define ECHO_H

#include <wdm.h>

#define IOCTL_ECHO_GET_DEPTH CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_ECHO_FLUSH     CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_WRITE_ACCESS)

typedef struct _ECHO_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT LowerDevice;
    KSPIN_LOCK QueueLock;         /* protects Queue, Depth and OpenCount */
    LIST_ENTRY Queue;             /* IRP.Tail.Overlay.ListEntry */
    ULONG Depth;
    ULONG OpenCount;
    KDPC CompletionDpc;
} ECHO_EXTENSION, *PECHO_EXTENSION;

/* queue.c */
DRIVER_DISPATCH EchoDispatchReadWrite;
DRIVER_CANCEL EchoCancelIrp;
KDEFERRED_ROUTINE EchoCompletionDpc;
ULONG EchoQueueDepth(PECHO_EXTENSION Ext);
VOID EchoFlushQueue(PECHO_EXTENSION Ext);

#endif /* ECHO_H */
