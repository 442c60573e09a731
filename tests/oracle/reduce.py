#!/usr/bin/env python3
"""Shrink a disagreeing generated program to a small one that still disagrees.

Greedy reduction on the program tree: drop an entry routine, a statement, an
`if` for one of its branches, a loop for its body, while run.py still
classifies the program as disagreeing in the same way (the same kinds:
`missed double-acquire`, `false held-at-exit`, ...; lines move as code
goes), known tool bugs (patterns) set aside. Prints the reduced C with the
oracle's and the tool's sets.

    reduce.py --sdv build/bin/sdv-lite --clang clang-16 --ddk tests/ddk SEED
"""
import argparse
import copy
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import calls, generate  # noqa: E402
from program import Decl, If, Loop, expressions, walk  # noqa: E402
from run import KNOWN, compare, fmt, load_known  # noqa: E402


def kinds(r, status="disagree"):
    if r.status() != status:
        return set()
    return {p.split("@")[0] for p in r.difference().split(", ")}


def blocks(prog):
    """Every statement list of the program (function bodies and nested)."""
    for fn in prog.functions():
        yield fn.body
        for s in walk(fn.body):
            if isinstance(s, If):
                yield s.then
                yield s.orelse
            elif isinstance(s, Loop):
                yield s.body


def candidates(prog):
    """Smaller variants of prog, biggest cuts first."""
    for i in range(1, len(prog.entries)):
        p = copy.deepcopy(prog)
        del p.entries[i]
        yield p
    for b, block in enumerate(blocks(prog)):
        for i, s in enumerate(block):
            if isinstance(s, Decl):
                continue
            for variant in range(3):
                if variant == 1 and not isinstance(s, (If, Loop)):
                    break
                if variant == 2 and not (isinstance(s, If) and s.orelse
                                         or isinstance(s, Loop) and (s.count or 0) > 1):
                    break
                p = copy.deepcopy(prog)
                block = list(blocks(p))[b]
                s = block[i]
                if variant == 0:
                    block[i:i + 1] = []
                elif variant == 1:
                    block[i:i + 1] = s.then if isinstance(s, If) else s.body
                elif isinstance(s, If):
                    block[i:i + 1] = s.orelse
                else:
                    s.count -= 1
                yield tidy(p)


def tidy(prog):
    """Drop helpers nobody calls and flags nobody uses."""
    reached, work = set(), list(prog.entries)
    while work:
        for name in calls(work.pop()):
            if name not in reached:
                reached.add(name)
                work.append(prog.function(name))
    prog.helpers = [h for h in prog.helpers if h.name in reached]
    for fn in prog.functions():
        used = {e.name for e in expressions(fn.body) if hasattr(e, "name")}
        used |= {s.var for s in walk(fn.body) if not isinstance(s, Decl) and hasattr(s, "var")}
        fn.body = [s for s in fn.body if not isinstance(s, Decl) or s.var in used]
        fn.ptr_flags = [p for p in fn.ptr_flags if p in used]
    return prog


def outcome(args, patterns, prog, source):
    try:
        return compare(args, patterns, prog, source)
    except (AssertionError, KeyError, RuntimeError):
        return None  # the oracle rejects the program (e.g. a BOOLEAN routine lost its return)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sdv", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--ddk", required=True)
    ap.add_argument("--known", default=KNOWN)
    ap.add_argument("--approximate", choices=["loops", "branches"],
                    help="reduce a program approximate in this way rather than a disagreeing one")
    ap.add_argument("seed", type=int)
    args = ap.parse_args()
    _, patterns, _ = load_known(args.known)
    with tempfile.TemporaryDirectory() as workdir:
        source = os.path.join(workdir, "reduced.c")
        prog = generate(args.seed)
        best = compare(args, patterns, prog, source)
        status = args.approximate or "disagree"
        want = kinds(best, status)
        if not want:
            raise SystemExit("seed {}: not {}".format(args.seed, status))
        progress = True
        while progress:
            progress = False
            for p in candidates(prog):
                r = outcome(args, patterns, p, source)
                if r and kinds(r, status) & want:
                    prog, best, progress = p, r, True
                    break
        compare(args, patterns, prog, source)
        with open(source) as f:
            sys.stdout.write(f.read())
    print("// oracle: " + fmt(best.expected))
    print("// tool:   " + fmt(best.raw))
    print("// uncounted loops: " + fmt(best.loops))
    print("// uncounted loops, uncorrelated branches: " + fmt(best.bound))


if __name__ == "__main__":
    main()
