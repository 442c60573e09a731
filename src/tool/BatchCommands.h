//===- BatchCommands.h - Batch check, build and merge -----------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// The commands that check many drivers at once: `check` on directories,
// --driver or --manifest, `build` on a compile database, and `merge` of
// shards' outputs. Also the helpers every command prints with.
//
//===----------------------------------------------------------------------===//

#ifndef SDV_TOOL_BATCHCOMMANDS_H
#define SDV_TOOL_BATCHCOMMANDS_H

#include "sdv/Driver/Batch.h"
#include "sdv/Driver/Build.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/Twine.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace sdvtool {

enum ExitCode : int { ExitPass = 0, ExitDefects = 1, ExitError = 2, ExitInconclusive = 3 };

/// Prints `error: MESSAGE` and returns ExitError.
int fail(const llvm::Twine &Message);

/// Writes through \p Write to \p Path, or to stdout when Path is empty or "-".
int withOutput(const std::string &Path, llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// What the batch commands share beyond the checking options.
struct BatchCommand {
  std::string Format = "text";
  std::string Output;
  /// `K/N`; empty for all drivers.
  std::string Shard;
  bool NoTiming = false;
  bool NoCache = false;
  std::string CacheDir;
  unsigned Jobs = 0;
  double TimeoutSeconds = 0;
  /// How the drivers' diagnostics are written in text output.
  sdv::WriterOptions Writing;
  /// Suppressions and baseline (sdv::triageBatch).
  sdv::TriageOptions Triage;
  /// --fail-on new.
  bool OnlyNewFail = false;
};

/// `check` in batch mode: finds the drivers of \p Inputs and checks them.
int runBatchCheck(const sdv::BatchInputs &Inputs, const sdv::CheckOptions &Check,
                  const BatchCommand &Cmd);

/// `build`: compiles a compile database to bitcode, then checks it as
/// runBatchCheck does.
int runBuild(sdv::BuildOptions Build, const sdv::CheckOptions &Check,
             const BatchCommand &Cmd);

/// `merge`: merges shards' JSON or SARIF outputs (\p Format `json`,
/// `sarif`, or empty to tell from the first file).
int runMerge(const std::vector<std::string> &Inputs, std::string Format,
             const std::string &Output);

} // namespace sdvtool

#endif // SDV_TOOL_BATCHCOMMANDS_H
