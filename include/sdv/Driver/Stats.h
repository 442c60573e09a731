//===- sdv/Driver/Stats.h - Where a run spends its time ---------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Stage timings and counts of one run: printed by `-v`, written as JSON by
/// `--stats-json` for the benchmark (bench/).
///
//===----------------------------------------------------------------------===//

#ifndef SDV_DRIVER_STATS_H
#define SDV_DRIVER_STATS_H

#include "sdv/Analysis/Engine.h"

#include "llvm/ADT/StringRef.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace sdv {

struct RunStats {
  struct Stage {
    std::string Name;
    double Ms = 0;
  };
  /// In the order the stages first ran; a stage that runs again (analysis,
  /// once per rule) adds to its time.
  std::vector<Stage> Stages;
  /// Defined functions and their instructions, as loaded.
  uint64_t Functions = 0;
  uint64_t Instructions = 0;
  /// The analysis, one pass for every rule.
  EngineStats Engine;
  struct RuleStats {
    std::string Id;
    unsigned Defects = 0;
  };
  std::vector<RuleStats> Rules;

  void addTime(llvm::StringRef Stage, double Ms);
};

/// Times a stage from construction to destruction: logs it at info level
/// (`-v`) and adds it to \p Stats, if given.
class StageTimer {
public:
  explicit StageTimer(const char *Stage, RunStats *Stats = nullptr)
      : Stage(Stage), Stats(Stats), Start(std::chrono::steady_clock::now()) {}
  ~StageTimer();
  StageTimer(const StageTimer &) = delete;
  StageTimer &operator=(const StageTimer &) = delete;

private:
  const char *Stage;
  RunStats *Stats;
  std::chrono::steady_clock::time_point Start;
};

/// Writes \p Stats as one JSON object:
/// `{"stages": [{"name": "load", "ms": 1.5}, ...], "functions": N,
/// "instructions": N, "analysis": {"functionsAnalysed": N, ...},
/// "rules": [{"rule": ..., "defects": N}]}`.
void writeStatsJson(const RunStats &Stats, llvm::raw_ostream &OS);

} // namespace sdv

#endif // SDV_DRIVER_STATS_H
