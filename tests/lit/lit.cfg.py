# lit configuration for sdv-lite's regression tests.
#
# Each test is a C file (or textual IR) compiled at test time with the clang
# that matches the LLVM sdv-lite links, against the DDK model headers in
# tests/ddk; expected diagnostics sit on the offending lines as FileCheck
# directives.
import os
import shutil

import lit.formats

config.name = "sdv-lite"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".c", ".ll", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.sdv_obj_root, "tests", "lit")
config.excludes = ["Inputs"]

ddk = os.path.join(config.sdv_src_root, "tests", "ddk")
common = "-g -O0 -c -emit-llvm -I{} -Wall -Werror=implicit-function-declaration".format(ddk)

def cc(target, extra=""):
    return "{} --target={} {} {}".format(config.clang, target, extra, common)

msvc = "-fms-compatibility -fms-extensions -gdwarf -gcolumn-info"
# Longest names first: lit substitutes in list order.
config.substitutions.append(("%ccmsvc86", cc("i686-pc-windows-msvc", msvc)))
config.substitutions.append(("%ccmsvc", cc("x86_64-pc-windows-msvc", msvc)))
config.substitutions.append(("%cc86", cc("i686-w64-windows-gnu")))
config.substitutions.append(("%cc64", cc("x86_64-w64-windows-gnu")))
# The build tree's sdv-lite CMake package (find_package(sdv-lite)), and the
# build tree itself (its CPack configuration, the man page); before %sdv,
# which they start with.
config.substitutions.append(("%sdv-package-dir", config.sdv_obj_root))
config.substitutions.append(("%sdv-build-dir", config.sdv_obj_root))
config.substitutions.append(("%cpack", config.cpack))
# The check tests keep their expected diagnostics in comments on the
# offending lines, which the text output's source excerpts would echo into
# what FileCheck reads: `%sdv check` leaves the excerpts out. `%sdv-src` is
# the tool as users run it, for the tests of the excerpts.
config.substitutions.append(("%sdv-src", config.sdv_bin))
config.substitutions.append(("%sdv check", config.sdv_bin + " check --no-source"))
config.substitutions.append(("%sdv", config.sdv_bin))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%sarif-schema",
    os.path.join(config.sdv_src_root, "tests", "sarif", "sarif-schema-2.1.0.json")))
config.substitutions.append(("%json-schema",
    os.path.join(config.sdv_src_root, "docs", "sdv-lite-report.schema.json")))
config.substitutions.append(("%validate-sarif", "{} {}".format(
    config.python, os.path.join(config.sdv_src_root, "tests", "lit", "Inputs", "validate_sarif.py"))))
# Builds a case for x64 and x86 at -O0, -O1 and -O2 and checks that the
# verdicts agree (Inputs/variants.py).
config.substitutions.append(("%variants", "{} {} --clang {} --sdv {} --ddk {}".format(
    config.python, os.path.join(config.sdv_src_root, "tests", "lit", "Inputs", "variants.py"),
    config.clang, config.sdv_bin, ddk)))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
# The tools the mutation study (bench/mutate.py) builds with.
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%ddk", ddk))
config.substitutions.append(("%llvm-link", os.path.join(config.llvm_tools_dir, "llvm-link")))
# The benchmark's driver generator (bench/gendriver.py), building with this clang.
config.substitutions.append(("%gendriver", "{} {} --clang {} --llvm-link {} --ddk {}".format(
    config.python, os.path.join(config.sdv_src_root, "bench", "gendriver.py"), config.clang,
    os.path.join(config.llvm_tools_dir, "llvm-link"), ddk)))

# Headless Chromium opens the HTML report (scripts/install-deps.sh installs
# it); the test that needs it is UNSUPPORTED where it is absent.
chromium = shutil.which("chromium")
if chromium:
    config.available_features.add("chromium")
    config.substitutions.append(("%chromium",
        "timeout 120 {} --headless --no-sandbox --disable-gpu --no-first-run".format(chromium)))
# examples/make needs GNU make, which the build itself does not.
if shutil.which("make"):
    config.available_features.add("make")
# The Debian package is built with dpkg-shlibdeps (dpkg-dev, which
# scripts/install-deps.sh installs) and unpacked with dpkg-deb; the man page
# is rendered with man where man-db is installed.
if shutil.which("dpkg-deb") and shutil.which("dpkg-shlibdeps"):
    config.available_features.add("dpkg")
if shutil.which("man"):
    config.available_features.add("man")
# The CI scripts (tests/lit/ci): the pre-commit framework runs the hook
# (scripts/install-deps.sh installs it); dpkg-deb builds and unpacks a .deb.
# The build-from-source test hides sdv-lite by a PATH of /usr/bin:/bin only,
# which an installed sdv-lite would defeat.
config.substitutions.append(("%srcroot", config.sdv_src_root))
if shutil.which("pre-commit") and shutil.which("git"):
    config.available_features.add("pre-commit")
if shutil.which("dpkg-deb"):
    config.available_features.add("dpkg-deb")
if not shutil.which("sdv-lite", path="/usr/bin:/bin"):
    config.available_features.add("no-sdv-lite-in-usr-bin")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])
# Diagnostics must not depend on the terminal or the locale.
config.environment["LC_ALL"] = "C"


def can_deny_read():
    """Whether a file without permissions cannot be read here: it can when
    the tests run as root (or with CAP_DAC_OVERRIDE), and a test of an
    unreadable input would then pass without testing anything."""
    import tempfile
    fd, path = tempfile.mkstemp()
    os.close(fd)
    try:
        os.chmod(path, 0)
        try:
            open(path, "rb").close()
            return False
        except OSError:
            return True
    finally:
        os.chmod(path, 0o600)
        os.unlink(path)


if can_deny_read():
    config.available_features.add("can-deny-read")
