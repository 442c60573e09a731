#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) with clang++-16 in build-fuzz
# (SDV_FUZZ=ON: the project's code with the fuzzer's instrumentation and
# ASan+UBSan), replays every input under tests/fuzz/regressions/<harness>/,
# then runs each harness for a bounded time from its seed corpus (made from
# the test suite by tests/fuzz/make_seeds.py) with a fixed seed. Fails on any
# crash, sanitizer report, leak, timeout or out-of-memory; the input that
# caused it is left in build-fuzz/crashes/<harness>/.
#
#   SDV_FUZZ_SECONDS=N   time per harness (default 20)
#   SDV_FUZZ_SEED=N      libFuzzer's random seed (default 1)
#   SDV_FUZZ_BUILD_DIR   build directory (default build-fuzz)
#   extra arguments go to every libFuzzer run (e.g. -jobs=4 -workers=4)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SDV_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${SDV_FUZZ_SECONDS:-20}"
seed="${SDV_FUZZ_SEED:-1}"
jobs="$(nproc 2>/dev/null || echo 2)"
harnesses=(check rule map)

"$root/scripts/install-deps.sh"
# -O1 without NDEBUG: the assertions of LLVM's headers compiled into
# sdv-lite (JSON, containers) are checked too.
CC=clang-16 CXX=clang++-16 cmake -S "$root" -B "$build" -G Ninja -DSDV_FUZZ=ON \
  -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" >/dev/null
cmake --build "$build" -j "$jobs" --target "${harnesses[@]/#/sdv-fuzz-}"
python3 "$root/tests/fuzz/make_seeds.py" --out "$build/seeds"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for h in "${harnesses[@]}"; do
  bin="$build/bin/sdv-fuzz-$h"
  regressions="$root/tests/fuzz/regressions/$h"
  log="$build/fuzz-$h.log"
  # Replay: each input that once found a bug runs once more.
  shopt -s nullglob
  replay=("$regressions"/*)
  shopt -u nullglob
  if [ ${#replay[@]} -gt 0 ]; then
    if ! "$bin" "${replay[@]}" >"$log.replay" 2>&1; then
      echo "fuzz: $h: a regression input fails again (log: $log.replay)" >&2
      tail -n 40 "$log.replay" >&2
      status=1
      continue
    fi
    echo "fuzz: $h: ${#replay[@]} regression inputs replayed"
  fi
  corpus="$build/corpus/$h"
  rm -rf "$corpus"
  mkdir -p "$corpus" "$build/crashes/$h"
  # The check harness starts from textual IR only: mutated bitcode mostly
  # finds bugs of LLVM 16's reader (tests/fuzz/open), and a bounded run in
  # the test command must not fail at random on them. A longer campaign can
  # add build-fuzz/seeds/check-bitcode.
  inputs=("$corpus" "$build/seeds/$h")
  if ! "$bin" -seed="$seed" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$build/crashes/$h/" \
       "$@" "${inputs[@]}" >"$log" 2>&1; then
    echo "fuzz: $h: FAILED (log: $log; input in $build/crashes/$h/)" >&2
    grep -E "ERROR|SUMMARY|runtime error|==[0-9]+==" "$log" | head -n 20 >&2 || true
    status=1
    continue
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  echo "fuzz: $h: ${runs:-?} inputs in ${seconds}s, no crash"
done
exit $status
