#!/usr/bin/env python3
"""Writes sdv-lite's man page, sdv-lite(1), from the tool's own --help.

    manpage.py [--rules-dir share/sdv-lite/rules] [--cmake-dir lib/cmake/sdv-lite]
               [--doc-dir share/doc/sdv-lite] -o sdv-lite.1[.gz] path/to/sdv-lite

The top-level --help gives the name line, the commands, the global options,
the exit status and the description; each command's --help gives a section
with its usage and options. The FILES and SEE ALSO sections are written here.
An output ending in .gz is gzipped without a timestamp, as Debian installs
man pages, so that the same tool gives the same file.

The --help text is CLI11's: sections ("Options:") at column 0, entries
indented two spaces with their description starting at a fixed column (or
on the next line when the option is too long), and the footer's paragraphs
after the last section.
"""

import argparse
import gzip
import os
import re
import subprocess
import sys


def run_help(exe, *args):
    out = subprocess.run([exe, *args, "--help"], check=True, capture_output=True,
                         text=True, env=dict(os.environ, LC_ALL="C")).stdout
    return out.splitlines()


class Help:
    """One --help text: description, usage, sections of entries, footer."""

    def __init__(self, exe, lines):
        self.description = lines[0].strip()
        usage = next(l for l in lines if l.startswith("Usage: "))
        # The usage line names the program as it was run: keep the command.
        self.usage = usage[len("Usage: " + exe):].strip()
        self.sections = {}  # title -> [(spec, description)]
        self.footer = []    # paragraphs, each a list of lines
        column = self._description_column(lines)
        i = lines.index(usage) + 1
        section = None
        while i < len(lines):
            line = lines[i]
            i += 1
            if not line.strip():
                section = None
                continue
            if section is None and re.fullmatch(r"[A-Z][A-Za-z]*:", line):
                section = self.sections.setdefault(line[:-1], [])
                continue
            if section is None:
                # The footer: everything from here, in paragraphs.
                self.footer = paragraphs(lines[i - 1:])
                break
            if not line[:column].strip():
                section[-1][1] = (section[-1][1] + " " + line.strip()).strip()
            elif i < len(lines) and is_continuation(lines[i], column):
                # Too long to share a line with its description.
                section.append([line.strip(), ""])
            else:
                section.append([line[:column].strip(), line[column:].strip()])

    @staticmethod
    def _description_column(lines):
        """Where descriptions start: that of -h,--help, which every command has."""
        for line in lines:
            m = re.match(r"  -h,--help +", line)
            if m:
                return m.end()
        raise SystemExit("manpage.py: no '-h,--help' entry in the --help text")


def is_continuation(line, column):
    return len(line) > column and not line[:column].strip()


