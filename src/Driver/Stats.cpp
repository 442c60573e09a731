//===- Stats.cpp - Where a run spends its time ----------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Driver/Stats.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <spdlog/spdlog.h>

#include <cmath>

using namespace llvm;

namespace sdv {

void RunStats::addTime(StringRef Stage, double Ms) {
  auto It = find_if(Stages, [&](const RunStats::Stage &S) { return S.Name == Stage; });
  if (It == Stages.end())
    Stages.push_back({Stage.str(), Ms});
  else
    It->Ms += Ms;
}

StageTimer::~StageTimer() {
  double Ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - Start)
                  .count();
  spdlog::info("{}: {:.1f} ms", Stage, Ms);
  if (Stats)
    Stats->addTime(Stage, Ms);
}

void writeStatsJson(const RunStats &Stats, raw_ostream &OS) {
  json::Array Stages;
  for (const RunStats::Stage &S : Stats.Stages)
    Stages.push_back(
        json::Object{{"name", S.Name}, {"ms", std::round(S.Ms * 1000) / 1000}});
  json::Array Rules;
  for (const RunStats::RuleStats &R : Stats.Rules)
    Rules.push_back(json::Object{{"rule", R.Id}, {"defects", R.Defects}});
  const EngineStats &E = Stats.Engine;
  json::Object Analysis{{"functionsAnalysed", E.FunctionsAnalysed},
                        {"sccRounds", E.SccIterations},
                        {"pathStates", E.StatesProcessed},
                        {"objects", E.Objects},
                        {"joins", E.Joins},
                        {"indirectCalls", E.IndirectCalls}};
  json::Object Root{{"stages", std::move(Stages)},
                    {"functions", Stats.Functions},
                    {"instructions", Stats.Instructions},
                    {"analysis", std::move(Analysis)},
                    {"rules", std::move(Rules)}};
  OS << formatv("{0:2}", json::Value(std::move(Root))) << "\n";
}

} // namespace sdv
