#!/usr/bin/env python3
"""Runs `sdv-lite check` on inputs that cannot be read and checks that each
fails cleanly: exit status 2, nothing on stdout, and on stderr exactly one
line, `error: '<the input>': <problem>`. Prints one line per input and a
count of failures (a crash, another exit status, a message not naming the
file, or more than one line).

Inputs are given as files, or made from a valid input FILE:
  --truncate FILE   every prefix of FILE up to 64 bytes, then 60 more
  --random N        N files of random bytes, half of them after the bitcode
                    magic number
  --corrupt FILE    N copies of FILE with a few bytes overwritten at random;
                    one may still be a valid module, so each must either
                    fail as above or be checked (exit status 0 or 1)
Random choices are seeded: the same files on every run. With --may-pass,
the given files too may be checked instead.
"""
import argparse
import os
import random
import re
import subprocess
import sys


def run(sdv, path, may_pass):
    """The problems with the run, and the first line on stderr (None when
    may_pass and the input was checked)."""
    proc = subprocess.run([sdv, "check", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    err = proc.stderr.decode("utf-8", "replace")
    # In sanitizer builds the runtime says so when it refuses an allocation
    # too large (src/IR/Loader.cpp caps them): not the tool's output.
    err = re.sub(r"(?m)^==\d+==WARNING: AddressSanitizer failed to allocate .*\n", "", err)
    if may_pass and proc.returncode in (0, 1) and b"SpinLockDpc: " in proc.stdout:
        return [], None
    lines = err.splitlines()
    problems = []
    if proc.returncode != 2:
        problems.append("exit status {}".format(proc.returncode))
    if proc.stdout:
        problems.append("output on stdout")
    if len(lines) != 1:
        problems.append("{} lines on stderr".format(len(lines)))
    if not err.startswith("error: '{}'".format(path)):
        problems.append("message does not start with error: '<file>'")
    return problems, lines[0] if lines else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sdv", required=True)
    ap.add_argument("--work", required=True, help="directory for made inputs")
    ap.add_argument("--truncate")
    ap.add_argument("--corrupt")
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--random", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--may-pass", action="store_true")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.work, exist_ok=True)

    # (path, whether a check that runs to its end is fine too)
    inputs = [(f, args.may_pass) for f in args.files]

    def make(name, data, may_pass=False):
        path = os.path.join(args.work, name)
        with open(path, "wb") as f:
            f.write(data)
        inputs.append((path, may_pass))

    if args.truncate:
        data = open(args.truncate, "rb").read()
        step = max(1, len(data) // 60)
        sizes = sorted(set(list(range(1, min(64, len(data)))) +
                           list(range(64, len(data), step)) + [len(data) - 1]))
        for n in sizes:
            make("trunc-{}".format(n), data[:n])
    if args.corrupt:
        data = open(args.corrupt, "rb").read()
        for i in range(args.copies):
            b = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                # Past the magic number, or the file is simply not bitcode.
                b[rng.randrange(4, len(b))] = rng.randrange(256)
            make("corrupt-{}".format(i), bytes(b), may_pass=True)
    for i in range(args.random):
        size = rng.randint(1, 4096)
        body = bytes(rng.randrange(256) for _ in range(size))
        make("random-{}".format(i), (b"BC\xc0\xde" if i % 2 else b"") + body)

    failures = checked = 0
    for path, may_pass in inputs:
        problems, first = run(args.sdv, path, may_pass)
        if first is None:
            checked += 1
            print("checked {}".format(path))
        elif problems:
            failures += 1
            print("FAIL {}: {}: {}".format(path, "; ".join(problems), first))
        else:
            print("ok {}".format(first))
    print("{} inputs, {} checked, {} failures".format(len(inputs), checked, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
