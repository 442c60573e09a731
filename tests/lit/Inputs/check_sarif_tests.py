#!/usr/bin/env python3
"""Checks that every lit test that writes SARIF validates what it writes.

usage: check_sarif_tests.py TESTS_DIR
A test writes SARIF when a RUN line has `--format sarif`; it must then have,
for each such line, a RUN line that runs `%validate-sarif %sarif-schema` on
the file written (the `-o FILE` or `> FILE` of that line), or one that
checks the command wrote no such file (`not test -e FILE`, for a command
that must fail). Prints the offenders and exits 1 if there are any.
"""
import os
import re
import sys


def outputs(line):
    """The file the command with --format sarif writes."""
    command = next(c for c in re.split(r"&&|\|\||\|", line) if "--format sarif" in c)
    m = re.search(r"(?:-o|>)\s*(\S+)", command)
    return m.group(1) if m else None


def main():
    root = sys.argv[1]
    bad = []
    count = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("Inputs", "Output")]
        for name in sorted(filenames):
            if not name.endswith((".test", ".c", ".ll")):
                continue
            path = os.path.join(dirpath, name)
            runs = [l.split("RUN:", 1)[1] for l in open(path, errors="replace") if "RUN:" in l]
            validated = " ".join(r for r in runs
                                 if "%validate-sarif %sarif-schema" in r or "not test -e" in r)
            for r in runs:
                if "--format sarif" not in r:
                    continue
                count += 1
                out = outputs(r)
                if not out or out not in validated:
                    bad.append(f"{os.path.relpath(path, root)}: SARIF written by '{r.strip()}' is not validated")
    for b in bad:
        print(b)
    print(f"{count} SARIF outputs, {len(bad)} not validated")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
