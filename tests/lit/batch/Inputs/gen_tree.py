#!/usr/bin/env python3
"""Writes a tree of small WDM drivers for the batch-mode tests.

usage: gen_tree.py --cc "CLANG AND FLAGS" OUT

Each driver is a directory of bitcode compiled from C written from one of a
few templates: clean ones, ones with a defect planted on a known line, ones
that call no lock routine, a driver of two files, and broken ones (garbage
bitcode, textual IR with a syntax error, two files defining one function, a
dangling link). The C sources stay beside the bitcode. Writes OUT/planted.txt:
one line `DRIVER FILE:LINE VIOLATION` per planted defect, sorted, and
OUT/compile_commands.json for a few of the drivers plus a file that does not
compile (see --compile-db).
"""
import argparse
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys

HEADER = """#include <wdm.h>

typedef struct _EXT_{n} {{
    KSPIN_LOCK {lock};
    ULONG Count;
}} EXT_{n}, *PEXT_{n};

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH Dispatch{n};
"""

ENTRY = """
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = Dispatch{n};
    return STATUS_SUCCESS;
}}
"""

# Bodies of the dispatch routine. `@@` marks the line of the planted defect.
BODIES = {
    "clean": """
    KeAcquireSpinLock(&Ext->{lock}, &Irql);
    Ext->Count++;
    KeReleaseSpinLock(&Ext->{lock}, Irql);
    return STATUS_SUCCESS;
""",
    "double-acquire": """
    KeAcquireSpinLock(&Ext->{lock}, &Irql);
    KeAcquireSpinLock(&Ext->{lock}, &Irql); @@
    KeReleaseSpinLock(&Ext->{lock}, Irql);
    return STATUS_SUCCESS;
""",
    "held-at-exit": """
    KeAcquireSpinLock(&Ext->{lock}, &Irql);
    if (Irp->IoStatus.Information == 0) {{
        return STATUS_INVALID_PARAMETER; @@
    }}
    KeReleaseSpinLock(&Ext->{lock}, Irql);
    return STATUS_SUCCESS;
""",
    "release-without-acquire": """
    Irql = PASSIVE_LEVEL;
    Ext->Count++;
    KeReleaseSpinLock(&Ext->{lock}, Irql); @@
    return STATUS_SUCCESS;
""",
    "no-locks": """
    Irql = PASSIVE_LEVEL;
    Ext->Count += Irql;
    return STATUS_SUCCESS;
""",
}

DISPATCH = """
NTSTATUS Dispatch{n}(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{{
    PEXT_{n} Ext = DeviceObject->DeviceExtension;
    KIRQL Irql;
"""

# (directory relative to OUT, template); names differ so that no two drivers
# have the same contents.
DRIVERS = [("clean%02d" % i, "clean") for i in range(1, 9)]
DRIVERS += [("defects/double%02d" % i, "double-acquire") for i in range(1, 6)]
DRIVERS += [("defects/held%02d" % i, "held-at-exit") for i in range(1, 4)]
DRIVERS += [("defects/release%02d" % i, "release-without-acquire") for i in range(1, 3)]
DRIVERS += [("deep/nested/nolocks%02d" % i, "no-locks") for i in range(1, 3)]

TWO_FILE_HELPER = """#include <wdm.h>

VOID TakeLock(PKSPIN_LOCK Lock, PKIRQL Irql)
{
    KeAcquireSpinLock(Lock, Irql);
}
"""

TWO_FILE_MAIN = """#include <wdm.h>

typedef struct _EXT {
    KSPIN_LOCK Lock;
} EXT, *PEXT;

VOID TakeLock(PKSPIN_LOCK Lock, PKIRQL Irql);
DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DispatchWrite;

NTSTATUS DispatchWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PEXT Ext = DeviceObject->DeviceExtension;
    KIRQL Irql;
    TakeLock(&Ext->Lock, &Irql);
    return STATUS_SUCCESS; @@
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    DriverObject->MajorFunction[IRP_MJ_WRITE] = DispatchWrite;
    return STATUS_SUCCESS;
}
"""

BAD_IR = """define i32 @DriverEntry(ptr %d, ptr %r) {
entry:
  ret i32 0 oops
}
"""

DUPLICATE = """#include <wdm.h>

NTSTATUS Helper(void) { return STATUS_SUCCESS; }
"""

