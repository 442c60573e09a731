//===- sdv/Analysis/Engine.h - Interprocedural typestate engine -*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks rules over a driver module, from its entry routines, all in one
/// pass: every function is analysed once for all the rules.
///
/// Every object a rule monitors (a lock) is named by its access path (or a
/// key, or is the rule's one object) and runs its own copy of its rule's
/// automaton. Functions are analysed once
/// each, bottom-up over the call graph's strongly connected components
/// (recursion iterates to a fixpoint), into summaries: for each way the
/// function returns, how it moved each object reached through its
/// parameters or globals, as a function of that object's state on entry;
/// and the violations it raises, with the entry state they need. Entry
/// routines then apply their summary to "every object in the initial state",
/// or in the state its rule gives it on entry to a routine of that role.
///
/// Within a function the analysis is path-sensitive in the style of ESP:
/// paths whose objects are in different states are kept apart, paths in the
/// same states are merged, and branch facts on SSA values (`if (NeedLock)`
/// twice, `OldIrql != NULL`, a try-acquire's result) prune infeasible paths.
/// The number of distinct states per block is bounded; past the bound states
/// are joined, which stays sound and is counted. Time, memory and the total
/// number of path states can be budgeted: past a budget the analysis stops
/// and says so (Timeout, Spaceout) instead of answering.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_ENGINE_H
#define SDV_ANALYSIS_ENGINE_H

#include "sdv/Roles/Roles.h"
#include "sdv/Rule/Rule.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class Function;
class Instruction;
class Module;
} // namespace llvm

namespace sdv {

enum class StepKind : uint8_t {
  /// The entry routine starts (Inst is null; Callee is the routine).
  Entry,
  /// A call into a function whose steps follow.
  Call,
  /// The return from that function, at the call site.
  Return,
  /// A monitored call that moved the object.
  Event,
  /// The violating event (a monitored call, or the routine's return).
  Violation,
};

struct TraceStep {
  StepKind Kind = StepKind::Event;
  const llvm::Instruction *Inst = nullptr;
  /// The called function (Call, Return) or the entry routine (Entry).
  const llvm::Function *Callee = nullptr;
  /// The rule event (Event).
  EventId Event = 0;
};

struct Defect {
  ViolationId Violation = 0;
  /// The entry routine from which the defect is reached.
  const EntryRoutine *Entry = nullptr;
  /// The object, as a C expression in the entry routine's terms.
  std::string Object;
  /// For an order violation: the object of a higher level that was held.
  std::string Held;
  /// The monitored function called at Site (empty for an exit violation).
  std::string Function;
  /// Primary location: the violating call, or the exit of the routine.
  const llvm::Instruction *Site = nullptr;
  /// Whether the violation is the entry routine's return in a state the
  /// rule's `exit` forbids.
  bool AtExit = false;
  /// From the entry routine to the violation, Violation step last.
  std::vector<TraceStep> Trace;
  /// For an exit violation: the entry routine's other returns in a
  /// violating state that are the same mistake (see Engine::groupExits),
  /// each return and object once, in source order.
  struct OtherExit {
    const llvm::Instruction *Site = nullptr;
    std::string Object;
  };
  std::vector<OtherExit> OtherExits;
};

struct EngineStats {
  unsigned FunctionsAnalysed = 0;
  unsigned SccIterations = 0;
  uint64_t StatesProcessed = 0;
  /// Times the per-block bound on distinct states forced a join.
  unsigned Joins = 0;
  /// Call sites through pointers, not followed.
  unsigned IndirectCalls = 0;
  unsigned Objects = 0;
  /// Recursive components that did not stabilise within the bound.
  unsigned UnconvergedSccs = 0;
};

struct EngineOptions {
  /// Distinct object-state combinations kept apart per basic block.
  unsigned MaxStatesPerBlock = 32;
  /// Rounds over a recursive component before giving up on a fixpoint.
  unsigned MaxSccRounds = 20;
  /// When the analysis must stop (Timeout); none if unset.
  std::optional<std::chrono::steady_clock::time_point> Deadline;
  /// Resident memory past which the analysis stops (Spaceout); 0 is no
  /// limit.
  uint64_t MaxMemoryBytes = 0;
  /// Path states processed past which the analysis stops (Spaceout); 0 is
  /// no limit.
  uint64_t MaxPathStates = 0;
};

/// Whether the analysis ran to its end or stopped at a budget.
enum class Outcome { Complete, Timeout, Spaceout };

/// One rule's result. The analysis is one pass for all rules: its outcome,
/// budget and statistics are the same in each.
struct RuleResult {
  /// Sorted by location, then violation.
  std::vector<Defect> Defects;
  /// Whether the rule applies to the driver: it calls a function the rule
  /// monitors, or one of its entry routines starts in a state it must not
  /// return in (a cancel routine holds the cancel spin lock, which it must
  /// release whether or not the driver calls anything else).
  bool Applicable = false;
  unsigned EntriesAnalysed = 0;
  /// Past a budget the analysis stops and reports no defect: its summaries
  /// are incomplete.
  Outcome Result = Outcome::Complete;
  /// Which budget was hit, for the report.
  std::string BudgetReason;
  EngineStats Stats;
};

/// A rule to check, with what the driver's configuration says of each of
/// its conditions (Rule::conditions(); unset: unknown). An entry state
/// applies only where each of its conditions is known to hold.
struct RuleToCheck {
  const Rule *R = nullptr;
  std::vector<std::optional<bool>> Conditions;
};

/// Checks every rule of \p Rules on \p M from \p Entries, in one pass;
/// one result per rule, in order. Rules the driver never calls are not
/// analysed. \p M must stay alive as long as the results (defects point
/// into it).
std::vector<RuleResult> checkRules(const llvm::Module &M,
                                   const std::vector<RuleToCheck> &Rules,
                                   const std::vector<EntryRoutine> &Entries,
                                   const EngineOptions &Options = EngineOptions());

/// Checks one rule, its conditions unknown.
RuleResult checkRule(const llvm::Module &M, const Rule &R,
                     const std::vector<EntryRoutine> &Entries,
                     const EngineOptions &Options = EngineOptions());

} // namespace sdv

#endif // SDV_ANALYSIS_ENGINE_H
