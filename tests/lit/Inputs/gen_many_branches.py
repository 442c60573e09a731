#!/usr/bin/env python3
"""Writes a correct driver whose read routine has N lock-guarded branches.

Big enough that the analysis visits many blocks: the budget tests stop it
part-way. Usage: gen_many_branches.py N > driver.c
"""
import sys

n = int(sys.argv[1])
print("#include <wdm.h>")
print("KSPIN_LOCK Lock;")
print("volatile ULONG Flags[%d];" % n)
print("DRIVER_DISPATCH DispatchRead;")
print("NTSTATUS DispatchRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)")
print("{")
print("    KIRQL Irql = PASSIVE_LEVEL;")
print("    UNREFERENCED_PARAMETER(DeviceObject);")
print("    UNREFERENCED_PARAMETER(Irp);")
for i in range(n):
    print("    if (Flags[%d]) {" % i)
    print("        KeAcquireSpinLock(&Lock, &Irql);")
    print("        Flags[%d] = 0;" % i)
    print("        KeReleaseSpinLock(&Lock, Irql);")
    print("    }")
print("    return STATUS_SUCCESS;")
print("}")
print("NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)")
print("{")
print("    UNREFERENCED_PARAMETER(RegistryPath);")
print("    DriverObject->MajorFunction[IRP_MJ_READ] = DispatchRead;")
print("    return STATUS_SUCCESS;")
print("}")
