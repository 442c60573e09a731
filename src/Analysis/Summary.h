//===- Summary.h - Function summaries ---------------------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What a function does, as its callers see it: for each way it returns, how
/// every object they can name moved (as a function of its state on entry),
/// the constant it returns and what that way needed of the arguments; and
/// the violations it raises, with the entry state they need.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_SUMMARY_H
#define SDV_ANALYSIS_SUMMARY_H

#include "PathState.h"

#include <vector>

namespace llvm {
class CallBase;
class Instruction;
class Value;
} // namespace llvm

namespace sdv {

/// A violation raised inside a function, in that function's terms.
struct ViolationRecord {
  ViolationId Violation = 0;
  /// The object whose state the violation depends on: for an order
  /// violation, the held object of a higher level.
  ObjectId Object = 0;
  /// For an order violation, the object being acquired.
  ObjectId Acquired = NoObject;
  /// The object's state on entry to the function that the violation needs;
  /// meaningless when Unconditional.
  StateId EntryState = 0;
  /// The object is local to some function: the violation does not depend
  /// on any caller.
  bool Unconditional = false;
  /// The object's history before the violation began in a caller: the
  /// caller's history leads to it.
  bool FromEntry = false;
  /// Where the violation is reported: the violating call or return, or the
  /// path's last located instruction when that has lost its line.
  const llvm::Instruction *Site = nullptr;
  /// The violating call, if it is one.
  const llvm::CallBase *Call = nullptr;
  TraceRef Trace = 0;
  /// What the path knew of the function's arguments: callers whose
  /// arguments contradict it do not reach the violation.
  FactSet Pre;
  /// The objects named through a lock handle the function did not bind
  /// (`lock of Handle`) that the path had moved before the violation, with
  /// their tracks then. A caller that bound the handle to the violation's
  /// object sees those moves first: a helper releases through its caller's
  /// handle, then takes the lock again with it.
  ObjectMap Prior;
};

/// How a function returns: the state of every object its callers can name,
/// the constant it returns (if it does), and what the path knew of the
/// arguments.
struct ExitCase {
  ObjectMap Objects;
  /// What the path knew of the returned value (`== 0`, `!= NULL`); the
  /// facts' value is unset, it stands for the call.
  FactSet Returns;
  FactSet Pre;
  /// The opaque pointer returned (a looked-up context), whose objects the
  /// caller names through the call's result.
  const llvm::Value *ReturnedBase = nullptr;
  /// The lock handles the function bound, that callers can name.
  HandleBindings Handles;
};

struct Summary {
  std::vector<ExitCase> Exits;
  /// Violations callers inherit.
  std::vector<ViolationRecord> Violations;
  /// Exit violations of an entry routine: they concern the routine as a root
  /// only, never its callers.
  std::vector<ViolationRecord> ExitViolations;
};

/// Whether two summaries say the same (a recursive component's fixpoint).
bool sameSummary(const Summary &A, const Summary &B);

/// Adds \p V to \p List unless an equal violation (same kind, object, entry
/// state and site) is there; keeps the shorter trace, and only what both
/// paths knew of the arguments.
void addViolation(std::vector<ViolationRecord> &List, const ViolationRecord &V,
                  const TraceArena &Traces);

} // namespace sdv

#endif // SDV_ANALYSIS_SUMMARY_H
