#!/usr/bin/env python3
"""Compares the results of two SARIF logs of the same driver before and
after an edit.

usage: compare_fingerprints.py BEFORE.sarif AFTER.sarif
Prints, per result in order, whether its partialFingerprints are the same
and how far its primary location's line moved; exits 1 if the logs have
different numbers of results or a result has no fingerprint.
"""
import json
import sys


def results(path):
    with open(path) as f:
        return json.load(f)["runs"][0]["results"]


def main():
    before, after = results(sys.argv[1]), results(sys.argv[2])
    if len(before) != len(after) or not before:
        print(f"results: {len(before)} before, {len(after)} after")
        return 1
    for i, (b, a) in enumerate(zip(before, after)):
        fb, fa = b.get("partialFingerprints"), a.get("partialFingerprints")
        if not fb or not fa:
            print(f"result {i}: no partialFingerprints")
            return 1
        line = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]
        same = "same" if fb == fa else "different"
        print(f"result {i}: fingerprints {same}, line moved by {line(a) - line(b)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
