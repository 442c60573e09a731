#!/usr/bin/env bash
# Runs sdv-lite over a compile database or bitcode, writes a SARIF log,
# prints the defects and their counts, and exits with the job's verdict.
#
# usage: check.sh [--sdv-lite PATH] [--compile-database DB] [--baseline OLD.sarif]
#                 [--fail-on any|new] [--fail-on-budget true|false] [--sarif FILE]
#                 [--source-root DIR] [PATH...] [-- SDV-LITE-OPTION...]
# or the same from the environment: SDV_LITE, SDV_LITE_COMPILE_DATABASE,
# SDV_LITE_BASELINE, SDV_LITE_FAIL_ON, SDV_LITE_FAIL_ON_BUDGET, SDV_LITE_SARIF,
# SDV_LITE_SOURCE_ROOT, SDV_LITE_PATHS and SDV_LITE_ARGS (the last two split
# into words as a shell would, quotes allowed, nothing expanded). Arguments
# add to (paths, options) or win over (the rest) the environment.
#
# With a compile database: `sdv-lite build -p DB`, run in the source root
# (DB, the SARIF file and the baseline may be relative to the working
# directory; the options after -- are sdv-lite's, relative to the source
# root); with PATHs (bitcode files, or directories searched for drivers):
# `sdv-lite check --source-root DIR PATH...`. Both write `--format sarif -o
# FILE` (default sdv-lite.sarif); the source root defaults to
# $GITHUB_WORKSPACE, else the working directory, and `--fail-on` and
# `--baseline` go to sdv-lite, which marks each defect new or unchanged per
# driver. The log's defects are printed and counted by sarif-summary.py.
#
# Exit status: 0 no defect, or with --fail-on new none that the baseline
# lacks; 1 defects (new ones with --fail-on new); 2 sdv-lite cannot check
# (usage, an unreadable input or baseline, a driver in error, no sdv-lite);
# 3 an analysis stopped at a budget and nothing above, or 0 for that with
# --fail-on-budget false. Where $GITHUB_OUTPUT is set, writes to it: sarif
# (the log's absolute path, when one was written), exit-status (sdv-lite's),
# and, when python3 is there to read the log, defects, new, suppressed,
# absent and stopped (see sarif-summary.py).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

fail() {
  echo "sdv-lite check: error: $*" >&2
  exit 2
}

# Splits $1 into words, NUL-terminated, as xargs does: blanks and newlines
# separate, quotes and backslashes group, nothing runs or expands.
split_words() {
  printf '%s' "$1" | xargs -r printf '%s\0'
}

sdv="${SDV_LITE:-sdv-lite}"
db="${SDV_LITE_COMPILE_DATABASE:-}"
baseline="${SDV_LITE_BASELINE:-}"
fail_on="${SDV_LITE_FAIL_ON:-any}"
fail_on_budget="${SDV_LITE_FAIL_ON_BUDGET:-true}"
sarif="${SDV_LITE_SARIF:-sdv-lite.sarif}"
source_root="${SDV_LITE_SOURCE_ROOT:-${GITHUB_WORKSPACE:-$PWD}}"

words="$(mktemp)"
trap 'rm -f "$words"' EXIT
split_words "${SDV_LITE_PATHS:-}" > "$words" || fail "cannot split the paths '${SDV_LITE_PATHS:-}'"
mapfile -d '' paths < "$words"
split_words "${SDV_LITE_ARGS:-}" > "$words" || fail "cannot split the arguments '${SDV_LITE_ARGS:-}'"
mapfile -d '' extra < "$words"

