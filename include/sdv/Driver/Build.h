//===- sdv/Driver/Build.h - Bitcode from a compile database -----*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// `sdv-lite build`: compiles every translation unit of a compile database
/// (compile_commands.json) to bitcode with clang, in parallel, and groups
/// the bitcode into drivers for a batch check.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_DRIVER_BUILD_H
#define SDV_DRIVER_BUILD_H

#include "sdv/Driver/Batch.h"
#include "sdv/Driver/PathMap.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace sdv {

struct BuildOptions {
  /// compile_commands.json.
  std::string CompileDatabase;
  /// The clang to compile with (clang-16).
  std::string Clang;
  /// Where the bitcode goes: one folder per driver.
  std::string OutputDir;
  /// Compilations at once; 0 for one per hardware thread.
  unsigned Jobs = 0;
  /// Compile only the units of this shard's drivers.
  std::optional<Shard> OnlyShard;
  /// `--path-map FROM=TO`, tried in order (PathMap.h).
  std::vector<PathMapping> PathMaps;
  /// Whether header lookup ignores case under the include roots; by
  /// default, when there are path mappings.
  std::optional<bool> CaseInsensitiveIncludes;
  /// Compile and check only the drivers these files touch: a unit's source
  /// selects its driver; a header, the drivers with a unit in its folder or
  /// below it, or every driver when there is none.
  std::optional<std::vector<std::string>> Changed;
  /// Added to every compile command, after its own options.
  std::vector<std::string> ExtraArgs;
};

struct BuildResult {
  /// Sorted by name. A driver with a file that did not compile has the
  /// first such file's error.
  std::vector<DriverSpec> Drivers;
  /// One line per file that did not compile: the file and the compiler's
  /// first error, sorted.
  std::vector<std::string> CompileErrors;
  /// About the database's paths and the overlay.
  std::vector<std::string> Warnings;
  /// Units left out because Changed does not touch their drivers.
  size_t Untouched = 0;
};

/// Reads the compile database and compiles it. Errors are about the database
/// or the compiler itself, not about a file that does not compile.
llvm::Expected<BuildResult> buildDrivers(const BuildOptions &Options);

/// The compile command of \p Arguments (the database's, compiler first)
/// rewritten to write bitcode with debug info to \p Output with \p Clang:
/// output and dependency-file options are dropped; a cl.exe or clang-cl
/// command runs as `clang --driver-mode=cl`. \p Added go after the
/// command's own options (and before inputs it puts after `--`).
std::vector<std::string> bitcodeCommand(llvm::ArrayRef<std::string> Arguments,
                                        llvm::StringRef Clang, llvm::StringRef Output,
                                        llvm::ArrayRef<std::string> Added = {});

} // namespace sdv

#endif // SDV_DRIVER_BUILD_H
