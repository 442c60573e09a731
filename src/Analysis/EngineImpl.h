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

#include "sdv/IR/CallTargets.h"
#include "Monitors.h"
#include "ObjectTable.h"
#include "Summary.h"
#include "Trace.h"

#include "sdv/Analysis/Engine.h"
#include "sdv/IR/SourceLocation.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Function.h"

#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace sdv {

class Engine {
public:
  Engine(const llvm::Module &M, const std::vector<RuleToCheck> &Rules,
         const std::vector<EntryRoutine> &Entries, const EngineOptions &Options);

  std::vector<RuleResult> run();

  const llvm::Module &M;
  /// The rules analysed (those the driver calls), by RuleIndex.
  std::vector<const Rule *> Rules;
  /// Each analysed rule's place among the rules asked for.
  std::vector<unsigned> Asked;
  const std::vector<RuleToCheck> &AllRules;
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
  /// Which calls are which rules' events (over the analysed rules).
  std::unique_ptr<Monitors> Events;
  /// Per entry routine, the objects that start in another state than their
  /// rule's initial one (the cancel spin lock in a cancel routine).
  llvm::DenseMap<const llvm::Function *, llvm::SmallVector<std::pair<ObjectId, StateId>, 2>>
      EntrySeeds;
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
    if (Objects.hasPath(Id))
      NamedDerefs = std::max(NamedDerefs, Objects.path(Id).Path.derefs());
  }
  const Rule &ruleOf(ObjectId Id) const { return *Rules[Objects.rule(Id)]; }
  /// The state \p Id is in when \p Entry is entered.
  StateId entryState(const EntryRoutine &Entry, ObjectId Id) const;
  /// Whether \p ES applies to \p Entry: its role is one of ES's and ES's
  /// driver conditions hold.
  bool entryStateApplies(const EntryRoutine &Entry, RuleIndex RI, const EntryState &ES) const;
  /// Whether some entry routine starts with one of rule \p RI's objects in a
  /// state it must not return in.
  bool entersInExitState(RuleIndex RI) const;
  /// The entry states that tell \p Id's paths apart: its rule's initial
  /// state, and any state a role's entry gives it.
  StateSet decisiveStates(ObjectId Id);
  /// The callee of a direct call, through casts.
  static const llvm::Function *calledFunction(const llvm::CallBase &CB) {
    return llvm::dyn_cast<llvm::Function>(CB.getCalledOperand()->stripPointerCasts());
  }

private:
  std::vector<std::vector<const llvm::Function *>> componentsBottomUp();
  std::string describe(const llvm::Function &F, const Summary &S) const;
  void analyseComponent(const std::vector<const llvm::Function *> &Component);
  void seedEntries();
  /// Per rule: whether it applies (RuleResult::Applicable).
  std::vector<bool> Applies;
  void collectDefects(std::vector<RuleResult> &Results);
  void groupExits(std::vector<std::tuple<RuleIndex, Defect, SourceLoc>> &Exits,
                  std::vector<RuleResult> &Results);
  /// Per object, its decisive states (0: not computed yet).
  std::vector<StateSet> Decisive;
};

} // namespace sdv

#endif // SDV_ANALYSIS_ENGINEIMPL_H