BROKEN_C = """#include <wdm.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    return UndeclaredThing;
}
"""


def plant(text):
    """Returns the text without `@@` markers and the 1-based marked lines."""
    lines = text.split("\n")
    marked = [i + 1 for i, l in enumerate(lines) if "@@" in l]
    return "\n".join(l.replace(" @@", "") for l in lines), marked


def driver_source(n, template):
    lock = "Lock%s" % n
    text = (HEADER + DISPATCH + BODIES[template] + "}}\n" + ENTRY).format(n=n, lock=lock)
    return plant(text)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", required=True, help="the compile command, without -o")
    ap.add_argument("out")
    args = ap.parse_args()
    cc = shlex.split(args.cc)
    out = os.path.abspath(args.out)
    planted = []
    compiles = []  # (source, bitcode)

    for rel, template in DRIVERS:
        name = rel.replace("/", "_")
        text, lines = driver_source(name, template)
        src = os.path.join(out, rel, name + ".c")
        write(src, text)
        compiles.append((src, src[:-2] + ".bc"))
        if template not in ("clean", "no-locks"):
            planted += ["%s %s:%d %s" % (rel, name + ".c", l, template) for l in lines]

    # The tree's own files form the driver named after the tree.
    text, _ = driver_source("root", "clean")
    src = os.path.join(out, "root.c")
    write(src, text)
    compiles.append((src, os.path.join(out, "root.bc")))

    text, lines = plant(TWO_FILE_MAIN)
    for fname, body in (("main.c", text), ("helper.c", TWO_FILE_HELPER)):
        src = os.path.join(out, "twofile", fname)
        write(src, body)
        compiles.append((src, src[:-2] + ".bc"))
    planted += ["twofile main.c:%d held-at-exit" % l for l in lines]

    # Broken drivers.
    os.makedirs(os.path.join(out, "broken", "garbage"), exist_ok=True)
    with open(os.path.join(out, "broken", "garbage", "garbage.bc"), "wb") as f:
        f.write(b"BC\xc0\xde" + bytes(range(256)) * 4)
    write(os.path.join(out, "broken", "syntax", "bad.ll"), BAD_IR)
    for fname in ("one.c", "two.c"):
        src = os.path.join(out, "broken", "duplicate", fname)
        write(src, DUPLICATE)
        compiles.append((src, src[:-2] + ".bc"))
    os.makedirs(os.path.join(out, "broken", "dangling"), exist_ok=True)
    os.symlink("nowhere.bc", os.path.join(out, "broken", "dangling", "gone.bc"))
    # Not a driver: ignored, as are hidden directories.
    write(os.path.join(out, "README.txt"), "not IR\n")
    write(os.path.join(out, ".hidden", "x.ll"), BAD_IR)

    def compile_one(job):
        src, bc = job
        subprocess.run(cc + [src, "-o", bc], check=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(compile_one, compiles))

    with open(os.path.join(out, "planted.txt"), "w") as f:
        f.write("".join(p + "\n" for p in sorted(planted)))

    # A compile database over a few of the drivers, plus a translation unit
    # that does not compile, for `sdv-lite build`.
    # twofile's entries name their CMake target's object files: the target
    # is the driver. clean03 is built by cl.exe.
    db = []
    for rel in ("clean01", "defects/double01", "twofile"):
        d = os.path.join(out, rel)
        for fname in sorted(os.listdir(d)):
            if fname.endswith(".c"):
                entry = {"directory": d, "file": fname,
                         "command": " ".join(shlex.quote(a) for a in cc + ["-o", fname[:-2] + ".o", fname])}
                if rel == "twofile":
                    entry["output"] = "CMakeFiles/twofile_target.dir/%s.o" % fname
                db.append(entry)
    includes = [a for a in cc if a.startswith("-I")]
    db.append({"directory": os.path.join(out, "clean03"), "file": "clean03.c",
               "command": "cl.exe /nologo /c /W3 /Od /DDBG=1 %s clean03.c /Foclean03.obj /Fdclean03.pdb"
                          % " ".join("/I" + shlex.quote(i[2:]) for i in includes)})
    bad = os.path.join(out, "cbroken", "broken.c")
    write(bad, BROKEN_C)
    db.append({"directory": os.path.dirname(bad), "file": bad,
               "arguments": cc + ["-c", bad, "-o", "broken.o"]})
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
