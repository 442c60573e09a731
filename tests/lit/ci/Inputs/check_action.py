#!/usr/bin/env python3
"""Checks the GitHub action (action.yml) and the pre-commit hooks
(.pre-commit-hooks.yaml) of a checkout against the scripts they run.

usage: check_action.py ROOT [--outputs STEP=GITHUB_OUTPUT-FILE]...

action.yml: parses as YAML; a composite action; every `run:` step has a
shell and runs one script, "$GITHUB_ACTION_PATH/scripts/ci/NAME", that
exists and is executable, with no ${{ }} in the command (inputs reach the
scripts through `env:`, never spliced into shell text); every variable of a
step's env is named in its script; every `uses:` names a ref; every input
used is declared and every input declared is used; every
steps.ID.outputs.NAME refers to an earlier step and, for each --outputs
STEP=FILE (a $GITHUB_OUTPUT file the step's script wrote), to a NAME the
script wrote. .pre-commit-hooks.yaml: each hook's entry exists and is
executable, and its `files` pattern takes C and C++ sources and headers and
nothing else. Prints each problem and the count; exits 1 if there is any.
"""
import argparse
import os
import re
import sys

import yaml

RUN_SCRIPT = re.compile(r'^"\$GITHUB_ACTION_PATH/(scripts/ci/[A-Za-z0-9_.-]+)"$')
EXPR = re.compile(r"\$\{\{(.*?)\}\}")
INPUT_REF = re.compile(r"\binputs\.([A-Za-z0-9_-]+)")
STEP_OUTPUT_REF = re.compile(r"\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)")
SOURCES = ["a.c", "dir/b.h", "c.cpp", "d.cc", "e.hpp", "f.cxx"]
NOT_SOURCES = ["README.md", "x.py", "y.c.orig", "CMakeLists.txt", "z.sh"]


def expressions(value):
    """Every ${{ }} expression inside a parsed YAML value; an `if:` is one
    without the braces."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from expressions(k)
            if k == "if" and isinstance(v, str) and "${{" not in v:
                yield v
            else:
                yield from expressions(v)
    elif isinstance(value, list):
        for v in value:
            yield from expressions(v)
    elif isinstance(value, str):
        yield from EXPR.findall(value)


def load(root, name, problems):
    """The parsed YAML file, or None with the problem added."""
    try:
        with open(os.path.join(root, name)) as f:
            return yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        problems.append("%s: %s" % (name, e))
        return None


def check_action(root, written, problems):
    action = load(root, "action.yml", problems)
    if action is None:
        return
    runs = action.get("runs", {})
    if runs.get("using") != "composite":
        problems.append("action.yml: runs.using is not 'composite'")
    steps = runs.get("steps", [])
    inputs = set(action.get("inputs", {}))

    used = set()
    for e in expressions(action):
        used.update(INPUT_REF.findall(e))
    for name in sorted(used - inputs):
        problems.append("action.yml: input '%s' is used but not declared" % name)
    for name in sorted(inputs - used):
        problems.append("action.yml: input '%s' is declared but not used" % name)

    def check_refs(value, seen, where):
        for e in expressions(value):
            for sid, out in STEP_OUTPUT_REF.findall(e):
                if sid not in seen:
                    problems.append("%s: steps.%s is not an earlier step" % (where, sid))
                elif sid in written and out not in written[sid]:
                    problems.append("%s: step '%s' does not write output '%s'" % (where, sid, out))

    seen = []
    for i, step in enumerate(steps):
        where = "action.yml: step %d (%s)" % (i + 1, step.get("id") or step.get("name"))
        check_refs(step, seen, where)
        if step.get("id"):
            seen.append(step["id"])
        if "uses" in step and "@" not in step["uses"]:
            problems.append("%s: uses '%s' names no ref" % (where, step["uses"]))
        if "run" in step:
            if "shell" not in step:
                problems.append("%s: a run step needs a shell" % where)
            command = step["run"].strip()
            m = RUN_SCRIPT.match(command)
            if not m:
                problems.append("%s: run '%s' is not one script of scripts/ci" % (where, command))
                continue
            script = os.path.join(root, m.group(1))
            if not os.path.isfile(script) or not os.access(script, os.X_OK):
                problems.append("%s: %s is not an executable file" % (where, m.group(1)))
                continue
            text = open(script).read()
            for var in step.get("env", {}):
                if not re.search(r"\b%s\b" % re.escape(var), text):
                    problems.append("%s: %s does not read %s" % (where, m.group(1), var))
    check_refs(action.get("outputs", {}), seen, "action.yml: outputs")


def check_hooks(root, problems):
    for hook in load(root, ".pre-commit-hooks.yaml", problems) or []:
        where = ".pre-commit-hooks.yaml: hook '%s'" % hook.get("id")
        entry = os.path.join(root, hook.get("entry", ""))
        if hook.get("language") == "script" and not (os.path.isfile(entry) and os.access(entry, os.X_OK)):
            problems.append("%s: entry '%s' is not an executable file" % (where, hook.get("entry")))
        files = re.compile(hook.get("files", ""))
        for name in SOURCES:
            if not files.search(name):
                problems.append("%s: files does not take %s" % (where, name))
        for name in NOT_SOURCES:
            if files.search(name):
                problems.append("%s: files takes %s" % (where, name))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--outputs", action="append", default=[], metavar="STEP=FILE")
    args = ap.parse_args()
    written = {}
    for spec in args.outputs:
        step, _, path = spec.partition("=")
        with open(path) as f:
            written[step] = {line.split("=", 1)[0] for line in f if "=" in line}
    problems = []
    check_action(args.root, written, problems)
    check_hooks(args.root, problems)
    for p in problems:
        print(p)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
