#!/usr/bin/env bash
# Installs every Debian package the build, the demo and the tests need.
# Idempotent: packages already present are left alone.
#
# usage: install-deps.sh [--build] [--list]
#   --build  only what building sdv-lite, `sdv-lite build` and the CI
#            action's scripts need (the action's build from source: no test
#            tools, no browser)
#   --list   print the packages of the selection (installed or not), one a
#            line, and install nothing
set -euo pipefail

BUILD_PACKAGES=(
  cmake ninja-build g++ python3
  llvm-16-dev llvm-16-tools clang-16
  libcli11-dev libspdlog-dev
)
TEST_PACKAGES=(
  libclang-rt-16-dev catch2
  python3-jsonschema python3-yaml
  chromium
  pre-commit git
  dpkg-dev  # dpkg-shlibdeps, for the Debian package (cpack -G DEB)
)

only_build=0
list=0
for arg in "$@"; do
  case "$arg" in
    --build) only_build=1 ;;
    --list) list=1 ;;
    *) echo "install-deps.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

PACKAGES=("${BUILD_PACKAGES[@]}")
if [ "$only_build" -eq 0 ]; then
  PACKAGES+=("${TEST_PACKAGES[@]}")
fi

if [ "$list" -eq 1 ]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
