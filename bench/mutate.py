#!/usr/bin/env python3
"""Mutation study: how many seeded lock mistakes sdv-lite finds in drivers.

For each driver, given as a compile database (compile_commands.json, with
`arguments` or `command` and the `output` of each translation unit), this
seeds one mistake at a time into a copy of one source file:

- delete-release: a call of a function some rule releases a lock with
  (`KeReleaseSpinLock(...)`) becomes `((void)0)`;
- duplicate-acquire: a statement that calls a function some rule acquires
  a lock with is repeated on its own line (`KeAcquireSpinLock(L, &I);
  KeAcquireSpinLock(L, &I);`).

Line numbers do not move. The mutant's translation unit is compiled with
its database command, linked with the others' bitcode and checked; the
mutant is killed when the check reports a defect (rule, violation, file,
line) the unmutated driver does not. A survivor on a line no code was
compiled from (an `#if` branch not taken) is `not compiled in`, and one in
a function the unmutated driver already has a report in is `masked` (the
report it would give is there already); neither counts in the rates. A
mutant is reachable when the
function it sits in is reached from one of the entry routines `sdv-lite
roles` lists through direct calls (calls through pointers are not
followed here, so this undercounts what the analysis reaches).

The function names come from the rule files (events whose name contains
`acquire` or `release`). Not part of the default test run: a driver with a
hundred mutants takes minutes. tests/lit/bench/mutate-example.test runs it
on the WDM example.

    bench/mutate.py --sdv build/bin/sdv-lite --llvm-link llvm-link-16 \\
        --driver toaster=build/toaster/compile_commands.json [--exports toaster=x.def] \\
        [--max-per-driver N] [--jobs 2] [--json results.json]
"""

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rule_functions(rules_dir):
    """The functions rules acquire and release locks with, by event name."""
    acquires, releases = set(), set()
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith(".yaml") or name == "roles.yaml":
            continue
        event, in_functions = None, False
        for line in open(os.path.join(rules_dir, name), encoding="utf-8"):
            stripped = line.split("#", 1)[0].rstrip()
            m = re.match(r"\s*- name:\s*(\S+)", stripped)
            if m:
                event, in_functions = m.group(1), False
                continue
            if re.match(r"\s*functions:\s*$", stripped):
                in_functions = True
                continue
            m = re.match(r"\s*- \"?([A-Za-z_@][\w@]*)\"?\s*$", stripped)
            if in_functions and m and event:
                fn = m.group(1)
                if fn.startswith("@"):
                    continue  # an x86 decorated name: not what the source calls
                if "release" in event:
                    releases.add(fn)
                elif "acquire" in event:
                    acquires.add(fn)
                continue
            if stripped and not stripped.startswith(" " * 6):
                in_functions = False
    return acquires, releases


def call_spans(line, names):
    """(start, end, name) of each call of one of names that closes on the line."""
    spans = []
    for m in re.finditer(r"\b([A-Za-z_]\w*)\s*\(", line):
        if m.group(1) not in names:
            continue
        depth, i = 0, m.end() - 1
        while i < len(line):
            if line[i] == "(":
                depth += 1
            elif line[i] == ")":
                depth -= 1
                if depth == 0:
                    spans.append((m.start(), i + 1, m.group(1)))
                    break
            i += 1
    return spans


def mutation_sites(path, acquires, releases):
    """The mutants one source file allows, as (kind, line number, start, end)."""
    sites = []
    in_comment = False
    for number, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
        code = line
        if in_comment:
            if "*/" not in code:
                continue
            code = " " * (code.index("*/") + 2) + code[code.index("*/") + 2:]
            in_comment = False
        stripped = code.strip()
        if stripped.startswith(("#", "//")) or code.rstrip().endswith("\\"):
            continue
        if "/*" in code and "*/" not in code[code.index("/*"):]:
            in_comment = True
            code = code[: code.index("/*")]
        code = code.split("//", 1)[0]
        for start, end, name in call_spans(code, releases):
            sites.append(("delete-release", number, start, end))
        for start, end, name in call_spans(code, acquires):
            if code[end:].lstrip().startswith(";") and not code[:start].rstrip().endswith(
                    ("=", "(", ",", "return", "if", "!")):
                sites.append(("duplicate-acquire", number, start, end))
    return sites


def mutated(lines, site):
    kind, number, start, end = site
    out = list(lines)
    line = out[number - 1]
    if kind == "delete-release":
        out[number - 1] = line[:start] + "((void)0)" + line[end:]
    else:
        semicolon = line.index(";", end)
        out[number - 1] = line[: semicolon + 1] + " " + line[start:end] + ";" + line[semicolon + 1:]
    return out


