//===- EngineImpl.h - The engine's shared state -----------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What the analysis of one driver shares across functions: the interned
/// objects, the trace arena, the summaries computed so far, where indirect
/// calls go, the budgets, and the bottom-up walk over the call graph's
/// components that drives everything.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_ENGINEIMPL_H
#define SDV_ANALYSIS_ENGINEIMPL_H

#include "CallTargets.h"
#include "ObjectTable.h"
#include "Summary.h"
#include "Trace.h"

#include "sdv/Analysis/Engine.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Function.h"

#include <string>
#include <vector>

namespace sdv {

class Engine {
public:
  Engine(const llvm::Module &M, const Rule &R, const std::vector<EntryRoutine> &Entries,
         const EngineOptions &Options)
      : M(M), R(R), Entries(Entries), Options(Options), Targets(M) {}

  RuleResult run();

  const llvm::Module &M;
  const Rule &R;
  const std::vector<EntryRoutine> &Entries;
  const EngineOptions &Options;
  ObjectTable Objects;
  TraceArena Traces;
  EngineStats Stats;
  llvm::DenseMap<const llvm::Function *, Summary> Summaries;
  llvm::DenseMap<const llvm::Function *, const EntryRoutine *> EntryOf;
  /// Functions that call themselves, directly or through a pointer.
  llvm::DenseSet<const llvm::Function *> CallsItself;
  llvm::DenseSet<const llvm::CallBase *> IndirectCallSites;
  CallTargets Targets;
  /// Set once a budget is exhausted; every loop then winds down.
  Outcome Stopped = Outcome::Complete;
  std::string StopReason;
  unsigned BudgetTicks = 0;

  /// Whether a budget is exhausted. Cheap: the clock and the heap are read
  /// every 256 calls.
  bool overBudget();
  /// The members of the call-graph component being analysed.
  llvm::SmallPtrSet<const llvm::Function *, 4> CurrentComponent;
  /// The most loads on the path of an object the current component names
  /// itself (in a monitored call, or through a callee outside it).
  unsigned NamedDerefs = 0;

  bool inCurrentComponent(const llvm::Function &F) const {
    return CurrentComponent.count(&F);
  }
  void noteNamed(ObjectId Id) {
    NamedDerefs = std::max(NamedDerefs, Objects.path(Id).Path.derefs());
  }
  /// The callee of a direct call, through casts.
  static const llvm::Function *calledFunction(const llvm::CallBase &CB) {
    return llvm::dyn_cast<llvm::Function>(CB.getCalledOperand()->stripPointerCasts());
  }

private:
  std::vector<std::vector<const llvm::Function *>> componentsBottomUp();
  std::string describe(const llvm::Function &F, const Summary &S) const;
  void analyseComponent(const std::vector<const llvm::Function *> &Component);
  void collectDefects(RuleResult &Result);
};

} // namespace sdv

#endif // SDV_ANALYSIS_ENGINEIMPL_H
