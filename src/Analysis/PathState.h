//===- PathState.h - Path states and their joins ----------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What one path through a function knows: for each monitored object, the
/// states it may be in as a function of its state on entry (with the trace
/// that led there), the branch facts the path has learnt, and which pointer
/// phis are bound to which incoming values on it.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_PATHSTATE_H
#define SDV_ANALYSIS_PATHSTATE_H

#include "Facts.h"
#include "ObjectTable.h"
#include "Trace.h"

#include "sdv/Rule/Rule.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <array>

namespace llvm {
class BasicBlock;
class Instruction;
class Value;
} // namespace llvm

namespace sdv {

inline StateSet bit(unsigned S) { return StateSet(1u << S); }

/// One object's automaton, as a function of its state on entry to the
/// function being analysed: entry state S may now be in any state of Cur[S].
/// An empty set means the object is no longer tracked from that entry state
/// (a violation stopped it, as the reference tool stops a path).
struct ObjectTrack {
  std::array<StateSet, MaxRuleStates> Cur{};

  /// The object's history on one path to state `State` from entry state
  /// `Start`: the steps since it last left the initial state (none if
  /// nothing in this function has touched it yet). One per reachable pair,
  /// so that a violation in a state is explained by a path to that state.
  struct History {
    uint8_t Start = 0, State = 0;
    /// Whether the history began in this function, when the object left
    /// the initial state; if not, it continues the caller's history.
    bool Fresh = false;
    TraceRef Steps = 0;
  };
  /// Sorted by (Start, State).
  llvm::SmallVector<History, 2> Hist;
  /// The entry states from which the path has moved the object in this
  /// function (even where every move was a violation, which leaves no
  /// state and no history).
  StateSet TouchedFrom = 0;

  bool sameStates(const ObjectTrack &O) const { return Cur == O.Cur; }
  bool hasHistory() const { return TouchedFrom != 0; }
  const History *history(unsigned Start, unsigned State) const {
    for (const History &H : Hist)
      if (H.Start == Start && H.State == State)
        return &H;
    return nullptr;
  }
  TraceRef last(unsigned Start, unsigned State) const {
    const History *H = history(Start, State);
    return H ? H->Steps : 0;
  }
  bool fresh(unsigned Start, unsigned State) const {
    const History *H = history(Start, State);
    return H && H->Fresh;
  }
  /// Sets the pair's history, replacing any.
  void setHistory(unsigned Start, unsigned State, TraceRef Steps, bool Fresh) {
    auto It = llvm::lower_bound(Hist, std::make_pair(Start, State),
                                [](const History &H, std::pair<unsigned, unsigned> K) {
                                  return std::make_pair(unsigned(H.Start), unsigned(H.State)) < K;
                                });
    if (It != Hist.end() && It->Start == Start && It->State == State) {
      It->Steps = Steps;
      It->Fresh = Fresh;
      return;
    }
    if (!Steps)
      return;
    Hist.insert(It, {uint8_t(Start), uint8_t(State), Fresh, Steps});
  }
  /// Adds \p O's histories of the pairs this track has none for.
  void addMissingHistories(const ObjectTrack &O) {
    for (const History &H : O.Hist)
      if (!history(H.Start, H.State))
        setHistory(H.Start, H.State, H.Steps, H.Fresh);
  }
};

using ObjectMap = llvm::SmallVector<std::pair<ObjectId, ObjectTrack>, 4>;

inline bool sameStates(const ObjectMap &A, const ObjectMap &B) {
  if (A.size() != B.size())
    return false;
  for (unsigned I = 0; I < A.size(); ++I)
    if (A[I].first != B[I].first || !A[I].second.sameStates(B[I].second))
      return false;
  return true;
}

/// (handle, object) pairs, sorted by handle.
using HandleBindings = llvm::SmallVector<std::pair<ObjectId, ObjectId>, 1>;

/// The object \p Handle is bound to in \p Bindings, or NoObject.
inline ObjectId boundObject(const HandleBindings &Bindings, ObjectId Handle) {
  auto It = llvm::lower_bound(Bindings, Handle,
                              [](const auto &B, ObjectId H) { return B.first < H; });
  return It != Bindings.end() && It->first == Handle ? It->second : NoObject;
}

/// Binds \p Handle to \p Object in \p Bindings.
inline void bindHandle(HandleBindings &Bindings, ObjectId Handle, ObjectId Object) {
  auto It = llvm::lower_bound(Bindings, Handle,
                              [](const auto &B, ObjectId H) { return B.first < H; });
  if (It != Bindings.end() && It->first == Handle)
    It->second = Object;
  else
    Bindings.insert(It, {Handle, Object});
}

struct PathState {
  ObjectMap Objects; // Sorted by ObjectId.
  FactSet Facts;
  /// Opaque pointers (phis) that hold, on this path, a value whose objects
  /// start in a known state: a loop over devices entered with
  /// `DriverObject->DeviceObject`. Sorted.
  llvm::SmallVector<const llvm::Value *, 2> KnownBases;
  /// Pointer phis bound, on this path, to the incoming value they took: a
  /// lock pointer chosen on two branches (`Lock = &E->SendLock` or
  /// `&E->ModeLock`) is, on each path, the lock that path took, and events
  /// through it are events on that lock. Holds only incoming values that
  /// name their objects independently of the path (a parameter's or a
  /// global's field), or that stay valid and named after the phi. Sorted
  /// by phi.
  llvm::SmallVector<std::pair<const llvm::Value *, const llvm::Value *>, 1> PhiValues;
  /// Lock handles bound to the object they name on this path
  /// (`KeAcquireInStackQueuedSpinLock(&Lock, &Handle)` binds Handle's object
  /// to Lock's). Sorted by handle.
  HandleBindings Handles;
  /// The `return` statement's branch by which this path entered a returning
  /// block that still does work (optimised code sinks what the returning
  /// paths share into it); where the routine leaves.
  const llvm::Instruction *ExitVia = nullptr;
  /// The last instruction with a source line in the blocks this path went
  /// through before the current one: where to report an event at code that
  /// optimisation merged from several paths (a call sunk into a join point
  /// has line 0).
  const llvm::Instruction *LastLocated = nullptr;
};

/// Whether \p I has a source line.
bool hasLine(const llvm::Instruction &I);

/// The last instruction of \p BB, up to and including \p From (its end if
/// null), that has a source line; null if none.
const llvm::Instruction *lastLocatedIn(const llvm::BasicBlock &BB,
                                       const llvm::Instruction *From = nullptr);

/// \p I, or where the path \p S last was in the source when \p I has lost
/// its line.
const llvm::Instruction &locatedSite(const llvm::Instruction &I, const PathState &S);

/// Keeps in \p Into the known bases, phi bindings and handle bindings
/// \p Other has too; returns whether Into lost any.
bool intersectPathBindings(PathState &Into, const PathState &Other);

/// Whether \p P names the same object on every path through the function:
/// it starts at a parameter or a global, not at a value computed on the way.
bool pathIndependent(const NamedPath &P);

/// The value the phi \p Phi is bound to on the path \p S, if any.
const llvm::Value *boundValue(const PathState &S, const llvm::Value *Phi);

/// Binds \p Phi to \p To on \p S, or unbinds it if To is null.
void bindPhi(PathState &S, const llvm::Value *Phi, const llvm::Value *To);

} // namespace sdv

#endif // SDV_ANALYSIS_PATHSTATE_H
