// A void entry routine (an unload routine) that returns early holding its
// lock; the analysis tells its `return;` from the end of the `if` by the
// source text. For the cache test.
#include <wdm.h>

KSPIN_LOCK g_Lock;
ULONG g_Count;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD Unload;

VOID Unload(PDRIVER_OBJECT DriverObject)
{
    KIRQL Irql;
    KeAcquireSpinLock(&g_Lock, &Irql);
    if (g_Count == 0) {
        return;
    }
    KeReleaseSpinLock(&g_Lock, Irql);
    if (g_Count > 1) {
        g_Count--;
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    DriverObject->DriverUnload = Unload;
    return STATUS_SUCCESS;
}