def command_of(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    return list(args)


def compile_unit(entry, source, output):
    """Compiles a database entry with `source` for its file and `output` for its object."""
    args = command_of(entry)
    if "-o" in args:
        i = args.index("-o")
        args[i + 1] = output
    else:
        args += ["-o", output]
    args = [source if a == entry["file"] else a for a in args]
    r = subprocess.run(args, cwd=entry.get("directory", "."), capture_output=True, text=True)
    return r.returncode == 0


def check(sdv, bitcode, extra):
    r = subprocess.run([sdv, "check", "--format", "json", "--no-auto-map"] + extra + [bitcode],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        return None
    return json.loads(r.stdout)


def defect_keys(report, rename=None):
    keys = set()
    for d in report.get("defects", []):
        loc = d.get("location", {})
        file = os.path.basename(loc.get("file", ""))
        if rename and file in rename:
            file = rename[file]
        keys.add((d.get("rule"), d.get("violation"), file, loc.get("line")))
    return keys


class Driver:
    def __init__(self, name, db_path, args):
        self.name, self.args = name, args
        self.entries = json.load(open(db_path))
        self.work = tempfile.mkdtemp(prefix="sdv-mutate-%s-" % name)
        self.objects = {}

    def build_baseline(self):
        for i, e in enumerate(self.entries):
            out = os.path.join(self.work, "%d.bc" % i)
            if not compile_unit(e, e["file"], out):
                return "cannot compile %s" % e["file"]
            self.objects[i] = out
        self.linked = os.path.join(self.work, "baseline.bc")
        if not self.link(self.objects, self.linked):
            return "cannot link"
        self.report = check(self.args.sdv, self.linked, self.extra())
        if self.report is None:
            return "baseline check failed"
        self.baseline = defect_keys(self.report)
        self.reported_in = {(os.path.basename(d["location"].get("file", "")),
                             d["location"].get("function")) for d in self.report.get("defects", [])}
        self.reachable_lines = self.reachable()
        return None

    def extra(self):
        return ["--exports", self.args.exports[self.name]] if self.name in self.args.exports else []

    def link(self, objects, out):
        r = subprocess.run([self.args.llvm_link, "-o", out] + [objects[k] for k in sorted(objects)],
                           capture_output=True, text=True)
        return r.returncode == 0

    def reachable(self):
        """(file, first line, last line, reached, name) of each function: whether the
        entry routines reach it. Records the lines code was compiled from too."""
        ir = subprocess.run([self.args.llvm_dis, "-o", "-", self.linked], capture_output=True,
                            text=True).stdout
        roles = subprocess.run([self.args.sdv, "roles", "--no-auto-map"] + self.extra() + [self.linked],
                               capture_output=True, text=True).stdout
        entries = {line.split()[0] for line in roles.splitlines()[1:] if line.split()}
        subprograms, files = {}, {}
        for m in re.finditer(r"^(!\d+) = !DIFile\(filename: \"([^\"]*)\"", ir, re.M):
            files[m.group(1)] = os.path.basename(m.group(2))
        # The lines code was compiled from: a mutant on another line (in an
        # #if branch not taken, in a macro nothing expands) changes nothing.
        scopes = {}
        for m in re.finditer(r"^(!\d+) = (?:distinct )?!DI(?:Subprogram|LexicalBlock|LexicalBlockFile)\("
                             r"[^\n]*?file: (!\d+)", ir, re.M):
            scopes[m.group(1)] = files.get(m.group(2))
        self.compiled_lines = {(scopes.get(m.group(2)), int(m.group(1))) for m in re.finditer(
            r"!DILocation\(line: (\d+),[^\n]*?scope: (!\d+)", ir)}
        for m in re.finditer(r"^(!\d+) = distinct !DISubprogram\(name: \"([^\"]*)\".*?file: (!\d+), "
                             r"line: (\d+)", ir, re.M):
            subprograms[m.group(1)] = (m.group(2), files.get(m.group(3)), int(m.group(4)))
        calls, where, names = {}, {}, {}
        for m in re.finditer(r"^define [^@]*@(\"[^\"]+\"|[\w.$]+)\(.*?\{\n(.*?)^\}", ir, re.M | re.S):
            fn = m.group(1).strip('"')
            header = ir[m.start(): ir.index("\n", m.start())]
            sp = re.search(r"!dbg (!\d+)", header)
            if sp and sp.group(1) in subprograms:
                names[fn] = subprograms[sp.group(1)][0]
                where[fn] = subprograms[sp.group(1)]
            calls[fn] = set(c.strip('"') for c in
                            re.findall(r"call [^@\n]*@(\"[^\"]+\"|[\w.$]+)\(", m.group(2)))
        work = [f for f in calls if names.get(f, f) in entries]
        seen = set(work)
        while work:
            for callee in calls.get(work.pop(), ()):
                if callee in calls and callee not in seen:
                    seen.add(callee)
                    work.append(callee)
        # A function spans from its line to the next function's in its file.
        by_file = {}
        for fn, (name, file, line) in where.items():
            by_file.setdefault(file, []).append((line, fn))
        spans = []
        for file, starts in by_file.items():
            starts.sort()
            for i, (line, fn) in enumerate(starts):
                end = starts[i + 1][0] - 1 if i + 1 < len(starts) else 10 ** 9
                spans.append((file, line, end, fn in seen, names.get(fn, fn)))
        return spans

    def function_at(self, file, line):
        """(name, reached) of the function a line of \p file is in, if known."""
        best = None
        for f, start, end, reached, name in self.reachable_lines:
            if f == file and start <= line <= end and (best is None or start > best[0]):
                best = (start, reached, name)
        return (best[2], best[1]) if best else (None, False)

    def classify(self, file, line, function, outcome):
        """A survivor's reason, where the script can tell it."""
        if outcome != "survived":
            return outcome
        if (file, line) not in self.compiled_lines:
            return "not compiled in"
        if (file, function) in self.reported_in:
            return "masked"
        return outcome

    def run_mutant(self, index, site, lines):
        entry = self.entries[index]
        directory, base = os.path.split(entry["file"])
        stem, ext = os.path.splitext(base)
        copy = os.path.join(directory, ".%s.sdvmut%d_%d%s" % (stem, site[1], site[2], ext))
        out = os.path.join(self.work, "mut-%d-%d-%d.bc" % (index, site[1], site[2]))
        linked = out + ".linked.bc"
        try:
            with open(copy, "w", encoding="utf-8") as f:
                f.writelines(mutated(lines, site))
            if not compile_unit(entry, copy, out):
                return "not compiled"
            objects = dict(self.objects)
            objects[index] = out
            if not self.link(objects, linked):
                return "not linked"
            report = check(self.args.sdv, linked, self.extra())
            if report is None:
                return "check failed"
            new = defect_keys(report, {os.path.basename(copy): base}) - self.baseline
            return "killed" if new else "survived"
        finally:
            for p in (copy, out, linked):
                if os.path.exists(p):
                    os.remove(p)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sdv", required=True)
    p.add_argument("--llvm-link", required=True)
    p.add_argument("--llvm-dis", default=None)
    p.add_argument("--rules", default=os.path.join(ROOT, "rules"))
    p.add_argument("--driver", action="append", default=[], metavar="NAME=compile_commands.json")
    p.add_argument("--exports", action="append", default=[], metavar="NAME=FILE")
    p.add_argument("--max-per-driver", type=int, default=0, help="0: every mutant")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--json", help="write every mutant's outcome here")
    args = p.parse_args()
    args.llvm_dis = args.llvm_dis or os.path.join(os.path.dirname(args.llvm_link), "llvm-dis")
    args.exports = dict(e.split("=", 1) for e in args.exports)
    acquires, releases = rule_functions(args.rules)
    results = []
    for spec in args.driver:
        name, db = spec.split("=", 1)
        driver = Driver(name, db, args)
        problem = driver.build_baseline()
        if problem:
            print("%s: %s; skipped" % (name, problem), file=sys.stderr)
            continue
        jobs = []
        for index, entry in enumerate(driver.entries):
            lines = open(entry["file"], encoding="utf-8", errors="replace").readlines()
            for site in mutation_sites(entry["file"], acquires, releases):
                jobs.append((index, site, lines))
        if args.max_per_driver and len(jobs) > args.max_per_driver:
            step = len(jobs) / args.max_per_driver
            jobs = [jobs[int(i * step)] for i in range(args.max_per_driver)]
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            outcomes = list(pool.map(lambda j: driver.run_mutant(*j), jobs))
        for (index, site, _), outcome in zip(jobs, outcomes):
            file = os.path.basename(driver.entries[index]["file"])
            function, reached = driver.function_at(file, site[1])
            results.append({"driver": name, "file": file, "line": site[1], "kind": site[0],
                            "function": function, "reachable": reached,
                            "outcome": driver.classify(file, site[1], function, outcome)})
        mine = [r for r in results if r["driver"] == name]
        print("%-24s %4d mutants, %4d killed (%d of %d reachable)" % (
            name, len(mine), sum(r["outcome"] == "killed" for r in mine),
            sum(r["outcome"] == "killed" and r["reachable"] for r in mine),
            sum(r["reachable"] for r in mine)))
    valid = [r for r in results if r["outcome"] in ("killed", "survived")]
    reachable = [r for r in valid if r["reachable"]]

    def rate(rs):
        killed = sum(r["outcome"] == "killed" for r in rs)
        return "%d/%d (%.0f%%)" % (killed, len(rs), 100.0 * killed / len(rs) if rs else 0)

    print("all mutants: killed %s; reachable: killed %s; not built: %d; not compiled in: %d; "
          "masked by a report already in their function: %d" % (
              rate(valid), rate(reachable),
              sum(r["outcome"] in ("not compiled", "not linked", "check failed") for r in results),
              sum(r["outcome"] == "not compiled in" for r in results),
              sum(r["outcome"] == "masked" for r in results)))
    if args.json:
        json.dump(results, open(args.json, "w"), indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
