#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the test suite, into OUT/<harness>/.

check: a sample of the lit drivers (tests/lit/check) compiled with clang to
       textual IR without debug info, the textual IR inputs of the lit
       tests, and llvm-stress modules with and without lock calls
       (tests/lit/Inputs/stress_ir.py);
check-bitcode: the same drivers as optimised bitcode, a few with debug
       info, for longer campaigns: mutated bitcode mostly finds bugs of
       LLVM 16's reader (tests/fuzz/open/README.md);
rule:  the rule files and the roles catalogue (rules/, tests/lit/Inputs);
map:   the sdv-map.h role maps of the tests.
Small hand-written seeds kept in tests/fuzz/seeds/<harness>/ are copied too.
The same inputs on every run: the sample is every STRIDE-th file by name.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "lit", "Inputs"))
import stress_ir  # noqa: E402


def compile_c(clang, src, out, flags):
    cmd = [clang, "--target=x86_64-pc-windows-msvc", "-fms-compatibility",
           "-fms-extensions", "-I", os.path.join(ROOT, "tests", "ddk"),
           "-emit-llvm", "-Wno-everything"] + flags + [src, "-o", out]
    subprocess.run(cmd, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clang", default="clang-16")
    ap.add_argument("--llvm-stress", default="llvm-stress-16")
    ap.add_argument("--out", required=True)
    ap.add_argument("--stride", type=int, default=8)
    ap.add_argument("--stress-seeds", type=int, default=20)
    args = ap.parse_args()

    dirs = {h: os.path.join(args.out, h) for h in ("check", "check-bitcode", "rule", "map")}
    for d in dirs.values():
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)

    sources = sorted(glob.glob(os.path.join(ROOT, "tests", "lit", "check", "*.c")))
    for i, src in enumerate(sources[::args.stride]):
        stem = os.path.join(dirs["check"], os.path.basename(src)[:-2])
        compile_c(args.clang, src, stem + ".ll", ["-O0", "-S"])
        bc = os.path.join(dirs["check-bitcode"], os.path.basename(src)[:-2])
        compile_c(args.clang, src, bc + ".O1.bc", ["-O1", "-c"])
        if i % 4 == 0:
            compile_c(args.clang, src, bc + ".g.bc", ["-O0", "-g", "-c"])
    for ll in glob.glob(os.path.join(ROOT, "tests", "lit", "Inputs", "*.ll")):
        shutil.copy(ll, dirs["check"])
    stress = os.path.join(args.out, "stress")
    subprocess.run([sys.executable, stress_ir.__file__, "--llvm-stress", args.llvm_stress,
                    "--seeds", str(args.stress_seeds), "--size", "30", "--emit", stress],
                   check=True)
    for ll in glob.glob(os.path.join(stress, "*.ll")):
        shutil.copy(ll, dirs["check"])

    for y in glob.glob(os.path.join(ROOT, "rules", "*.yaml")) + \
            glob.glob(os.path.join(ROOT, "tests", "lit", "Inputs", "*.yaml")):
        shutil.copy(y, dirs["rule"])
    for h in glob.glob(os.path.join(ROOT, "tests", "**", "*map*.h"), recursive=True):
        shutil.copy(h, os.path.join(dirs["map"], os.path.relpath(h, ROOT).replace(os.sep, "_")))

    for harness, d in dirs.items():
        for f in glob.glob(os.path.join(HERE, "seeds", harness, "*")):
            shutil.copy(f, d)
        print("{}: {} seeds".format(harness, len(os.listdir(d))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
