#!/usr/bin/env python3
"""Prints the defects of a SARIF log of sdv-lite and counts them, after
comparing it with a baseline.

usage: sarif-summary.py [--baseline OLD.sarif] [--counts FILE] SARIF

Prints one line per defect, as the text report does. A defect is a result
that is neither suppressed nor `absent`. With --baseline, each result gets
the baselineState `unchanged` when the baseline has a result of the same
driver (properties.driver; none for one driver's log) and the same
sdvLiteFingerprint/v1, else `new`, and SARIF is rewritten with them: the
matching sdv-lite's own --baseline does for one driver, here for batch mode
too, which that option does not take. --counts writes `key=value` lines:
defects; new (the defects marked new, or all of them without a baseline);
suppressed; absent (the baseline's results not found again); stopped (the
rule verdicts Timeout or Spaceout, of every driver).
Exit status 0, or 2 when a log cannot be read.
"""
import argparse
import collections
import json
import sys

FINGERPRINT = "sdvLiteFingerprint/v1"
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


def key(result, what, path):
    fingerprint = result.get("partialFingerprints", {}).get(FINGERPRINT)
    if not fingerprint:
        raise Unreadable("%s '%s': a result has no '%s' partial fingerprint" % (what, path, FINGERPRINT))
    return (result.get("properties", {}).get("driver", ""), fingerprint)


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


def apply_baseline(log, path, baseline_path):
    """Marks each result new or unchanged; returns how many of the
    baseline's results are not found again."""
    old = load(baseline_path, "baseline")
    before = collections.Counter(
        key(r, "baseline", baseline_path)
        for run in old["runs"] for r in run.get("results", [])
        if r.get("baselineState") != "absent")
    for run in log["runs"]:
        for r in run.get("results", []):
            if r.get("baselineState") == "absent":
                continue
            k = key(r, "log", path)
            if before[k] > 0:
                before[k] -= 1
                r["baselineState"] = "unchanged"
            else:
                r["baselineState"] = "new"
    return sum(before.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline")
    ap.add_argument("--counts")
    ap.add_argument("sarif")
    args = ap.parse_args()
    try:
        log = load(args.sarif, "log")
        n = collections.Counter(defects=0, new=0, suppressed=0, absent=0, stopped=0)
        if args.baseline:
            n["absent"] = apply_baseline(log, args.sarif, args.baseline)
            with open(args.sarif, "w") as f:
                json.dump(log, f, indent=2)
                f.write("\n")
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
