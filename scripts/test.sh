#!/usr/bin/env bash
# Builds sdv-lite and runs every test (Catch2 unit tests and the lit
# regression suite) through ctest. From a fresh machine: installs what it
# needs first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SDV_BUILD_DIR:-$root/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "$jobs"
cd "$build"
ctest --output-on-failure -j "$jobs"
