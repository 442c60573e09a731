#!/usr/bin/env python3
"""Checks that the man page documents every option of every command.

usage: man_page_options.py SDV-LITE MANPAGE[.gz]
The commands are those `SDV-LITE --help` lists under "Subcommands:"; a
command's options and arguments are the entries of its --help (lines
indented exactly two spaces, under "Options:" and "Positionals:"), without
-h,--help. The man page must have a section `.SH "SDV-LITE <COMMAND>"` whose
.TP entries (those of its subsections Options and Arguments) name exactly
these, and an OPTIONS section with the options before the command. Prints one line per section checked; exits 1 on any
difference.
"""
import gzip
import re
import subprocess
import sys


def help_entries(sdv, *command):
    """{section title: [names]} of one --help text."""
    text = subprocess.run([sdv, *command, "--help"], check=True, capture_output=True,
                          text=True).stdout
    entries, section = {}, None
    for line in text.splitlines():
        if re.fullmatch(r"[A-Z][a-z]+:", line):
            section = entries.setdefault(line[:-1], [])
        elif not line.strip():
            section = None
        elif section is not None and re.match(r"  \S", line):
            section.append(line.split()[0])
    return entries


def names(entry_heads):
    """The option names of `NAME[,NAME...]` entries, as a set."""
    return {n for head in entry_heads if head != "-h,--help" for n in head.split(",")}


def man_sections(roff):
    """{.SH title: [the bold names of its .TP entries]}, leaving out those of
    subsections other than Options and Arguments (a command's exit status)."""
    sections, current, listed = {}, None, True
    lines = roff.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".SH "):
            current = sections.setdefault(line[4:].strip('"').replace("\\-", "-"), [])
            listed = True
        elif line.startswith(".SS "):
            listed = line[4:].strip('"') in ("Options", "Arguments")
        elif line == ".TP" and listed and current is not None and i + 1 < len(lines):
            m = re.match(r"\\fB(.*?)\\fR", lines[i + 1])
            if m:
                current.append(m.group(1).replace("\\-", "-"))
    return sections


def main():
    sdv, page = sys.argv[1], sys.argv[2]
    opener = gzip.open if page.endswith(".gz") else open
    with opener(page, "rt") as f:
        sections = man_sections(f.read())
    top = help_entries(sdv)
    commands = top.get("Subcommands", [])
    if not commands:
        print("error: `sdv-lite --help` lists no commands")
        return 1
    checks = [("OPTIONS", names(top.get("Options", [])))]
    for c in commands:
        h = help_entries(sdv, c)
        checks.append(("SDV-LITE " + c.upper(),
                       names(h.get("Options", []) + h.get("Positionals", []))))
    status = 0
    for title, expected in checks:
        if title not in sections:
            print("error: no section {}".format(title))
            status = 1
            continue
        found = names(sections[title])
        if found != expected:
            print("error: {}: missing {}, not in --help {}".format(
                title, sorted(expected - found), sorted(found - expected)))
            status = 1
            continue
        print("{}: {} names".format(title, len(expected)))
    return status


if __name__ == "__main__":
    sys.exit(main())
