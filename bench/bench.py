#!/usr/bin/env python3
"""sdv-lite's benchmark: what checking a driver costs next to reading it.

For each size, generates a synthetic driver (bench/gendriver.py), then runs,
interleaved, `opt -passes=verify` (the floor: parsing and verifying the
bitcode) and `sdv-lite check --stats-json` on the same bitcode, several
times. It reports the median wall time, CPU time and peak memory (the
child's ru_maxrss) of each, sdv-lite's stages from its --stats-json, each
as a ratio to the floor's wall time, how time grows with size, and whether
the defects sdv-lite reports are the ones the generator planted. It also
measures throughput on a tree of drivers: batch mode (`check -j N DIR`) with
one thread against two, and one process per driver, one at a time against
two at a time.

Writes RESULTS/results.json, RESULTS/results.md (the tables),
RESULTS/time-vs-size.svg and RESULTS/memory-vs-size.svg, and replaces the
results section of RESULTS/README.md. See bench/README.md.
"""

import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gendriver  # noqa: E402

# IR instructions per generated component at -O0 (measured; the tables show
# the real counts).
INSTRUCTIONS_PER_COMPONENT = 830
# The stages sdv-lite reports, and the columns they make ("report" is
# building the findings and writing them).
STAGES = ["load", "canonicalise", "roles", "analysis", "report"]
STAGE_PARTS = {"report": ["report", "output"]}
TARGETS = {"end to end": 1.5, "growth": 1.1, "memory": 2.0, "throughput": 1.8}


def parse_size(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([kKmM]?)", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text}")
    scale = {"": 1, "k": 1000, "m": 1000000}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def size_label(n):
    if n >= 1000000 and n % 1000000 == 0:
        return f"{n // 1000000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def run_measured(cmd, stdout=subprocess.DEVNULL):
    """Runs \\p cmd; returns (exit status, wall seconds, CPU seconds, peak RSS in KiB)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=err)
        # wait4 gives this child's own resource usage, not the sum of all children.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n"
                               + err.read().decode(errors="replace"))
    return proc.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


class Tools:
    def __init__(self, args):
        self.sdv = os.path.abspath(args.sdv)
        self.opt = args.opt
        self.clang = args.clang
        self.llvm_link = args.llvm_link
        self.ddk = os.path.join(ROOT, "tests", "ddk")
        for tool in (self.sdv,):
            if not os.access(tool, os.X_OK):
                sys.exit(f"error: {tool} not found; build sdv-lite first (scripts/bench.sh does)")

    def version(self, tool):
        out = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
        m = re.search(r"version (\S+)", out)
        return m.group(1) if m else out.strip().splitlines()[0]


def driver(tools, work, components, seed, jobs):
    """The bitcode of the generated driver, built once per generator version."""
    directory = os.path.join(work, "drivers", f"c{components}-s{seed}")
    with open(os.path.join(HERE, "gendriver.py"), "rb") as f:
        stamp = hashlib.sha256(f.read()).hexdigest()[:16]
    stamp += f" {components} {seed} {tools.version(tools.clang)}"
    stamp_file = os.path.join(directory, "stamp")
    bitcode = os.path.join(directory, "driver.bc")
    try:
        with open(stamp_file) as f:
            if f.read() == stamp and os.path.exists(bitcode):
                with open(os.path.join(directory, "manifest.json")) as m:
                    return bitcode, json.load(m)
    except FileNotFoundError:
        pass
    print(f"  generating {components} components (seed {seed}) ...", flush=True)
    manifest = gendriver.generate(components, seed, directory)
    gendriver.compile_driver(directory, manifest, tools.clang, tools.llvm_link,
                             tools.ddk, jobs)
    with open(stamp_file, "w") as f:
        f.write(stamp)
    return bitcode, manifest


def cross_check(tools, bitcode, manifest):
    """Planted and reported defects, and the differences."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        run_measured([tools.sdv, "check", "--format", "json", "-o", report.name, bitcode])
        with open(report.name) as f:
            found = json.load(f)
    missed, added = gendriver.compare(manifest, found)
    return {"planted": manifest["planted"], "found": len(found["defects"]),
            "missed": [list(m) for m in missed], "added": [list(a) for a in added]}


