#!/usr/bin/env bash
# Builds sdv-lite and runs its benchmark (bench/bench.py): generated drivers
# from 4k to 1M IR instructions, each checked against `opt -passes=verify`
# on the same bitcode. Prints the tables; writes bench/results.{json,md},
# bench/time-vs-size.svg, bench/memory-vs-size.svg and the results section
# of bench/README.md. Options go to bench.py (--quick, --runs N, --sizes ...;
# see bench/README.md). Not part of scripts/test.sh: it takes minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SDV_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"
exec python3 "$root/bench/bench.py" --sdv "$build/bin/sdv-lite" --work "$build/bench" "$@"
