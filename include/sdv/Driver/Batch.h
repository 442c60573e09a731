//===- sdv/Driver/Batch.h - Checking a tree of drivers ----------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Batch mode: finds the drivers of directory trees, `--driver` groupings
/// and manifests, keeps a shard of them, and checks them in parallel, each in
/// its own LLVMContext, with a result cache. A driver that cannot be checked
/// gets the verdict Error and never stops the others.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_DRIVER_BATCH_H
#define SDV_DRIVER_BATCH_H

#include "sdv/Driver/Check.h"
#include "sdv/Report/Batch.h"

#include "llvm/ADT/FunctionExtras.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace sdv {

/// One driver to check: its inputs and its own role declarations (added to
/// the command line's).
struct DriverSpec {
  std::string Name;
  std::vector<std::string> Inputs;
  std::string MapFile;
  std::vector<std::string> Entries;
  /// Set when the driver's files could not be listed: the driver is not
  /// checked and gets the verdict Error with this message.
  std::string Error;
};

struct BatchInputs {
  /// Files and directories from the command line. Directories are searched
  /// recursively for `.bc` and `.ll` files; the files directly in one
  /// directory form one driver, named by the directory's path relative to
  /// the argument (the argument's own files: its last path component). The
  /// files named on the command line form one driver, named by the first.
  std::vector<std::string> Paths;
  /// `NAME=FILE[,FILE...]`, as given to --driver.
  std::vector<std::string> DriverSpecs;
  /// A manifest (see docs/batch.md); empty for none.
  std::string ManifestFile;
};

/// The drivers of \p Inputs, sorted by name. Two drivers of one name, or a
/// malformed --driver or manifest, are errors.
llvm::Expected<std::vector<DriverSpec>> collectDrivers(const BatchInputs &Inputs);

/// Shard K of N (1-based).
struct Shard {
  unsigned Index = 1;
  unsigned Count = 1;
};

/// Parses `K/N` with 1 <= K <= N.
llvm::Expected<Shard> parseShard(llvm::StringRef Text);

/// Whether the driver named \p Name is in shard \p S: its name hashes
/// (xxHash64) to K-1 modulo N. A driver stays in its shard when others are
/// added or removed, so per-shard caches keep hitting.
bool inShard(llvm::StringRef Name, Shard S);

/// Keeps the drivers of shard \p S.
std::vector<DriverSpec> selectShard(std::vector<DriverSpec> Drivers, Shard S);

/// Progress of a batch, reported as each driver finishes.
struct BatchProgress {
  unsigned Done = 0;
  unsigned Total = 0;
  unsigned Defects = 0;
  /// The driver that just finished.
  std::string Driver;
};

struct BatchOptions {
  /// Rules, rule files, engine budgets and the role declarations that apply
  /// to every driver. Its Roles.Inputs are ignored, and its
  /// Engine.Deadline: the timeout is per driver.
  CheckOptions Check;
  /// Per-driver time limit in seconds, counted from the driver's start
  /// (0: none).
  double TimeoutSeconds = 0;
  /// Drivers checked at once; 0 for one per hardware thread.
  unsigned Jobs = 0;
  /// Where results are cached; empty for no cache.
  std::string CacheDir;
  /// Called (serialised) as each driver finishes.
  llvm::unique_function<void(const BatchProgress &)> OnProgress;
};

/// Checks every driver of \p Drivers; the results are in the same order.
BatchResults runBatch(const std::vector<DriverSpec> &Drivers, BatchOptions &Options);

/// `$XDG_CACHE_HOME/sdv-lite`, else `$HOME/.cache/sdv-lite`; empty if
/// neither is set.
std::string defaultCacheDir();

} // namespace sdv

#endif // SDV_DRIVER_BATCH_H
