#!/usr/bin/env bash
# Builds sdv-lite, compiles the example drivers to bitcode with clang-16 and
# checks them: the buggy versions report their defect with its trace, the
# clean versions pass. From a fresh machine: installs what it needs first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SDV_BUILD_DIR:-$root/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$jobs" --target sdv-lite >/dev/null

sdv="$build/bin/sdv-lite"
clang=/usr/lib/llvm-16/bin/clang
out="$build/demo"
status=0

for example in storport-virtual wdm; do
  for variant in buggy clean; do
    dir="examples/$example/$variant"
    mkdir -p "$out/$example/$variant"
    bitcode=()
    for src in "$root/$dir"/*.c; do
      bc="$out/$example/$variant/$(basename "${src%.c}").bc"
      # Relative paths keep the diagnostics short: compile from the root.
      (cd "$root" && "$clang" --target=x86_64-pc-windows-msvc -fms-extensions \
        -fms-compatibility -gdwarf -gcolumn-info -g -O0 -c -emit-llvm \
        -I tests/ddk "$dir/$(basename "$src")" -o "$bc")
      bitcode+=("$bc")
    done
    echo "== sdv-lite check $dir"
    rc=0
    (cd "$root" && "$sdv" check "${bitcode[@]}") || rc=$?
    expected=0
    [ "$variant" = buggy ] && expected=1
    if [ "$rc" -ne "$expected" ]; then
      echo "demo: expected exit status $expected for $dir, got $rc" >&2
      status=1
    fi
    echo
  done
done
exit $status