def measure_driver(tools, bitcode, runs):
    """Median measurements of the floor and of sdv-lite, run alternately."""
    floor_cmd = [tools.opt, "-passes=verify", "-disable-output", bitcode]
    floor, sdv, one_rule = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        stats_file = os.path.join(tmp, "stats.json")
        sdv_cmd = [tools.sdv, "check", "--stats-json", stats_file, bitcode]
        # The same check of SpinLockDpc alone: what checking every rule of the
        # family in the same pass costs over it.
        one_cmd = [tools.sdv, "check", "--rule", "SpinLockDpc", bitcode]
        # One untimed run each: the file is in the page cache for both.
        run_measured(floor_cmd)
        run_measured(sdv_cmd)
        for _ in range(runs):
            _, wall, cpu, rss = run_measured(floor_cmd)
            floor.append({"wall": wall, "cpu": cpu, "rss": rss})
            _, wall, cpu, rss = run_measured(one_cmd)
            one_rule.append({"wall": wall, "rss": rss})
            _, wall, cpu, rss = run_measured(sdv_cmd)
            with open(stats_file) as f:
                stats = json.load(f)
            ms = {s["name"]: s["ms"] for s in stats["stages"]}
            stages = {st: sum(ms.get(p, 0.0) for p in STAGE_PARTS.get(st, [st])) / 1000
                      for st in STAGES}
            sdv.append({"wall": wall, "cpu": cpu, "rss": rss, "stages": stages,
                        "rest": wall - sum(stages.values()),
                        "instructions": stats["instructions"],
                        "functions": stats["functions"]})
    med = statistics.median
    result = {
        "instructions": sdv[0]["instructions"],
        "functions": sdv[0]["functions"],
        "bitcode_bytes": os.path.getsize(bitcode),
        "floor": {k: med(r[k] for r in floor) for k in ("wall", "cpu", "rss")},
        "sdv": {k: med(r[k] for r in sdv) for k in ("wall", "cpu", "rss", "rest")},
        "one_rule": {k: med(r[k] for r in one_rule) for k in ("wall", "rss")},
        "runs": runs,
    }
    result["sdv"]["stages"] = {st: med(r["stages"][st] for r in sdv) for st in STAGES}
    # Spread, to judge noise: the interquartile range relative to the median.
    walls = sorted(r["wall"] for r in sdv)
    result["sdv"]["wall_spread"] = (walls[(3 * len(walls)) // 4] - walls[len(walls) // 4]) / med(walls)
    return result


def throughput(tools, work, count, components, runs, jobs):
    """Drivers checked per second, one process at a time and two at a time."""
    drivers = [driver(tools, work, components, 100 + i, jobs)[0] for i in range(count)]

    def batch(cmd_of, parallel):
        start = time.perf_counter()
        pending = list(drivers)
        running = []
        while pending or running:
            while pending and len(running) < parallel:
                running.append(subprocess.Popen(cmd_of(pending.pop(0)),
                                                stdout=subprocess.DEVNULL))
            pid, status = os.wait()
            for p in running:
                if p.pid == pid:
                    p.returncode = os.waitstatus_to_exitcode(status)
            running = [p for p in running if p.pid != pid]
        return time.perf_counter() - start

    # The same drivers as a tree, one directory each, for batch mode.
    tree = os.path.join(work, f"tree-{count}x{components}")
    for i, b in enumerate(drivers):
        d = os.path.join(tree, f"d{i:02d}")
        os.makedirs(d, exist_ok=True)
        link = os.path.join(d, "driver.bc")
        if not os.path.lexists(link):
            os.symlink(os.path.abspath(b), link)

    def in_process(parallel):
        start = time.perf_counter()
        subprocess.run([tools.sdv, "check", "--no-cache", "--no-timing", "-j", str(parallel),
                        tree], stdout=subprocess.DEVNULL)
        return time.perf_counter() - start

    out = {}
    in_process(2)  # warm the page cache
    ones, twos = [], []
    for _ in range(runs):
        ones.append(in_process(1))
        twos.append(in_process(2))
    one, two = statistics.median(ones), statistics.median(twos)
    out["batch"] = {"j1": one, "j2": two, "speedup": one / two}
    for name, cmd_of in (("floor", lambda b: [tools.opt, "-passes=verify", "-disable-output", b]),
                         ("sdv", lambda b: [tools.sdv, "check", b])):
        batch(cmd_of, 2)  # warm the page cache
        # Alternated, so that whatever else the machine runs weighs on both.
        ones, twos = [], []
        for _ in range(runs):
            ones.append(batch(cmd_of, 1))
            twos.append(batch(cmd_of, 2))
        one, two = statistics.median(ones), statistics.median(twos)
        out[name] = {"j1": one, "j2": two, "speedup": one / two}
    out["drivers"] = count
    out["components"] = components
    out["instructions_each"] = components * INSTRUCTIONS_PER_COMPONENT
    return out


# ---------------------------------------------------------------------------
# Tables

def fmt_ratio(x):
    return f"{x:.2f}"


def verdict(ok):
    return "yes" if ok else "**no**"


def tables(results):
    rows = results["drivers"]
    lines = []
    add = lines.append
    add("Sizes and the floor (`opt -passes=verify`: parse and verify), median "
        f"of {results['runs']} runs:")
    add("")
    add("| size | IR instructions | functions | bitcode | floor wall | sdv-lite wall | "
        "SpinLockDpc alone | all rules / SpinLockDpc alone | "
        "sdv-lite CPU / floor CPU | floor peak RSS | sdv-lite peak RSS | planted | found |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        f, s = r["floor"], r["sdv"]
        check = r["cross_check"]
        found = f"{check['found']}" + ("" if not check["missed"] and not check["added"]
                                       else f" (**{len(check['missed'])} missed, "
                                            f"{len(check['added'])} not planted**)")
        add(f"| {r['label']} | {r['instructions']:,} | {r['functions']:,} | "
            f"{r['bitcode_bytes'] / 1e6:.1f} MB | {f['wall'] * 1000:.0f} ms | "
            f"{s['wall'] * 1000:.0f} ms | "
            f"{r['one_rule']['wall'] * 1000:.0f} ms | {fmt_ratio(s['wall'] / r['one_rule']['wall'])} | "
            f"{fmt_ratio(s['cpu'] / f['cpu'])} | "
            f"{f['rss'] / 1024:.0f} MiB | {s['rss'] / 1024:.0f} MiB | "
            f"{check['planted']} | {found} |")
    add("")
    add("sdv-lite's time as a ratio to the floor's wall time, by stage (*rest*: "
        "starting the process and loading libLLVM, reading the built-in rules and "
        "role catalogue, exiting), and its peak memory as a ratio to the floor's:")
    add("")
    add("| size | load | canonicalise | roles | analysis | report | rest | "
        f"**end to end** (target ≤ {TARGETS['end to end']}) | "
        f"**memory** (target ≤ {TARGETS['memory']}) |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        fw = r["floor"]["wall"]
        s = r["sdv"]
        cells = [fmt_ratio(s["stages"][st] / fw) for st in STAGES]
        total = s["wall"] / fw
        mem = s["rss"] / r["floor"]["rss"]
        add(f"| {r['label']} | " + " | ".join(cells) +
            f" | {fmt_ratio(s['rest'] / fw)} | {fmt_ratio(total)} "
            f"({verdict(total <= TARGETS['end to end'])}) | {fmt_ratio(mem)} "
            f"({verdict(mem <= TARGETS['memory'])}) |")
    add("")
    add("Growth between consecutive sizes: wall time ratio over code ratio "
        f"(target ≤ {TARGETS['growth']}, i.e. 4x the code in at most 4.4x the time), "
        "for sdv-lite and for the floor, and sdv-lite's growth over the floor's "
        "(above 1: sdv-lite grows faster than reading the bitcode does):")
    add("")
    add("| from | to | code × | floor time × / code × | sdv-lite time × / code × | "
        "sdv-lite time × / floor time × |")
    add("|---|---|---:|---:|---:|---:|")
    for a, b in zip(rows, rows[1:]):
        code = b["instructions"] / a["instructions"]
        floor = b["floor"]["wall"] / a["floor"]["wall"]
        sdv = b["sdv"]["wall"] / a["sdv"]["wall"]
        add(f"| {a['label']} | {b['label']} | {code:.2f} | {floor / code:.2f} | "
            f"{sdv / code:.2f} ({verdict(sdv / code <= TARGETS['growth'])}) | "
            f"{sdv / floor:.2f} |")
    t = results.get("throughput")
    if t:
        add("")
        add(f"Throughput on a tree of {t['drivers']} drivers of about "
            f"{size_label(t['instructions_each'])} instructions: `sdv-lite check "
            "-j N DIR` (batch mode: one process, a thread pool, no cache) with one "
            "and two threads, and process-level parallelism (one process per "
            "driver, one or two at a time) for sdv-lite and the floor; the floor's "
            "row shows what the machine gives two processes.")
        add("")
        add(f"| tool | -j 1 | -j 2 | speedup (target ≥ {TARGETS['throughput']}) |")
        add("|---|---:|---:|---:|")
        for name, label in (("floor", "opt -passes=verify (processes)"),
                            ("sdv", "sdv-lite check (processes)"),
                            ("batch", "sdv-lite check -j N DIR (batch mode)")):
            x = t.get(name)
            if not x:
                continue
            ok = f" ({verdict(x['speedup'] >= TARGETS['throughput'])})" if name != "floor" else ""
            add(f"| {label} | {x['j1']:.2f} s | {x['j2']:.2f} s | {x['speedup']:.2f}{ok} |")
    add("")
    m = results["machine"]
    add(f"Machine: {m['cpu']}, {m['cores']} cores, load average {m['load_before']} "
        f"before the run; {m['llvm']}; sdv-lite {m['commit']}; {m['date']}. "
        f"Median of {results['runs']} runs; the largest spread of sdv-lite's wall "
        f"time (interquartile range / median) was {m['max_spread'] * 100:.0f}%.")
    return "\n".join(lines) + "\n"


def before_after(before, after):
    """sdv-lite's ratios in an earlier results.json next to this run's."""
    old = {r["label"]: r for r in before["drivers"]}
    lines = [f"Before ({before['machine']['commit']}) and after "
             f"({after['machine']['commit']}), each against the floor measured "
             "in its own run:", "",
             "| size | sdv-lite wall before | after | end to end before | after | "
             "memory before | after |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in after["drivers"]:
        b = old.get(r["label"])
        if not b:
            continue
        lines.append(
            f"| {r['label']} | {b['sdv']['wall'] * 1000:.0f} ms | {r['sdv']['wall'] * 1000:.0f} ms"
            f" | {b['sdv']['wall'] / b['floor']['wall']:.2f} | {r['sdv']['wall'] / r['floor']['wall']:.2f}"
            f" | {b['sdv']['rss'] / b['floor']['rss']:.2f} | {r['sdv']['rss'] / r['floor']['rss']:.2f} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# SVG plots, written directly (no plotting library needed)

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#7f7f7f"]


def svg_plot(title, ylabel, series, path):
    """Log-log plot of \\p series: (label, [(x, y)], color, dashed)."""
    width, height = 720, 440
    left, right, top, bottom = 80, 200, 40, 60
    xs = [x for _, pts, _, _ in series for x, _ in pts]
    ys = [y for _, pts, _, _ in series for _, y in pts if y > 0]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    if x1 == x0:
        x1 += 1
    if y1 == y0:
        y1 += 1

    def px(x):
        return left + (math.log10(x) - x0) / (x1 - x0) * (width - left - right)

    def py(y):
        return height - bottom - (math.log10(y) - y0) / (y1 - y0) * (height - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{(width - right + left) / 2}" y="22" text-anchor="middle" '
           f'font-size="14">{title}</text>']
    def ticks(lo, hi):
        """1, 2 and 5 times each power of ten from 10^lo to 10^hi."""
        return [m * 10.0 ** e for e in range(lo, hi + 1) for m in (1, 2, 5)
                if m * 10.0 ** e <= 10.0 ** hi]

    for v in ticks(x0, x1):
        x = px(v)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">'
                   f'{size_label(int(v))}</text>')
    for v in ticks(y0, y1):
        y = py(v)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v:g}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{width - left - right}" '
               f'height="{height - top - bottom}" fill="none" stroke="black"/>')
    out.append(f'<text x="{(width - right + left) / 2}" y="{height - 18}" '
               f'text-anchor="middle">IR instructions (log scale)</text>')
    out.append(f'<text transform="translate(20,{(height - bottom + top) / 2}) rotate(-90)" '
               f'text-anchor="middle">{ylabel} (log scale)</text>')
    for i, (label, pts, color, dashed) in enumerate(series):
        dash = ' stroke-dasharray="6,4"' if dashed else ""
        coords = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts if y > 0)
        out.append(f'<polyline points="{coords}" fill="none" stroke="{color}" '
                   f'stroke-width="2"{dash}/>')
        if not dashed:
            for x, y in pts:
                if y > 0:
                    out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{color}"/>')
        ly = top + 10 + i * 20
        lx = width - right + 12
        out.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 24}" y2="{ly}" stroke="{color}" '
                   f'stroke-width="2"{dash}/>')
        out.append(f'<text x="{lx + 30}" y="{ly + 4}">{label}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def plots(results, out_dir):
    rows = results["drivers"]
    n = [r["instructions"] for r in rows]
    floor = [r["floor"]["wall"] * 1000 for r in rows]
    series = [
        ("sdv-lite check", list(zip(n, [r["sdv"]["wall"] * 1000 for r in rows])), COLORS[0], False),
        ("opt -passes=verify", list(zip(n, floor)), COLORS[6], False),
        ("1.5 × opt (target)", list(zip(n, [f * 1.5 for f in floor])), COLORS[6], True),
    ]
    for i, st in enumerate(["load", "canonicalise", "roles", "analysis"]):
        series.append((f"stage: {st}",
                       list(zip(n, [r["sdv"]["stages"][st] * 1000 for r in rows])),
                       COLORS[i + 1], False))
    svg_plot("Wall time against driver size (median)", "milliseconds", series,
             os.path.join(out_dir, "time-vs-size.svg"))
    floor_mem = [r["floor"]["rss"] / 1024 for r in rows]
    svg_plot("Peak memory against driver size (median)", "MiB", [
        ("sdv-lite check", list(zip(n, [r["sdv"]["rss"] / 1024 for r in rows])), COLORS[0], False),
        ("opt -passes=verify", list(zip(n, floor_mem)), COLORS[6], False),
        ("2 × opt (target)", list(zip(n, [m * 2 for m in floor_mem])), COLORS[6], True),
    ], os.path.join(out_dir, "memory-vs-size.svg"))


def update_readme(path, text, section="results"):
    """Replaces the text between the section's markers in \p path."""
    begin, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    try:
        with open(path) as f:
            readme = f.read()
    except FileNotFoundError:
        return False
    if begin not in readme or end not in readme:
        return False
    head, rest = readme.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w") as f:
        f.write(head + begin + "\n" + text + end + tail)
    return True


def machine(tools, spread, label):
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            if m:
                cpu = m.group(1).strip()
    except OSError:
        pass
    commit = label or subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                                     capture_output=True, text=True).stdout.strip() or "unknown"
    return {"cpu": cpu, "cores": os.cpu_count(),
            "load_before": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "llvm": "LLVM " + tools.version(tools.opt), "commit": commit,
            "date": datetime.date.today().isoformat(), "max_spread": spread}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="4k,16k,64k,256k,1M",
                   help="driver sizes in IR instructions, comma-separated (default %(default)s)")
    p.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--throughput-drivers", type=int, default=8,
                   help="drivers in the tree for the -j 1 / -j 2 throughput (0: skip)")
    p.add_argument("--throughput-size", type=parse_size, default=parse_size("256k"),
                   help="size of each driver in the tree (default 256k)")
    p.add_argument("--quick", action="store_true",
                   help="4k and 16k only, 3 runs, no throughput: a check that it all works")
    p.add_argument("--sdv", default=os.path.join(ROOT, "build", "bin", "sdv-lite"))
    p.add_argument("--sdv-label", help="what to call that sdv-lite in the results "
                   "(default: this checkout's git commit)")
    p.add_argument("--opt", default="opt-16")
    p.add_argument("--clang", default="clang-16")
    p.add_argument("--llvm-link", default="llvm-link-16")
    p.add_argument("--work", default=os.path.join(ROOT, "build", "bench"),
                   help="where generated drivers are cached")
    p.add_argument("--results", default=HERE,
                   help="where to write results.{json,md}, the plots and README.md's table")
    p.add_argument("-j", "--jobs", type=int, default=1, help="clang jobs when generating")
    p.add_argument("--before", metavar="RESULTS_JSON",
                   help="an earlier run's results.json (e.g. of an older sdv-lite, with "
                        "--sdv and --results elsewhere): also print the ratios before and after")
    args = p.parse_args()
    if args.quick:
        args.sizes, args.runs, args.throughput_drivers = "4k,16k", 3, 0
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    tools = Tools(args)
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.results, exist_ok=True)

    load_before = os.getloadavg()
    rows = []
    for size in sizes:
        components = max(1, round(size / INSTRUCTIONS_PER_COMPONENT))
        print(f"{size_label(size)}: {components} components", flush=True)
        bitcode, manifest = driver(tools, args.work, components, args.seed, args.jobs)
        row = measure_driver(tools, bitcode, args.runs)
        row["label"] = size_label(size)
        row["components"] = components
        row["cross_check"] = cross_check(tools, bitcode, manifest)
        rows.append(row)
        print(f"  {row['instructions']:,} instructions: floor {row['floor']['wall'] * 1000:.0f} ms, "
              f"sdv-lite {row['sdv']['wall'] * 1000:.0f} ms "
              f"({row['sdv']['wall'] / row['floor']['wall']:.2f}x), "
              f"defects planted {row['cross_check']['planted']}, "
              f"found {row['cross_check']['found']}", flush=True)
    results = {"runs": args.runs, "drivers": rows}
    if args.throughput_drivers:
        components = max(1, round(args.throughput_size / INSTRUCTIONS_PER_COMPONENT))
        print(f"throughput: {args.throughput_drivers} drivers of {components} components",
              flush=True)
        results["throughput"] = throughput(tools, args.work, args.throughput_drivers,
                                           components, args.runs, args.jobs)
    m = machine(tools, max(r["sdv"]["wall_spread"] for r in rows), args.sdv_label)
    m["load_before"] = " ".join(f"{x:.1f}" for x in load_before)
    results["machine"] = m

    text = tables(results)
    extra = ""
    if args.before:
        with open(args.before) as f:
            before = json.load(f)
        extra = "\n" + before_after(before, results)
        results["before"] = {"machine": before["machine"], "drivers": before["drivers"]}
    with open(os.path.join(args.results, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.results, "results.md"), "w") as f:
        f.write("# sdv-lite benchmark results\n\nWritten by `scripts/bench.sh` "
                "(bench/bench.py); see README.md here.\n\n" + text + extra)
    plots(results, args.results)
    update_readme(os.path.join(args.results, "README.md"), text)
    if extra:
        update_readme(os.path.join(args.results, "README.md"), extra.lstrip("\n"),
                      "before-after")
    print()
    print(text + extra)
    mismatches = [r["label"] for r in rows
                  if r["cross_check"]["missed"] or r["cross_check"]["added"]]
    if mismatches:
        print(f"error: reported defects differ from the planted ones at {', '.join(mismatches)}",
              file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
