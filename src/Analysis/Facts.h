//===- Facts.h - Branch facts on SSA values ---------------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What a path has learnt from the branches it took: `V == C` or `V != C` for
/// SSA values V and integer (or null pointer) constants C. Enough to see that
/// `if (NeedLock)` twice takes the same side, that a release guarded by
/// `OldIrql != NULL` follows the acquire guarded by the same test, and which
/// side of a try-acquire's result a branch is on.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_FACTS_H
#define SDV_ANALYSIS_FACTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace llvm {
class BasicBlock;
class CallBase;
class Value;
} // namespace llvm

namespace sdv {

struct Fact {
  const llvm::Value *V = nullptr;
  int64_t C = 0;
  /// `V == C` if true, `V != C` if false.
  bool Equal = true;
};

/// Kept sorted, without duplicates.
using FactSet = llvm::SmallVector<Fact, 4>;

/// Values that are one value: each maps to its class's representative, the
/// value facts are kept about (two reads of memory no code between them may
/// write, and expressions of them; see Representatives). Absent values
/// stand for themselves.
using ValueReps = llvm::DenseMap<const llvm::Value *, const llvm::Value *>;

/// \p V's representative in \p Reps (V itself if none, or if Reps is null).
inline const llvm::Value *repOf(const ValueReps *Reps, const llvm::Value *V) {
  if (!Reps)
    return V;
  auto It = Reps->find(V);
  return It == Reps->end() ? V : It->second;
}

/// A switch's default edge learns `!=` for at most this many cases.
constexpr unsigned MaxSwitchFacts = 16;

/// Adds \p F; returns false if it contradicts what \p Facts knows.
bool addFact(FactSet &Facts, Fact F);

/// Keeps only facts in both; returns true if \p Into lost any.
bool intersectFacts(FactSet &Into, const FactSet &Other);

/// The value of branch condition \p Cond, if the facts decide it.
std::optional<bool> evaluate(const llvm::Value *Cond, const FactSet &Facts,
                             const ValueReps *Reps = nullptr);

/// Records that \p Cond was \p Taken; returns false if that is impossible.
bool assumeCondition(FactSet &Facts, const llvm::Value *Cond, bool Taken,
                     const ValueReps *Reps = nullptr);

/// The constant \p V is, if it is one or the facts say so.
std::optional<int64_t> knownValue(const llvm::Value *V, const FactSet &Facts,
                                  const ValueReps *Reps = nullptr);

bool sameFacts(const FactSet &A, const FactSet &B);

/// Assumes, at call \p CB, facts \p Pre about the callee's arguments: each
/// becomes a fact about the actual argument (or is checked, for a
/// constant). Returns false if the call's arguments contradict them.
bool assumeAtCall(FactSet &Facts, const FactSet &Pre, const llvm::CallBase &CB,
                  const ValueReps *Reps = nullptr);

/// Appends to \p Out what \p Facts know of \p From, restated for \p To
/// (a phi taking From on some edge).
void translateFacts(const FactSet &Facts, const llvm::Value *From,
                    const llvm::Value *To, FactSet &Out, const ValueReps *Reps = nullptr);

} // namespace sdv

#endif // SDV_ANALYSIS_FACTS_H
