#!/usr/bin/env python3
"""Check that one regression case gets the same verdict in every build variant.

The case is compiled for each target (x64, x86) at each optimisation level
(-O0, -O1, -O2) with the flags the lit configuration uses, checked with
sdv-lite's JSON output, and reduced to what must not depend on the build:
the verdict, and for each defect its violation and source line. Every variant
must agree with the first (x64 -O0); on a mismatch the differing reductions
are printed and the exit code is 1.

Between optimisation levels defects are compared by their violations only:
optimised code can drop the line of what it merged (a `return` folded into
a conditional branch is found in the source when the branch is an `if`'s
condition whose then-side starts with it, and otherwise falls back to the
closing brace; a release sunk from two paths into their join point falls
back to the path's last located instruction), and inlining changes which
entry routine reaches a shared helper's defect by the shortest trace. (In
the lit suite, 18 of the 289 cases still differ in lines across levels.)
Between targets at the same level the lines must agree too, except for
held-at-exit defects above -O0: whether a folded `return` keeps a location
depends on the target's code generation (x86 and x64 differ for `__except`).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

TARGETS = {
    "x64": "x86_64-w64-windows-gnu",
    "x86": "i686-w64-windows-gnu",
    "msvc64": "x86_64-pc-windows-msvc",
    "msvc86": "i686-pc-windows-msvc",
}
MSVC_FLAGS = ["-fms-compatibility", "-fms-extensions", "-gdwarf", "-gcolumn-info"]


def reduce(report, opt):
    verdicts = [(v["rule"], v["verdict"], v["defects"]) for v in report["verdicts"]]
    defects = sorted((d["rule"], d["violation"], d["location"]["line"])
                     for d in report["defects"]
                     if d["violation"] != "held-at-exit" or opt == "O0")
    kinds = sorted((d["rule"], d["violation"]) for d in report["defects"])
    return {"verdicts": verdicts, "defects": defects, "kinds": kinds}


def same(a, b, same_level):
    """Whether two reductions agree; lines only at the same level."""
    if same_level:
        return a == b
    return a["verdicts"] == b["verdicts"] and a["kinds"] == b["kinds"]


def run_variant(args, source, target, opt, workdir):
    out = os.path.join(workdir, "{}-{}.bc".format(target, opt))
    cmd = [args.clang, "--target=" + TARGETS[target], "-" + opt, "-g", "-c",
           "-emit-llvm", "-I" + args.ddk, "-Wall",
           "-Werror=implicit-function-declaration", source, "-o", out]
    if target.startswith("msvc"):
        cmd[2:2] = MSVC_FLAGS
    subprocess.run(cmd, check=True)
    res = subprocess.run([args.sdv, "check", "--format", "json", out] + args.extra,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if res.returncode not in (0, 1):
        sys.exit("{} {}: sdv-lite exited {}: {}".format(target, opt, res.returncode,
                                                         res.stderr.strip()))
    return reduce(json.loads(res.stdout), opt)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clang", required=True)
    p.add_argument("--sdv", required=True)
    p.add_argument("--ddk", required=True)
    p.add_argument("--targets", default="x64,x86")
    p.add_argument("--opts", default="O0,O1,O2")
    p.add_argument("source")
    p.add_argument("extra", nargs="*", help="more sdv-lite check arguments")
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        results = []
        for target in args.targets.split(","):
            for opt in args.opts.split(","):
                results.append(((target, opt),
                                run_variant(args, args.source, target, opt, workdir)))
    first_name, first = results[0]
    failed = False
    for name, red in results[1:]:
        # Each variant must agree with the first target at its own level
        # (lines included) and with the very first variant.
        level_name, level = next((n, r) for n, r in results if n[1] == name[1])
        for base_name, base in ((level_name, level), (first_name, first)):
            if name == base_name or same(red, base, name[1] == base_name[1]):
                continue
            failed = True
            print("variant {} {} disagrees with {} {}:".format(*name, *base_name))
            print("  {} {}: {}".format(*base_name, json.dumps(base)))
            print("  {} {}: {}".format(*name, json.dumps(red)))
    if not failed:
        print("all {} variants agree: {}".format(len(results), json.dumps(first)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
