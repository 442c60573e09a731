#!/usr/bin/env python3
"""Writes a driver tree and a compile database as a Windows build makes them.

usage: gen_windows_db.py --ddk DIR OUT

OUT/src is what the database calls C:\\Work\\Drivers, OUT/kits what it calls
C:\\Program Files (x86)\\Windows Kits\\10 (the model headers of DIR under
Include\\10.0.22621.0\\km, lower-case as the kit ships them). The sources and
the database do what Windows allows: names in another case than on disk
(`#include <Ntddk.h>`, `"..\\inc\\common.h"`, a database that says
`c:\\WORK\\drivers\\clean\\clean.c` for Clean\\Clean.c), backslashes, cl.exe
flags (/nologo /Zi /kernel /GS- /W4 /D /I /FI /Fo /Fd), quoted paths with
spaces, and a response file in UTF-16 with a byte order mark, as MSBuild
writes them.

Drivers: Echo (two units, Echo.c from the command, Queue.c from the
response file; Echo.c returns holding its lock on line ECHO_LINE) and Clean.
"""
import argparse
import json
import os
import shutil
import sys

COMMON_H = """#pragma once
typedef struct _DEVICE_EXTENSION {
    KSPIN_LOCK Lock;
    ULONG Pending;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;
"""

# Force-included with /FI: the sources fail to compile without it.
FORCED_H = """#pragma once
#define SAMPLE_FORCED_INCLUDE 1
"""

ECHO_C = """#include <Ntddk.h>
#include "..\\inc\\common.h"
#if !SAMPLE_FORCED_INCLUDE
#error the forced include is missing
#endif

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH EchoWrite;
NTSTATUS EchoQueue(PDEVICE_EXTENSION Ext, PIRP Irp);

NTSTATUS EchoWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    KIRQL Irql;
    KeAcquireSpinLock(&Ext->Lock, &Irql);
    if (Ext->Pending > 8) {
        return STATUS_DEVICE_BUSY;
    }
    KeReleaseSpinLock(&Ext->Lock, Irql);
    return EchoQueue(Ext, Irp);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_WRITE] = EchoWrite;
    return STATUS_SUCCESS;
}
"""
ECHO_LINE = 17

QUEUE_C = """#include <NTDDK.H>
#include "..\\Inc\\COMMON.h"

NTSTATUS EchoQueue(PDEVICE_EXTENSION Ext, PIRP Irp)
{
    KIRQL Irql;
    UNREFERENCED_PARAMETER(Irp);
    KeAcquireSpinLock(&Ext->Lock, &Irql);
    Ext->Pending++;
    KeReleaseSpinLock(&Ext->Lock, Irql);
    return STATUS_PENDING;
}
"""

CLEAN_C = """#include <Wdm.h>
#include <Common.h>

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH CleanRead;

NTSTATUS CleanRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    KIRQL Irql;
    UNREFERENCED_PARAMETER(Irp);
    KeAcquireSpinLock(&Ext->Lock, &Irql);
    Ext->Pending++;
    KeReleaseSpinLock(&Ext->Lock, Irql);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = CleanRead;
    return STATUS_SUCCESS;
}
"""

SRC = "C:\\Work\\Drivers"
KITS = "C:\\Program Files (x86)\\Windows Kits\\10"
KM = KITS + "\\Include\\10.0.22621.0\\km"
CL = "C:\\Program Files\\Microsoft Visual Studio\\2022\\VC\\bin\\HostX64\\x64\\cl.exe"
FLAGS = "/nologo /c /Zi /W4 /kernel /GS- /D_AMD64_ /DDBG=1"


def write(path, text, encoding="utf-8"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ddk", required=True, help="the model headers (tests/ddk)")
    ap.add_argument("out")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    src = os.path.join(out, "src")
    km = os.path.join(out, "kits", "Include", "10.0.22621.0", "km")
    os.makedirs(km, exist_ok=True)
    for name in ("ntddk.h", "wdm.h"):
        shutil.copy(os.path.join(args.ddk, name), os.path.join(km, name))
    write(os.path.join(src, "Inc", "Common.h"), COMMON_H)
    write(os.path.join(src, "Inc", "Forced.h"), FORCED_H)
    write(os.path.join(src, "Echo", "Echo.c"), ECHO_C)
    write(os.path.join(src, "Echo", "Queue.c"), QUEUE_C)
    write(os.path.join(src, "Clean", "Clean.c"), CLEAN_C)
    os.makedirs(os.path.join(src, "Build"), exist_ok=True)

    # MSBuild's response files are UTF-16 with a byte order mark.
    write(os.path.join(src, "Build", "Queue.rsp"),
          '%s "/I%s" /I..\\Inc /FoQueue.obj ..\\echo\\queue.c\r\n' % (FLAGS, KM),
          encoding="utf-16")
    db = [
        {"directory": SRC + "\\Build",
         "file": SRC + "\\Echo\\Echo.c",
         "command": '"%s" %s /I"%s" /I..\\Inc /FI%s\\Inc\\Forced.h /FoEcho.obj '
                    '/Fd..\\Build\\vc.pdb %s\\Echo\\Echo.c' % (CL, FLAGS, KM, SRC, SRC)},
        {"directory": SRC + "\\Build",
         "file": "..\\Echo\\Queue.c",
         "command": '"%s" @%s\\Build\\Queue.rsp' % (CL, SRC)},
        {"directory": "c:\\work\\DRIVERS\\build",
         "file": "c:\\WORK\\drivers\\clean\\clean.c",
         "arguments": ["clang-cl.exe", "/c", "/Zi", "-D_AMD64_", "/DDBG=1",
                       "/I", KM.lower(), "/Ic:/work/drivers/inc",
                       "/Foclean.obj", "c:\\WORK\\drivers\\clean\\clean.c"]},
    ]
    with open(os.path.join(src, "Build", "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    with open(os.path.join(out, "path-maps.txt"), "w") as f:
        f.write("%s=%s\n%s=%s\n" % (SRC, src, KITS, os.path.join(out, "kits")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
