#!/usr/bin/env python3
"""Prints the defects of a SARIF log of sdv-lite and counts them.

usage: sarif-summary.py [--counts FILE] SARIF

Prints one line per defect, as the text report does. A defect is a result
that is neither suppressed nor `absent` (the baselineState sdv-lite's
--baseline gives the baseline's results not found again). --counts writes
`key=value` lines: defects; new (the defects marked new, or all of them
without a baseline); suppressed; absent; stopped (the rule verdicts Timeout
or Spaceout, of every driver).
Exit status 0, or 2 when the log cannot be read.
"""
import argparse
import collections
import json
import sys

STOPPED = ("Timeout", "Spaceout")


class Unreadable(Exception):
    pass


def load(path, what):
    try:
        with open(path) as f:
            log = json.load(f)
        runs = log["runs"]
        for run in runs:
            for r in run.get("results", []):
                r.get("ruleId")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise Unreadable("%s '%s': not a readable SARIF log: %s" % (what, path, e))
    return log


def location(result):
    for loc in result.get("locations", []):
        phys = loc.get("physicalLocation", {})
        uri = phys.get("artifactLocation", {}).get("uri", "?")
        region = phys.get("region", {})
        return "%s:%s:%s" % (uri, region.get("startLine", 0), region.get("startColumn", 0))
    return "?"


def stopped_verdicts(run):
    props = run.get("properties", {})
    verdicts = list(props.get("verdicts", []))
    for driver in props.get("drivers", []):
        verdicts += driver.get("verdicts", [])
    return sum(1 for v in verdicts if v.get("verdict") in STOPPED)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--counts")
    ap.add_argument("sarif")
    args = ap.parse_args()
    try:
        log = load(args.sarif, "log")
        n = collections.Counter(defects=0, new=0, suppressed=0, absent=0, stopped=0)
    except Unreadable as e:
        print("error: %s" % e, file=sys.stderr)
        return 2

    for run in log["runs"]:
        n["stopped"] += stopped_verdicts(run)
        for r in run.get("results", []):
            state = r.get("baselineState")
            if state == "absent":
                n["absent"] += 1
                continue
            if r.get("suppressions"):
                n["suppressed"] += 1
                continue
            n["defects"] += 1
            if state in (None, "new"):
                n["new"] += 1
            driver = r.get("properties", {}).get("driver")
            print("%s: error: [%s] %s%s%s" % (
                location(r), r.get("ruleId", "?"), r.get("message", {}).get("text", ""),
                " (driver '%s')" % driver if driver else "",
                " (%s)" % state if state else ""))
    if args.counts:
        with open(args.counts, "w") as f:
            for k in ("defects", "new", "suppressed", "absent", "stopped"):
                f.write("%s=%d\n" % (k, n[k]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