while [ $# -gt 0 ]; do
  case "$1" in
    --sdv-lite|--compile-database|--baseline|--fail-on|--fail-on-budget|--sarif|--source-root)
      [ $# -ge 2 ] || fail "option '$1' needs a value"
      case "$1" in
        --sdv-lite) sdv="$2" ;;
        --compile-database) db="$2" ;;
        --baseline) baseline="$2" ;;
        --fail-on) fail_on="$2" ;;
        --fail-on-budget) fail_on_budget="$2" ;;
        --sarif) sarif="$2" ;;
        --source-root) source_root="$2" ;;
      esac
      shift 2 ;;
    --) shift; extra+=("$@"); break ;;
    -*) fail "unknown option '$1' (sdv-lite's own options go after --)" ;;
    *) paths+=("$1"); shift ;;
  esac
done

case "$fail_on" in any|new) ;; *) fail "fail-on must be 'any' or 'new', not '$fail_on'" ;; esac
case "$fail_on_budget" in true|false) ;; *) fail "fail-on-budget must be 'true' or 'false', not '$fail_on_budget'" ;; esac
if [ -n "$db" ] && [ ${#paths[@]} -gt 0 ]; then
  fail "give a compile database or paths, not both"
fi
if [ -z "$db" ] && [ ${#paths[@]} -eq 0 ]; then
  fail "nothing to check: give a compile database or paths"
fi
command -v "$sdv" >/dev/null || fail "cannot find sdv-lite ('$sdv')"
have_python=0
command -v python3 >/dev/null && have_python=1

absolute() {
  echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
}
[ -d "$source_root" ] || fail "source root '$source_root' is not a directory"
[ -d "$(dirname "$sarif")" ] || fail "cannot write '$sarif': no such directory"
sarif="$(absolute "$sarif")"
if [ -n "$baseline" ]; then
  [ -f "$baseline" ] || fail "baseline '$baseline' not found"
  baseline="$(absolute "$baseline")"
fi

cmd=("$sdv")
run_in="$PWD"
if [ -n "$db" ]; then
  [ -f "$db" ] || fail "compile database '$db' not found"
  # build has no --source-root: its paths are relative to where it runs.
  cmd+=(build -p "$(absolute "$db")")
  run_in="$source_root"
else
  cmd+=(check --source-root "$source_root")
fi
cmd+=(--format sarif -o "$sarif" --fail-on "$fail_on")
[ -n "$baseline" ] && cmd+=(--baseline "$baseline")
cmd+=("${extra[@]}" "${paths[@]}")

# Leaves no earlier run's log to be taken for this one's.
rm -f "$sarif"
echo "+ (cd $run_in && ${cmd[*]})" >&2
status=0
(cd "$run_in" && "${cmd[@]}") || status=$?

out() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "$1=$2" >> "$GITHUB_OUTPUT"
  fi
}

out exit-status "$status"
if [ -f "$sarif" ] && [ "$have_python" -eq 1 ]; then
  counts="$(mktemp)"
  trap 'rm -f "$words" "$counts"' EXIT
  python3 "$here/sarif-summary.py" --counts "$counts" "$sarif" || exit 2
  while IFS='=' read -r key value; do
    out "$key" "$value"
  done < "$counts"
  echo "sdv-lite: $(paste -sd ' ' "$counts") in $sarif"
elif [ -f "$sarif" ]; then
  echo "sdv-lite: no python3 to count the defects of $sarif" >&2
fi
if [ -f "$sarif" ]; then
  out sarif "$sarif"
fi

# Defects that are all in the baseline do not fail with --fail-on new; a
# budget's stop that sdv-lite's 1 outranked then decides.

case "$status" in
  0) exit 0 ;;
  1) echo "sdv-lite: defects found$([ "$fail_on" = new ] && echo ' that the baseline lacks')" >&2
     exit 1 ;;
  2) echo "sdv-lite: cannot check (exit status 2: see the error above)" >&2
     exit 2 ;;
  3) if [ "$fail_on_budget" = true ]; then
       echo "sdv-lite: an analysis stopped at a budget (exit status 3)" >&2
       exit 3
     fi
     echo "sdv-lite: an analysis stopped at a budget (exit status 3), not failing (fail-on-budget false)" >&2
     exit 0 ;;
  *) echo "sdv-lite: ended with exit status $status" >&2
     exit 2 ;;
esac
