//===- Decisions.h - The branches a trace depends on ------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A trace lists the calls and lock events from the entry routine to the
/// violation. Between two consecutive steps in one function, a conditional
/// branch is a decision worth showing when every control-flow path from the
/// first step to the second passes through it and only one of its two
/// successors can reach the second step: whichever path the analysis
/// followed, it took that successor there. The criterion holds for all
/// paths, so it never names a branch the failing path might not take; it
/// does not name branches where both successors lead on (those do not
/// decide this violation), nor correlated branches the analysis pruned.
/// Each candidate costs a walk over the function, so past 256 candidates
/// between two steps (only in huge functions) the rest are left out.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_DRIVER_DECISIONS_H
#define SDV_DRIVER_DECISIONS_H

#include "sdv/Analysis/Engine.h"
#include "sdv/IR/SourceFiles.h"

#include <string>
#include <vector>

namespace llvm {
class BranchInst;
} // namespace llvm

namespace sdv {

struct Decision {
  /// The trace step this decision comes before.
  size_t Before = 0;
  const llvm::BranchInst *Branch = nullptr;
  /// Whether the path takes the branch's true successor.
  bool TakesTrue = true;
};

/// The decisions of \p Trace (from the entry step to the violation), in
/// path order.
std::vector<Decision> findDecisions(const std::vector<TraceStep> &Trace);

/// `taking the true branch: `Srb->DataBuffer == NULL``, with the condition
/// quoted from the source line the branch's debug location points to, or
/// `taking the true branch of the condition at line N` when it cannot be
/// read. For `&&` and `||`, the operand the branch tests. When the IR's test
/// cannot be related to the source's (see sourceTakesTrue), `following the
/// condition at line N: `...``, with no side.
std::string describeDecision(const Decision &D, SourceFiles &Sources);

/// Whether the path takes the true branch of the condition as the source
/// writes it (which optimised code may have inverted in IR): the IR
/// branch's side, with the source's `!` and the optimiser's rewrites of the
/// test undone (`a == b` for `a != b`, `(x & K) == 0` for `x & K`, `x < 5`
/// for `x <= 4` or for `!(x > 4)`). Nothing when the IR tests something the
/// source condition cannot be matched with (a `select` of two tests, a
/// relational test for an equality, a constant the source does not spell).
std::optional<bool> sourceTakesTrue(const Decision &D, SourceFiles &Sources);

} // namespace sdv

#endif // SDV_DRIVER_DECISIONS_H
