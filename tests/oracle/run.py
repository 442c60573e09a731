#!/usr/bin/env python3
"""Differential test: sdv-lite against the brute-force oracle on generated programs.

For each seed: generate a program (gen.py), write it as C, compute from the
program tree the oracle's sets of (violation, line) (oracle.py): exact,
with uncounted loops, and with uncounted loops and uncorrelated branches;
compile the C warning-free as the lit tests do, run `sdv-lite check --format
json`, and compare. Each program is then

- agree: the tool's set is the exact set;
- approximate: the tool reports every exact violation, and its extra
  reports are all in the set of uncounted loops ("loops"), or of uncounted
  loops and uncorrelated branches ("branches"): false alarms of the
  approximations sdv-lite documents (tests/oracle/README.md); their number
  may not exceed the bound in known-disagreements.txt;
- disagree: a missed violation, a report no path reaches even with those
  approximations, a compile or tool error, or an entry routine not found.

known-disagreements.txt lists understood tool bugs: `seed N | difference |
reason` for one program, `pattern NAME | reason` for a bug recognised by a
rewrite of the tool's set defined here. A disagreement not listed, a listed
seed that no longer disagrees as listed, or more approximate programs than
the bound, make the exit status 1.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import generate  # noqa: E402
from oracle import violations  # noqa: E402
from program import FAMILY_RULES, render  # noqa: E402
import tracecheck  # noqa: E402

TARGETS = {"x64": "x86_64-w64-windows-gnu", "x86": "i686-w64-windows-gnu"}
KNOWN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "known-disagreements.txt")
RULES = tracecheck.load_rules(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules"))


def fall_off_exit(prog, text, got):
    """Known tool bug: a held-at-exit reported inside a VOID routine at the
    closing brace of an `if` or loop body, or at a `break` (the last
    statement before the routine falls off its end) belongs at the
    routine's closing brace."""
    lines = text.split("\n")
    out = set()
    for v, line in got:
        within = [fn for fn in prog.functions() if fn.end_line >= line]
        fn = min(within, key=lambda f: f.end_line) if within else None
        if (v == "held-at-exit" and fn and fn.ret == "VOID" and line != fn.end_line
                and lines[line - 1].strip() in ("}", "} else {", "break;", "continue;")):
            line = fn.end_line
        out.add((v, line))
    return out


PATTERNS = {"fall-off-exit": fall_off_exit}


def fmt(vs):
    return ", ".join("{}@{}".format(*v) for v in sorted(vs)) or "-"


class Result:
    def __init__(self, seed, source):
        self.seed = seed
        self.source = source
        self.expected = set()  # the exact oracle
        self.loops = set()  # uncounted loops
        self.bound = set()  # uncounted loops, uncorrelated branches
        self.got = set()  # the tool, after known patterns
        self.raw = set()  # the tool as it reported
        self.patterns = []  # known patterns that changed the tool's set
        self.problem = None  # compile error, tool error, roles
        self.traces = 0  # the tool's traces
        self.inconsistent = []  # those tracecheck.py rejects, described

    def difference(self):
        """'missed double-acquire@12, false held-at-exit@40'; '' if none."""
        if self.problem:
            return self.problem.split(":")[0]
        parts = ["missed {}@{}".format(*v) for v in sorted(self.expected - self.got)]
        parts += ["false {}@{}".format(*v) for v in sorted(self.got - self.expected)]
        return ", ".join(parts)

    def status(self):
        """agree, loops, branches (the approximations) or disagree."""
        if self.problem:
            return "disagree"
        if self.got == self.expected:
            return "agree"
        if self.expected <= self.got <= self.loops:
            return "loops"
        if self.expected <= self.got <= self.bound:
            return "branches"
        return "disagree"

    def describe(self):
        lines = ["seed {}: {}".format(self.seed, self.source)]
        if self.problem:
            lines.append("  " + self.problem.rstrip().replace("\n", "\n  "))
        lines.append("  oracle: " + fmt(self.expected))
        if not self.problem or self.problem.startswith("roles"):
            lines.append("  tool:   " + fmt(self.raw))
        return "\n".join(lines)


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        seeds += range(int(lo), int(hi or lo) + 1)
    return seeds


def load_known(path):
    """({seed: (difference, reason)}, {pattern: reason}, {bound name: N}): the
    bounds `approximate-at-most` and `inconsistent-traces-at-most`."""
    seeds, patterns, bound = {}, {}, {"approximate-at-most": 0, "inconsistent-traces-at-most": 0}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.split()[0] in bound:
                bound[line.split()[0]] = int(line.split()[1])
            elif line.startswith("pattern "):
                name, reason = (x.strip() for x in line[len("pattern "):].split("|", 1))
                if name not in PATTERNS:
                    raise SystemExit("{}: unknown pattern {}".format(path, name))
                patterns[name] = reason
            else:
                seed, difference, reason = (x.strip() for x in line.split("|", 2))
                seeds[int(seed.split()[1])] = (difference, reason)
    return seeds, patterns, bound


def check(args, patterns, seed):
    source = os.path.join(args.workdir, "seed-{}.c".format(seed))
    return compare(args, patterns, generate(seed), source)


