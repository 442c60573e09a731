//===- FunctionAnalysis.h - One function into its summary -------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The path-sensitive analysis of one function, in the style of ESP: path
/// states flow over the control-flow graph in reverse post-order, monitored
/// calls move objects, calls of analysed functions apply their summaries,
/// branches prune paths their facts contradict, and the states reaching each
/// `return` become the function's exit cases.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_FUNCTIONANALYSIS_H
#define SDV_ANALYSIS_FUNCTIONANALYSIS_H

#include "Monitors.h"
#include "Summary.h"

#include "sdv/IR/AccessPath.h"
#include "sdv/Roles/Roles.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/Dominators.h"

#include <queue>
#include <vector>

namespace sdv {

class Engine;

/// Analyses one function into its summary.
class FunctionAnalysis {
public:
  FunctionAnalysis(Engine &E, const llvm::Function &F, const EntryRoutine *Entry);
  Summary run();

private:
  struct BlockStates {
    std::vector<PathState> Seen;
    std::vector<unsigned> Pending;
  };

  /// Fills Reps (see ValueReps).
  void findRepresentatives();
  ObjectTrack defaultTrack(ObjectId Id) const;
  ObjectTrack &track(PathState &S, ObjectId Id);
  const ObjectTrack *find(const PathState &S, ObjectId Id) const;

  void transfer(const llvm::Instruction &I, std::vector<PathState> &States);
  void applyEvent(const llvm::CallBase &CB, const EventCall &Ev,
                  std::vector<PathState> &States);
  /// The object event \p Ev of \p CB acts on, on the path \p S; none if the
  /// call does not name one the analysis can follow.
  std::optional<ObjectId> eventObject(const llvm::CallBase &CB, const EventCall &Ev,
                                      const PathState &S);
  /// Whether eventObject's answer is the same on every path: no bound phi
  /// or handle, and no key the facts could decide, to look through.
  bool pathIndependentEvent(const llvm::CallBase &CB, const EventCall &Ev,
                            const PathState &S) const;
  /// The path of pointer \p V on the path \p S.
  NamedPath pathOn(const llvm::Value *V, const PathState &S);
  void moveObject(PathState &S, ObjectId Id, EventId Ev, const llvm::CallBase &CB);
  /// Raises the rule's order violation for every object of a higher level
  /// than \p Acquired that the path may hold.
  void checkOrder(PathState &S, ObjectId Acquired, const EventCall &Ev,
                  const llvm::CallBase &CB);
  void applySummary(const llvm::CallBase &CB, const llvm::Function &Callee,
                    const Summary &CalleeSummary, std::vector<PathState> &States);
  void exit(const PathState &S, const llvm::Instruction &Exit, const llvm::Value *Returned);
  FactSet argumentFacts(const FactSet &Facts) const;
  void propagate(const llvm::BasicBlock &From, const PathState &S);
  void enqueue(const llvm::BasicBlock &To, PathState S,
               const llvm::BasicBlock *From = nullptr);
  void retire(PathState &S, const llvm::Value *Base,
              const llvm::SmallDenseSet<ObjectId, 4> &Keep = {});
  void joinInto(PathState &S, ObjectId Id, const ObjectTrack &T);
  void renamePointerPhis(PathState &S, const llvm::BasicBlock &To, const llvm::BasicBlock &From);
  /// Whether code that can run after entering \p BB still names \p V, or
  /// an object behind it through another pointer
  /// (`deviceExtension = Record->DeviceExtension`).
  bool stillNamed(const llvm::Value *V, const llvm::BasicBlock &BB);
  /// Whether a fact about \p V (a representative) can still decide a
  /// branch, a callee's case or a returned value once \p BB is entered.
  bool factMatters(const llvm::Value *V, const llvm::BasicBlock &BB);
  /// The path of \p Ptr on the path \p S: through the value a bound phi
  /// holds there.
  NamedPath resolvedPath(const llvm::Value *Ptr, const PathState &S);
  /// Whether \p V is still the same value after entering \p BB.
  bool outlives(const llvm::Value *V, const llvm::BasicBlock &BB) const {
    const auto *I = llvm::dyn_cast<llvm::Instruction>(V);
    if (!I)
      return true; // Arguments, globals and constants never change.
    return I->getParent() != &BB && Dominators.dominates(I->getParent(), &BB);
  }
  void record(ViolationRecord V, std::vector<ViolationRecord> &List,
              const PathState &S);
  /// \p T, an object's track at a call, followed by \p U, what the callee
  /// did to it: the callee's steps come between \p Enter and \p Leave (the
  /// call's and the return's steps; Leave may be none).
  ObjectTrack compose(const ObjectTrack &T, const ObjectTrack &U, unsigned NumStates,
                      TraceRef Enter, TraceRef Leave);
  bool isPureReturn(const llvm::BasicBlock &BB);
  void mergeSimilar(std::vector<PathState> &States);
  /// Whether two paths agree on what decides them: every object's states
  /// when it starts in its rule's initial state, or in a state a role's
  /// entry gives it (Engine::decisiveStates). (Paths that differ only in how they would treat
  /// a lock a caller holds are joined: that is may-information.)
  bool sameDecisive(const ObjectMap &A, const ObjectMap &B) const;
  /// Whether two paths know the same of the values that come back later in
  /// the function under another name (Echoed): paths that took `if (a ||
  /// b)` by different sides keep apart, so that the same test later takes
  /// the same side.
  bool sameEchoedFacts(const FactSet &A, const FactSet &B) const;
  /// Joins B's objects into A; returns whether A gained anything.
  bool joinObjects(ObjectMap &A, const ObjectMap &B) const;

  Engine &E;
  const llvm::Function &F;
  const EntryRoutine *Entry;
  AccessPathBuilder Paths;
  llvm::DominatorTree Dominators;
  Summary Result;
  /// Values that are one value in this function (see findRepresentatives).
  ValueReps Reps;
  /// The representatives of values that occur twice or more.
  llvm::DenseSet<const llvm::Value *> Echoed;
  /// By block: the representatives of operations on values the block
  /// defines anew, whose facts end there (see findRepresentatives).
  llvm::DenseMap<const llvm::BasicBlock *, llvm::SmallVector<const llvm::Value *, 2>>
      KilledAt;
  /// Each representative's other values.
  llvm::DenseMap<const llvm::Value *, llvm::SmallVector<const llvm::Value *, 2>> Members;
  /// By value: the blocks (by Order) in which a fact about it matters.
  llvm::DenseMap<const llvm::Value *, llvm::BitVector> FactLive;
  llvm::DenseMap<const llvm::BasicBlock *, unsigned> Order;
  llvm::DenseMap<const llvm::BasicBlock *, BlockStates> In;
  llvm::DenseMap<const llvm::BasicBlock *, bool> PureReturn;
  llvm::DenseMap<std::pair<const llvm::Value *, const llvm::BasicBlock *>, bool> StillNamed;
  std::priority_queue<std::pair<int, const llvm::BasicBlock *>> Work;
};

} // namespace sdv

#endif // SDV_ANALYSIS_FUNCTIONANALYSIS_H
