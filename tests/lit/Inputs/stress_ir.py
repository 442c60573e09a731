#!/usr/bin/env python3
"""Random IR from llvm-stress, with spin-lock calls sprinkled in, checked by
sdv-lite.

llvm-stress writes one function of random straight-line code, branches,
loops and phis (`@autogen_SD<seed>`); nothing registers it and it calls no
lock routine. Each module is written twice: as generated, and with calls to
KeAcquireSpinLockAtDpcLevel / KeReleaseSpinLockFromDpcLevel on its pointer
parameters placed at the start of random blocks (seeded, so the files are the
same on every run). Both are checked with `--entry autogen_SD<seed>=ROLE`, so
that the engine runs over the random control flow.

Every check must end with exit status 0 or 1 and one verdict line; the
modules with lock calls must get a verdict of Defect or Pass (the rule
applies to them). Anything else (exit status 2 on valid IR, a crash, a
missing verdict) is printed and counted as a failure.

--emit DIR also keeps the modules (for the fuzzers' seed corpus).
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

LOCK_CALLS = ["KeAcquireSpinLockAtDpcLevel", "KeReleaseSpinLockFromDpcLevel"]
VERDICT = re.compile(r"^SpinLockDpc(?:, [A-Za-z0-9]+)*: (Defect|Pass|Not Applicable)\b", re.M)


def add_lock_calls(text, seed):
    """Inserts lock calls on the function's pointer parameters at the start
    of the entry block and of random other blocks (after their phis)."""
    rng = random.Random(seed)
    define = re.search(r"^define [^(]*\((.*)\)", text, re.M)
    params = re.findall(r"ptr(?: [a-z]+)* (%[\w.]+)", define.group(1)) if define else []
    if not params:
        return None
    out = []
    pending = False
    first = True
    for line in text.splitlines():
        if re.match(r"^[\w.]+:", line):
            pending = True
        elif pending and line.startswith("  ") and " = phi " not in line:
            pending = False
            # The entry block always calls one, so the rule always applies.
            if first or rng.random() < 0.6:
                first = False
                out.append("  call void @{}(ptr {})".format(
                    rng.choice(LOCK_CALLS), rng.choice(params)))
        out.append(line)
    for name in LOCK_CALLS:
        out.append("declare void @{}(ptr)".format(name))
    return "\n".join(out) + "\n"


def check(sdv, path, entry):
    proc = subprocess.run([sdv, "check", "--entry", entry + "=IRP_MJ_READ", path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    verdict = VERDICT.search(proc.stdout)
    errors = [l for l in proc.stderr.splitlines() if not l.startswith("warning:")]
    if proc.returncode not in (0, 1) or not verdict or errors:
        return None, "exit {}: {}".format(proc.returncode, (proc.stderr or proc.stdout).strip()[:500])
    return verdict.group(1), None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sdv")
    ap.add_argument("--llvm-stress", default="llvm-stress-16")
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--size", type=int, default=50)
    ap.add_argument("--emit", help="keep the modules in this directory")
    args = ap.parse_args()

    work = args.emit or tempfile.mkdtemp(prefix="sdv-stress-")
    os.makedirs(work, exist_ok=True)
    counts = {}
    failures = 0
    for seed in range(args.seeds):
        plain = os.path.join(work, "stress-{}.ll".format(seed))
        subprocess.run([args.llvm_stress, "-seed", str(seed), "-size", str(args.size),
                        "-o", plain], check=True)
        with open(plain) as f:
            text = f.read()
        locked_text = add_lock_calls(text, seed)
        cases = [("plain", plain)]
        if locked_text:
            locked = os.path.join(work, "stress-{}-locks.ll".format(seed))
            with open(locked, "w") as f:
                f.write(locked_text)
            cases.append(("locks", locked))
        if not args.sdv:
            continue
        for kind, path in cases:
            verdict, problem = check(args.sdv, path, "autogen_SD{}".format(seed))
            if kind == "locks" and verdict == "Not Applicable":
                problem = "the rule does not apply to a module with lock calls"
            if problem:
                failures += 1
                print("FAIL {}: {}".format(path, problem))
                continue
            counts[(kind, verdict)] = counts.get((kind, verdict), 0) + 1
    if args.sdv:
        for (kind, verdict), n in sorted(counts.items()):
            print("{} {}: {}".format(kind, verdict, n))
        print("{} failures".format(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
