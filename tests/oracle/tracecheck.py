#!/usr/bin/env python3
"""Replays the traces of sdv-lite's JSON reports through the rules' automata.

usage: tracecheck.py --rules DIR REPORT.json...

A trace must be one path the user can follow: replayed step by step through
its rule's automaton (rules/*.yaml) from the state the entry routine starts
in, no event step may be a violation, and the last step must be the
reported violation: an event that the state reached violates with it, or,
for a violation at a return, a state the rule's `exit` list gives it. The
event steps are the defect's lock's: lock-order violations, which involve
two locks, are not replayed. Branch steps are not checked: a condition
taken both ways on one path is a loop's as often as a stitched trace's, and
the report does not say which.

An entry routine starts in the rule's initial state, or in a state of the
rule's `entry-states` for its role (whose conditions the report does not
give: any of them will do).

Prints one line per inconsistent trace and exits 1 if there is any, 2 on
unreadable input. check() is used by tests/oracle/run.py.
"""
import argparse
import glob
import json
import os
import sys

import yaml

STRUCTURAL = ("entry", "call", "return", "branch", "violation", "exit")


class Automaton:
    def __init__(self, spec):
        self.initial = spec["initial"]
        self.moves = {}
        for t in spec.get("transitions", []):
            self.moves[(t["from"], t["event"])] = (t.get("to"), t.get("violation"))
        self.exits = {e["state"]: e["violation"] for e in spec.get("exit", [])}
        self.entry_states = spec.get("entry-states", [])

    def starts(self, role):
        out = {self.initial}
        for es in self.entry_states:
            if role in es.get("roles", []):
                out.add(es["state"])
        return out


def load_rules(directory):
    rules = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.yaml"))):
        with open(path) as f:
            spec = yaml.safe_load(f)
        if isinstance(spec, dict) and "rule" in spec and "transitions" in spec:
            rules[spec["rule"]] = Automaton(spec)
    return rules


def replay(auto, start, events, violation, at_exit):
    """None if the events from `start` end in `violation`, else why not."""
    state = start
    for i, (event, where) in enumerate(events):
        to, v = auto.moves.get((state, event), (None, None))
        if v:
            return "step {} ({} at {}) is already a violation ({}) in state {}".format(
                i + 1, event, where, v, state)
        if to:
            state = to
    if at_exit:
        if auto.exits.get(state) == violation:
            return None
        return "the trace ends in state {}, where a return is not {}".format(state, violation)
    if any(v == violation for (s, _), (_, v) in auto.moves.items() if s == state):
        return None
    return "no event in state {} is {}".format(state, violation)


def check(report, rules):
    """[(defect, problem)] for the inconsistent traces of one JSON report."""
    problems = []
    for d in report.get("defects", []):
        auto = rules.get(d.get("rule"))
        trace = d.get("trace", [])
        if auto is None or not trace or d.get("violation") == "lock-order":
            continue
        if trace[-1].get("kind") != "violation":
            problems.append((d, "the trace does not end with the violation"))
            continue
        events = [(s["kind"], "{}:{}".format(s.get("location", {}).get("file"),
                                             s.get("location", {}).get("line")))
                  for s in trace[:-1] if s.get("kind") not in STRUCTURAL]
        at_exit = d["violation"] in auto.exits.values() and not any(
            v == d["violation"] for (_, v) in auto.moves.values())
        reasons = [replay(auto, s, events, d["violation"], at_exit)
                   for s in sorted(auto.starts(d.get("role")))]
        if all(reasons):
            problems.append((d, reasons[0]))
    return problems


def describe(d, problem):
    loc = d.get("location", {})
    return "{}:{}: [{}] {} in '{}': {}".format(loc.get("file"), loc.get("line"), d.get("rule"),
                                               d.get("violation"), d.get("entryRoutine"), problem)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", required=True, help="the rules/ directory")
    ap.add_argument("reports", nargs="+")
    args = ap.parse_args()
    rules = load_rules(args.rules)
    bad = 0
    for path in args.reports:
        try:
            with open(path) as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            print("error: {}: {}".format(path, e), file=sys.stderr)
            return 2
        # A batch report holds one report per driver.
        reports = [r["report"] for r in report.get("drivers", []) if "report" in r] or [report]
        for r in reports:
            for d, problem in check(r, rules):
                print("{}: {}".format(path, describe(d, problem)))
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
