#!/usr/bin/env python3
"""Writes a small source tree of WDM drivers with a compile database, for the
tests of the CI scripts and the pre-commit hook.

usage: driver_tree.py --cc "CLANG AND FLAGS" [--defect NAME]... OUT

OUT/drivers/NAME/NAME.c for NAME in alpha, beta, gamma, each including its
own NAME.h and OUT/include/common.h; the C is the batch tests' (gen_tree.py):
clean, or with --defect NAME a dispatch routine that returns holding its
spin lock. OUT/compile_commands.json compiles each from OUT. Writing the tree
again with other --defect options changes only the sources.
"""
import argparse
import json
import os
import shlex
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "batch", "Inputs"))
from gen_tree import driver_source, write  # noqa: E402

NAMES = ("alpha", "beta", "gamma")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", required=True, help="the compile command, without -c and -o")
    ap.add_argument("--defect", action="append", default=[], choices=NAMES)
    ap.add_argument("out")
    args = ap.parse_args()
    out = os.path.abspath(args.out)

    write(os.path.join(out, "include", "common.h"), "#define COMMON_TAG 'vdsL'\n")
    db = []
    for name in NAMES:
        text, _ = driver_source(name, "held-at-exit" if name in args.defect else "clean")
        rel = "drivers/%s/%s.c" % (name, name)
        write(os.path.join(out, rel),
              '#include "%s.h"\n#include "../../include/common.h"\n%s' % (name, text))
        write(os.path.join(out, "drivers", name, name + ".h"), "#define %s_TAG 1\n" % name.upper())
        db.append({"directory": out, "file": rel,
                   "arguments": shlex.split(args.cc) + ["-c", rel, "-o", "obj/%s.o" % name]})
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