def compare(args, patterns, prog, source):
    """Write prog to source, compile it, check it, and compare."""
    text = render(prog)
    with open(source, "w") as f:
        f.write(text)
    r = Result(prog.seed, source)
    r.expected = violations(prog)
    bc = source[:-2] + ".bc"
    cc = subprocess.run([args.clang, "--target=" + TARGETS[prog.target], "-g", "-O0", "-c",
                         "-emit-llvm", "-I" + args.ddk, "-Wall", "-Werror", source, "-o", bc],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if cc.returncode != 0:
        r.problem = "generator: the program does not compile warning-free:\n" + cc.stdout
        return r
    rule = FAMILY_RULES[prog.family]  # the rule the program's API is monitored by
    tool = subprocess.run([args.sdv, "check", "--format", "json", "--rule", rule, bc],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if tool.returncode not in (0, 1):
        r.problem = "tool error: exit {}: {}".format(tool.returncode, tool.stderr.strip())
        return r
    report = json.loads(tool.stdout)
    # Every trace must replay through the rule's automaton.
    r.traces = len(report["defects"])
    r.inconsistent = [tracecheck.describe(d, why) for d, why in tracecheck.check(report, RULES)]
    # A violation at a return is one defect for all the returns of that
    # mistake; the oracle names each return.
    r.raw = {(d["violation"], where["location"]["line"])
             for d in report["defects"] if d["rule"] == rule
             for where in d.get("returns", [{"location": d["location"]}])}
    r.got = r.raw
    for name in patterns:
        fixed = PATTERNS[name](prog, text, r.got)
        if fixed != r.got:
            r.got = fixed
            r.patterns.append(name)
    if r.got != r.expected:
        r.loops = violations(prog, uncounted=True)
        r.bound = violations(prog, uncounted=True, uncorrelated=True)
    found = sorted(e["function"] for e in report["entryRoutines"])
    wanted = sorted(fn.name for fn in prog.entries)
    if found != wanted:
        r.problem = "roles: entry routines found {}, registered {}".format(found, wanted)
    elif (tool.returncode == 1) != bool(r.raw):
        r.problem = "tool error: exit {} with {} defects".format(tool.returncode, len(r.raw))
    if r.status() == "agree":
        os.remove(bc)
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sdv", required=True, help="the sdv-lite binary")
    ap.add_argument("--clang", required=True, help="clang matching the LLVM sdv-lite links")
    ap.add_argument("--ddk", required=True, help="the DDK model headers (tests/ddk)")
    ap.add_argument("--seeds", default="1-1000", help="e.g. 1-1000 or 5,9,20-30")
    ap.add_argument("--workdir", default="oracle-out", help="where the programs are written")
    ap.add_argument("--known", default=KNOWN, help="the known disagreements")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also list the programs where a known tool bug changed the reports")
    args = ap.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    seeds = parse_seeds(args.seeds)
    known, patterns, bounds = load_known(args.known)
    bound = bounds["approximate-at-most"]
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda s: check(args, patterns, s), seeds))
    elapsed = time.time() - start

    failed = False
    by_status = collections.Counter()
    kinds = collections.defaultdict(collections.Counter)
    by_pattern = collections.Counter()
    documented = 0
    for r in results:
        status = r.status()
        by_status[status] += 1
        by_pattern.update(r.patterns)
        if r.patterns and args.verbose:
            print("known tool bug {}: seed {} {}: tool {}".format(
                ", ".join(r.patterns), r.seed, r.source, fmt(r.raw)))
        listed = known.get(r.seed)
        if status != "disagree":
            if listed:
                print("seed {}: listed as a known disagreement ({}) but now {}: remove it "
                      "from {}".format(r.seed, listed[0], status, args.known))
                failed = True
            if status != "agree":
                kinds[status].update(p.split("@")[0] for p in r.difference().split(", "))
                print("approximate ({}): seed {} {}: oracle {}; tool {}".format(
                    status, r.seed, r.source, fmt(r.expected), fmt(r.raw)))
            continue
        kinds[status].update(p.split("@")[0] for p in r.difference().split(", "))
        if listed and listed[0] == r.difference():
            documented += 1
            print("known: " + r.describe() + "\n  reason: " + listed[1])
            continue
        failed = True
        if listed:
            print("seed {}: the known disagreement changed (listed: {})".format(r.seed, listed[0]))
        print("DISAGREEMENT: " + r.describe())

    def counts(c):
        return "".join("; {} {}".format(n, k) for k, n in sorted(c.items()))

    print("oracle: {} programs generated, {} compared in {:.0f} s with {} jobs; {} violations "
          "expected".format(len(seeds), sum(1 for r in results if not r.problem
                                               or r.problem.startswith("roles")),
                            elapsed, args.jobs, sum(len(r.expected) for r in results)))
    print("oracle: {} agree".format(by_status["agree"]))
    approximate = by_status["loops"] + by_status["branches"]
    print("oracle: {} approximate (at most {}): the tool's false alarms within its documented "
          "approximations".format(approximate, bound))
    print("oracle:   {} with loops run more or fewer times than counted{}".format(
        by_status["loops"], counts(kinds["loops"])))
    print("oracle:   {} with correlations between branches lost{}".format(
        by_status["branches"], counts(kinds["branches"])))
    print("oracle: {} disagree ({} known){}".format(by_status["disagree"], documented,
                                                   counts(kinds["disagree"])))
    inconsistent = [(r, line) for r in results for line in r.inconsistent]
    print("oracle: {} traces replayed through their rules' automata (tracecheck.py), {} "
          "inconsistent".format(sum(r.traces for r in results), len(inconsistent)))
    for r, line in inconsistent:
        print("inconsistent trace: seed {} {}: {}".format(r.seed, r.source, line))
    if len(inconsistent) > bounds["inconsistent-traces-at-most"]:
        print("oracle: more inconsistent traces than the bound {}".format(
            bounds["inconsistent-traces-at-most"]))
        failed = True
    for name in patterns:
        print("oracle: known tool bug '{}' changed the tool's reports in {} programs".format(
            name, by_pattern[name]))
        if not by_pattern[name]:
            print("oracle: known tool bug '{}' matched no program: remove it from {} if it is "
                  "fixed".format(name, args.known))
    if approximate > bound:
        print("oracle: more approximate programs than the bound {}".format(bound))
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
