#!/usr/bin/env python3
"""Normalises a SARIF or JSON report for comparison with a golden file.

usage: normalize_report.py FILE [OLD=NEW]...
Replaces each OLD string (an absolute path of the test machine) with NEW in
every string of the report, and the tool's version with VERSION; prints the
result with sorted keys and two-space indentation.
"""
import json
import sys


def walk(value, replacements):
    if isinstance(value, dict):
        return {k: walk(v, replacements) for k, v in value.items()}
    if isinstance(value, list):
        return [walk(v, replacements) for v in value]
    if isinstance(value, str):
        for old, new in replacements:
            value = value.replace(old, new)
    return value


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    replacements = [tuple(a.split("=", 1)) for a in sys.argv[2:]]
    # Longest first, so that a path is replaced before its prefix.
    replacements.sort(key=lambda r: -len(r[0]))
    with open(sys.argv[1]) as f:
        doc = json.load(f)
    for run in doc.get("runs", []):
        driver = run["tool"]["driver"]
        driver["version"] = driver["semanticVersion"] = "VERSION"
    if doc.get("format") == "sdv-lite-report":
        doc["tool"]["version"] = "VERSION"
    print(json.dumps(walk(doc, replacements), indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
