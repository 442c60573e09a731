#!/usr/bin/env bash
# pre-commit hook (.pre-commit-hooks.yaml, id sdv-lite): checks the drivers
# of the compile database that the staged C/C++ files touch.
#
# usage: pre-commit-hook.sh [--compile-database DB] [--] FILE...
# The database: --compile-database (the hook's `args:`), else
# $SDV_LITE_COMPILE_DB, else compile_commands.json or
# build/compile_commands.json at the top of the repository. sdv-lite: $SDV_LITE,
# else the one on PATH. Runs `sdv-lite build -p DB --changed FILE...`: a
# source selects its unit's driver, a header the drivers with a unit in its
# directory or below (all of them when none has); no driver selected is a
# pass. Exit status: sdv-lite's (0 pass, 1 defects, 2 cannot check, 3 stopped
# at a budget), or 2 when there is no database or no sdv-lite.
set -euo pipefail

fail() {
  echo "sdv-lite hook: error: $*" >&2
  exit 2
}

db="${SDV_LITE_COMPILE_DB:-}"
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --compile-database)
      [ $# -ge 2 ] || fail "option '$1' needs a value"
      db="$2"
      shift 2 ;;
    --compile-database=*) db="${1#*=}"; shift ;;
    --) shift; files+=("$@"); break ;;
    *) files+=("$1"); shift ;;
  esac
done

if [ ${#files[@]} -eq 0 ]; then
  exit 0
fi
if [ -z "$db" ]; then
  top="$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
  for candidate in "$top/compile_commands.json" "$top/build/compile_commands.json"; do
    if [ -f "$candidate" ]; then
      db="$candidate"
      break
    fi
  done
  [ -n "$db" ] || fail "no compile database: pass --compile-database PATH in the hook's args, set SDV_LITE_COMPILE_DB, or write compile_commands.json or build/compile_commands.json at the top of the repository"
fi
[ -f "$db" ] || fail "compile database '$db' not found"
sdv="${SDV_LITE:-sdv-lite}"
command -v "$sdv" >/dev/null || fail "cannot find sdv-lite ('$sdv'): put it on PATH or set SDV_LITE"

exec "$sdv" build -p "$db" --changed "${files[@]}"