def paragraphs(lines):
    out, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def esc(text):
    """Text for roff: backslashes, minus signs (so options copy as typed),
    and a leading period or quote that would start a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    if text[:1] in (".", "'"):
        text = "\\&" + text
    return text


def option_entry(spec, description):
    """A .TP entry: the option names in bold, the rest of the spec (value,
    validator, default, repeatable, REQUIRED) as --help shows it."""
    names, _, rest = spec.partition(" ")
    head = "\\fB" + esc(names) + "\\fR"
    if rest:
        head += " \\fI" + esc(rest) + "\\fR"
    return [".TP", head, esc(description)]


def text_paragraph(lines):
    """A footer paragraph: lines indented by two or more spaces (commands,
    examples) stay as they are, the rest is filled."""
    out = [".PP"]
    for line in lines:
        if line.startswith("  "):
            out += [".nf", "    " + esc(line.strip()), ".fi"]
        else:
            out.append(esc(line.strip()))
    return out


def exit_status(paragraph):
    """'Exit status:' followed by '  N  text' entries, text wrapped onto
    deeper-indented lines."""
    out = []
    for line in paragraph[1:]:
        m = re.match(r"  (\d+)  (.*)", line)
        if m:
            out += [".TP", "\\fB" + m.group(1) + "\\fR", esc(m.group(2))]
        else:
            out[-1] += " " + esc(line.strip())
    return out


def is_exit_status(paragraph):
    return paragraph[0].strip() == "Exit status:"


def footer(paragraph_list, exit_heading):
    out = []
    for p in paragraph_list:
        if is_exit_status(p):
            out += [exit_heading] + exit_status(p)
        else:
            out += text_paragraph(p)
    return out


def files_section(rules_dir, cmake_dir, doc_dir):
    def entry(path, text):
        return [".TP", "\\fI" + esc(path) + "\\fR", esc(text)]
    out = [".SH FILES"]
    out += entry("PREFIX/" + rules_dir + "/",
                 "The files of the built-in rules and of the role catalogue "
                 "(roles.yaml), to copy and edit into a rule of one's own "
                 "(--rule-file) or a driver's roles (--roles-file); "
                 "docs/rule-format.md describes them. The built-in rules are "
                 "compiled into sdv-lite, which needs no file here; 'sdv-lite "
                 "rules' prints this directory, found relative to the "
                 "executable. PREFIX is the directory above the one holding "
                 "sdv-lite: /usr for the Debian package.")
    out += entry("sdv-map.h",
                 "A role map next to the first input, read by check and roles "
                 "unless --map names another or --no-auto-map is given; "
                 "'sdv-lite scan' writes one.")
    out += entry("$XDG_CACHE_HOME/sdv-lite/, ~/.cache/sdv-lite/",
                 "The result cache of batch mode (--cache-dir, --no-cache).")
    out += entry("PREFIX/" + cmake_dir + "/",
                 "The CMake package: find_package(sdv-lite) provides "
                 "sdv_lite_check(), which checks a driver target as a build step.")
    out += entry("PREFIX/" + doc_dir + "/",
                 "README.md (usage, entry routines, batch mode, the build "
                 "integrations), docs/rule-format.md, docs/json-format.md and "
                 "the JSON report's schema.")
    return out


def see_also(doc_dir):
    return [".SH \"SEE ALSO\"", ".BR clang (1),", ".BR cmake (1);",
            esc("PREFIX/" + doc_dir + "/README.md") + "."]


def manpage(exe, rules_dir, cmake_dir, doc_dir):
    version = subprocess.run([exe, "--version"], check=True, capture_output=True,
                             text=True).stdout.strip()
    top = Help(exe, run_help(exe))
    commands = [name for name, _ in top.sections.get("Subcommands", [])]
    if not commands:
        raise SystemExit("manpage.py: the --help text lists no commands")
    helps = {c: Help(exe, run_help(exe, c)) for c in commands}

    name_line = re.sub(r"^sdv-lite:\s*", "", top.description).rstrip(".")
    out = ['.\\" Written by scripts/manpage.py from sdv-lite --help; do not edit.',
           '.TH SDV\\-LITE 1 "" "sdv\\-lite ' + esc(version) + '" "User Commands"',
           # Option names and file names are not to be hyphenated.
           ".nh",
           ".SH NAME", "sdv\\-lite \\- " + esc(name_line),
           ".SH SYNOPSIS"]
    for c in commands:
        out += [".B sdv\\-lite", esc(helps[c].usage), ".br"]
    out += [".B sdv\\-lite", "\\-\\-help | \\-\\-version"]

    out += [".SH DESCRIPTION", esc("sdv-lite " + name_line + ".")]
    out += [".PP", "Commands:"]
    for c, description in top.sections["Subcommands"]:
        out += [".TP", "\\fB" + esc(c) + "\\fR", esc(description)]
    out += footer([p for p in top.footer if not is_exit_status(p)], None)

    out += [".SH OPTIONS", "Before the command:"]
    for spec, description in top.sections.get("Options", []):
        out += option_entry(spec, description)

    for c in commands:
        h = helps[c]
        out += ['.SH "SDV\\-LITE ' + esc(c.upper()) + '"', esc(h.description), ".PP",
                ".B sdv\\-lite", esc(h.usage)]
        for title in ("Positionals", "Options"):
            entries = [e for e in h.sections.get(title, []) if e[0] != "-h,--help"]
            if entries:
                out += [".SS " + ("Arguments" if title == "Positionals" else "Options")]
                for spec, description in entries:
                    out += option_entry(spec, description)
        # A command's own footer (CLI11 repeats the top one otherwise).
        if h.footer != top.footer:
            out += footer(h.footer, ".SS \"Exit status\"")

    exits = [p for p in top.footer if is_exit_status(p)]
    if not exits:
        raise SystemExit("manpage.py: the --help text has no 'Exit status:' paragraph")
    out += [".SH \"EXIT STATUS\""] + exit_status(exits[0])
    out += files_section(rules_dir, cmake_dir, doc_dir)
    out += see_also(doc_dir)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("exe", help="the sdv-lite to run")
    ap.add_argument("-o", "--output", required=True,
                    help="the man page to write (gzipped if it ends in .gz)")
    ap.add_argument("--rules-dir", default="share/sdv-lite/rules")
    ap.add_argument("--cmake-dir", default="lib/cmake/sdv-lite")
    ap.add_argument("--doc-dir", default="share/doc/sdv-lite")
    args = ap.parse_args()
    text = manpage(args.exe, args.rules_dir, args.cmake_dir, args.doc_dir).encode()
    with open(args.output, "wb") as f:
        if args.output.endswith(".gz"):
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9,
                               mtime=0) as z:
                z.write(text)
        else:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
