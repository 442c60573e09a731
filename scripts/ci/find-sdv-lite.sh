#!/usr/bin/env bash
# Makes sdv-lite available and prints the absolute path of the executable.
#
# usage: find-sdv-lite.sh [--package DEB|URL] [--install-root DIR]
#                         [--source-dir DIR] [--build-dir DIR]
# Each option can also come from the environment variable named beside it
# below; an option wins over its variable.
#
# In this order:
#  1. --package (SDV_LITE_PACKAGE), a sdv-lite .deb by path or http(s) URL:
#     installed with apt-get (as root, or through sudo when it needs no
#     password), which brings its dependencies; or, when --install-root
#     (SDV_LITE_INSTALL_ROOT) is given or neither is possible, unpacked with
#     `dpkg-deb -x` into that directory (default: $RUNNER_TEMP/sdv-lite-root),
#     which changes nothing on the system. A package asked for is always
#     used, even with another sdv-lite on PATH.
#  2. an sdv-lite on PATH.
#  3. a build from source: --source-dir (SDV_LITE_SOURCE_DIR, default the
#     checkout holding this script) with its scripts/install-deps.sh --build,
#     then CMake (Ninja, Release, no tests) into --build-dir
#     (SDV_LITE_BUILD_DIR, default $RUNNER_TEMP/sdv-lite-build), target
#     sdv-lite only.
# The executable found must answer --version. Where $GITHUB_OUTPUT is set,
# writes `sdv-lite=PATH` and `source=package|path|build` to it; where
# $GITHUB_PATH is set, adds the executable's directory to it for later steps.
# Exit status 0, or 2 when sdv-lite cannot be made available.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
package="${SDV_LITE_PACKAGE:-}"
install_root="${SDV_LITE_INSTALL_ROOT:-}"
source_dir="${SDV_LITE_SOURCE_DIR:-$(cd "$here/../.." && pwd)}"
build_dir="${SDV_LITE_BUILD_DIR:-$tmp/sdv-lite-build}"

fail() {
  echo "find-sdv-lite: error: $*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --package|--install-root|--source-dir|--build-dir)
      [ $# -ge 2 ] || fail "option '$1' needs a value"
      case "$1" in
        --package) package="$2" ;;
        --install-root) install_root="$2" ;;
        --source-dir) source_dir="$2" ;;
        --build-dir) build_dir="$2" ;;
      esac
      shift 2 ;;
    *) fail "unknown argument '$1'" ;;
  esac
done

# The path, inside the package, of the executable: the entry ending in
# bin/sdv-lite of the package's file list.
packaged_binary() {
  dpkg-deb -c "$1" | awk '{ print $NF }' | sed -n 's|^\./|/|; \|/bin/sdv-lite$|p' | head -n 1
}

from_package() {
  local deb="$package"
  command -v dpkg-deb >/dev/null || fail "installing a .deb needs dpkg-deb"
  case "$deb" in
    http://*|https://*)
      local file="$tmp/sdv-lite-download.deb"
      echo "find-sdv-lite: downloading $deb" >&2
      if command -v curl >/dev/null; then
        curl -fsSL -o "$file" "$deb" || fail "cannot download '$deb'"
      elif command -v wget >/dev/null; then
        wget -q -O "$file" "$deb" || fail "cannot download '$deb'"
      else
        fail "downloading '$deb' needs curl or wget"
      fi
      deb="$file" ;;
  esac
  [ -f "$deb" ] || fail "package '$deb' not found"
  deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
  local inside
  inside="$(packaged_binary "$deb")" || true
  [ -n "$inside" ] || fail "package '$deb' holds no bin/sdv-lite"

  local sudo=""
  if [ -z "$install_root" ] && [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      install_root="$tmp/sdv-lite-root"
    fi
  fi
  if [ -n "$install_root" ]; then
    echo "find-sdv-lite: unpacking $deb into $install_root" >&2
    mkdir -p "$install_root"
    dpkg-deb -x "$deb" "$install_root" || fail "cannot unpack '$deb'"
    sdv="$(cd "$install_root" && pwd)$inside"
    return
  fi
  echo "find-sdv-lite: installing $deb with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2 || true
  $sudo apt-get install -y -qq --no-install-recommends "$deb" >&2 || fail "cannot install '$deb'"
  sdv="$inside"
}

from_source() {
  [ -f "$source_dir/CMakeLists.txt" ] || fail "no sdv-lite on PATH, no package given, and no source in '$source_dir'"
  echo "find-sdv-lite: building sdv-lite from $source_dir in $build_dir" >&2
  "$source_dir/scripts/install-deps.sh" --build >&2 || fail "cannot install the build's packages"
  cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_TESTING=OFF >&2 || fail "cannot configure the build"
  cmake --build "$build_dir" --target sdv-lite -j "$(nproc 2>/dev/null || echo 2)" >&2 \
    || fail "cannot build sdv-lite"
  sdv="$(cd "$build_dir" && pwd)/bin/sdv-lite"
}

sdv=""
if [ -n "$package" ]; then
  from_package
  how=package
elif sdv="$(command -v sdv-lite)"; then
  how=path
else
  from_source
  how=build
fi

[ -x "$sdv" ] || fail "'$sdv' is not an executable"
version="$("$sdv" --version 2>&1)" || fail "'$sdv' does not run: $version"
echo "find-sdv-lite: using $sdv ($version, from $how)" >&2

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "sdv-lite=$sdv"
    echo "source=$how"
  } >> "$GITHUB_OUTPUT"
fi
if [ -n "${GITHUB_PATH:-}" ]; then
  dirname "$sdv" >> "$GITHUB_PATH"
fi
echo "$sdv"
