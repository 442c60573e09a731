//===- sdv/Report/Batch.h - What a check of many drivers found --*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The results of checking a tree of drivers, one per driver, and the
/// combined outputs: a summary table (text), one JSON document with a
/// section per driver (docs/json-format.md) and one SARIF run holding every
/// driver's results. The JSON and SARIF documents of several shards merge
/// into the document of the whole tree (mergeBatchJson, mergeBatchSarif):
/// both outputs are built by the same merge from per-driver pieces, so a
/// merge of shards is byte-identical to a check of the whole.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_REPORT_BATCH_H
#define SDV_REPORT_BATCH_H

#include "sdv/Report/Report.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <vector>

namespace sdv {

/// A driver's verdict over all rules checked.
enum class DriverVerdict { Defect, Pass, NotApplicable, Error, Timeout, Spaceout };
llvm::StringRef driverVerdictName(DriverVerdict V);

struct DriverResult {
  std::string Name;
  std::vector<std::string> Inputs;
  /// The report; none when the driver could not be checked (Error).
  std::optional<CheckReport> Report;
  /// Why the driver could not be checked (verdict Error).
  std::string Error;
  /// Wall time of the driver's check, in seconds (not in JSON or SARIF).
  double Seconds = 0;
  /// Whether the report came from the result cache.
  bool Cached = false;
  /// Whether only defects not in the baseline fail the check (--fail-on
  /// new; see triageBatch).
  bool OnlyNewFail = false;

  /// Error if there is no report; else Defect if any rule found a defect,
  /// else Timeout or Spaceout if a rule's analysis stopped, else Pass if a
  /// rule passed, else Not Applicable.
  DriverVerdict verdict() const;
  unsigned defects() const;
  /// The defects that fail the check: not suppressed and, with
  /// OnlyNewFail, not `unchanged` against the baseline.
  unsigned failing() const;
  /// Entry routines analysed (the most over the rules).
  unsigned entryRoutines() const;
};

/// Drivers sorted by name.
using BatchResults = std::vector<DriverResult>;

/// Triage of a batch: each checked driver's findings get the suppression
/// comments and \p Options' suppressions file, and its results in the
/// baseline, a SARIF log of a batch check (matched by `properties.driver`;
/// the baseline's drivers absent from \p Results are left alone, as a
/// shard sees only its own). With \p OnlyNew only new defects fail.
/// Suppressions that match no driver's defect are warnings.
/// \returns an unreadable or malformed file's error.
llvm::Error triageBatch(BatchResults &Results, const TriageOptions &Options,
                        bool OnlyNew, std::vector<std::string> &Warnings);

/// Every driver's findings as compiler-style diagnostics (each driver's
/// block headed by its name), then one table row per driver: name,
/// verdict, defects, entry routines and, if \p Timing, the wall time
/// (`cached` for a result from the cache), then a totals line.
void writeBatchText(const BatchResults &Results, bool Timing, llvm::raw_ostream &OS,
                    const WriterOptions &Writing = {});

/// The batch JSON document (format `sdv-lite-batch-report`).
llvm::Expected<llvm::json::Value> batchJson(const BatchResults &Results,
                                            llvm::StringRef ToolVersion);
/// One SARIF 2.1.0 run with every driver's results (`properties.driver`)
/// and the drivers' verdicts in the run's properties.
llvm::Expected<llvm::json::Value> batchSarif(const BatchResults &Results,
                                             llvm::StringRef ToolVersion);

/// Merges batch JSON documents of disjoint sets of drivers (shards) into
/// one, as if the drivers had been checked together. \p Names name the
/// documents in errors.
llvm::Expected<llvm::json::Value> mergeBatchJson(llvm::ArrayRef<llvm::json::Value> Docs,
                                                 llvm::ArrayRef<std::string> Names);
/// Merges SARIF documents written by batch checks of disjoint sets of
/// drivers into one run.
llvm::Expected<llvm::json::Value> mergeBatchSarif(llvm::ArrayRef<llvm::json::Value> Docs,
                                                  llvm::ArrayRef<std::string> Names);

/// The exit status of a batch: 2 if any driver is Error, else 1 if any has
/// a defect, else 3 if any analysis stopped at a budget, else 0.
int batchExitCode(const BatchResults &Results);
/// The same from a batch JSON document's summary.
int batchExitCode(const llvm::json::Value &BatchJson);

} // namespace sdv

#endif // SDV_REPORT_BATCH_H
