#!/usr/bin/env python3
"""Compares the defects of a batch JSON report with those gen_tree.py planted.

usage: compare_planted.py PLANTED.txt REPORT.json

Each defect is `DRIVER FILE:LINE VIOLATION` (FILE without its directory).
Prints the defects missing from the report and those the report has in
excess; exits 1 if there are any.
"""
import json
import os
import sys


def reported(doc):
    out = set()
    for driver in doc["drivers"]:
        for d in (driver.get("report") or {}).get("defects", []):
            loc = d["location"]
            out.add("%s %s:%d %s" % (driver["name"], os.path.basename(loc["file"]),
                                     loc["line"], d["violation"]))
    return out


def main():
    with open(sys.argv[1]) as f:
        planted = {l.strip() for l in f if l.strip()}
    with open(sys.argv[2]) as f:
        found = reported(json.load(f))
    for line in sorted(planted - found):
        print("missing: " + line)
    for line in sorted(found - planted):
        print("unexpected: " + line)
    print("%d planted, %d reported" % (len(planted), len(found)))
    return 1 if planted != found else 0


if __name__ == "__main__":
    sys.exit(main())
