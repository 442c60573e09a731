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
(cd "$build" && ctest --output-on-failure -j "$jobs")

# The whole suite again on a build with AddressSanitizer and
# UndefinedBehaviorSanitizer: any report fails the test that triggered it.
# SDV_SKIP_SANITIZERS=1 skips it for a quick local run.
if [ "${SDV_SKIP_SANITIZERS:-0}" != 1 ]; then
  asan="${SDV_ASAN_BUILD_DIR:-$root/build-asan}"
  cmake -S "$root" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSDV_SANITIZE=ON
  cmake --build "$asan" -j "$jobs"
  (cd "$asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     ctest --output-on-failure -j "$jobs")
fi

# A bounded fuzzing run (scripts/fuzz.sh: the libFuzzer harnesses of
# tests/fuzz, built with clang++-16, replaying tests/fuzz/regressions, then
# about a minute of fuzzing in all). SDV_SKIP_FUZZ=1 skips it.
if [ "${SDV_SKIP_FUZZ:-0}" != 1 ]; then
  "$root/scripts/fuzz.sh"
fi
