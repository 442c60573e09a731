//===- Engine.cpp - Interprocedural typestate engine ----------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Analysis/Engine.h"

#include "CallTargets.h"
#include "Facts.h"
#include "ObjectTable.h"
#include "Trace.h"

#include "sdv/IR/AccessPath.h"
#include "sdv/IR/Loader.h"
#include "sdv/IR/SourceLocation.h"
#include "sdv/IR/Symbols.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Process.h"

#include <spdlog/spdlog.h>

#include <array>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <queue>

using namespace llvm;

namespace sdv {

namespace {

StateSet bit(unsigned S) { return StateSet(1u << S); }

/// One object's automaton, as a function of its state on entry to the
/// function being analysed: entry state S may now be in any state of Cur[S].
/// An empty set means the object is no longer tracked from that entry state
/// (a violation stopped it, as the reference tool stops a path).
struct ObjectTrack {
  std::array<StateSet, MaxRuleStates> Cur{};
  /// The object's history on the path, per entry state: the steps since it
  /// last left the initial state (empty if nothing in this function has
  /// touched it yet).
  std::array<TraceRef, MaxRuleStates> Last{};
  /// Whether that history began in this function, when the object left the
  /// initial state; if not, it continues the caller's history.
  std::array<bool, MaxRuleStates> Fresh{};

  bool sameStates(const ObjectTrack &O) const { return Cur == O.Cur; }
};

using ObjectMap = SmallVector<std::pair<ObjectId, ObjectTrack>, 4>;

bool sameStates(const ObjectMap &A, const ObjectMap &B) {
  if (A.size() != B.size())
    return false;
  for (unsigned I = 0; I < A.size(); ++I)
    if (A[I].first != B[I].first || !A[I].second.sameStates(B[I].second))
      return false;
  return true;
}

struct PathState {
  ObjectMap Objects; // Sorted by ObjectId.
  FactSet Facts;
  /// Opaque pointers (phis) that hold, on this path, a value whose objects
  /// start in a known state: a loop over devices entered with
  /// `DriverObject->DeviceObject`. Sorted.
  SmallVector<const Value *, 2> KnownBases;
  /// Pointer phis bound, on this path, to the incoming value they took: a
  /// lock pointer chosen on two branches (`Lock = &E->SendLock` or
  /// `&E->ModeLock`) is, on each path, the lock that path took, and events
  /// through it are events on that lock. Holds only incoming values that
  /// name their objects independently of the path (a parameter's or a
  /// global's field), or that stay valid and named after the phi. Sorted
  /// by phi.
  SmallVector<std::pair<const Value *, const Value *>, 1> PhiValues;
  /// The `return` statement's branch by which this path entered a returning
  /// block that still does work (optimised code sinks what the returning
  /// paths share into it); where the routine leaves.
  const Instruction *ExitVia = nullptr;
  /// The last instruction with a source line in the blocks this path went
  /// through before the current one: where to report an event at code that
  /// optimisation merged from several paths (a call sunk into a join point
  /// has line 0).
  const Instruction *LastLocated = nullptr;
};

bool hasLine(const Instruction &I) {
  return I.getDebugLoc() && I.getDebugLoc().getLine() != 0;
}

/// The last instruction of \p BB, up to and including \p From (its end if
/// null), that has a source line; null if none.
const Instruction *lastLocatedIn(const BasicBlock &BB, const Instruction *From = nullptr) {
  auto It = From ? From->getReverseIterator() : BB.rbegin();
  for (; It != BB.rend(); ++It)
    if (hasLine(*It))
      return &*It;
  return nullptr;
}

/// \p I, or where the path \p S last was in the source when \p I has lost
/// its line.
const Instruction &locatedSite(const Instruction &I, const PathState &S) {
  if (!I.getDebugLoc() || hasLine(I))
    return I;
  if (const Instruction *Before = lastLocatedIn(*I.getParent(), &I))
    return *Before;
  return S.LastLocated ? *S.LastLocated : I;
}

/// Keeps in \p Into the known bases and phi bindings \p Other has too;
/// returns whether Into lost any.
bool intersectPathBindings(PathState &Into, const PathState &Other) {
  size_t Before = Into.KnownBases.size() + Into.PhiValues.size();
  llvm::erase_if(Into.KnownBases,
                 [&](const Value *V) { return !is_contained(Other.KnownBases, V); });
  llvm::erase_if(Into.PhiValues, [&](const std::pair<const Value *, const Value *> &B) {
    return !is_contained(Other.PhiValues, B);
  });
  return Into.KnownBases.size() + Into.PhiValues.size() != Before;
}

/// Whether \p P names the same object on every path through the function:
/// it starts at a parameter or a global, not at a value computed on the way.
bool pathIndependent(const NamedPath &P) {
  return P.Path.Kind == PathBase::Param || P.Path.Kind == PathBase::Global;
}

/// Where \p Phi's binding is, or would go, in \p Bindings (sorted by phi).
template <typename BindingVector> auto bindingSlot(BindingVector &Bindings, const Value *Phi) {
  return llvm::lower_bound(Bindings, Phi,
                           [](const auto &B, const Value *V) { return B.first < V; });
}

/// The value the phi \p Phi is bound to on the path \p S, if any.
const Value *boundValue(const PathState &S, const Value *Phi) {
  auto It = bindingSlot(S.PhiValues, Phi);
  return It != S.PhiValues.end() && It->first == Phi ? It->second : nullptr;
}

/// Binds \p Phi to \p To on \p S, or unbinds it if To is null.
void bindPhi(PathState &S, const Value *Phi, const Value *To) {
  auto It = bindingSlot(S.PhiValues, Phi);
  if (It != S.PhiValues.end() && It->first == Phi) {
    if (To)
      It->second = To;
    else
      S.PhiValues.erase(It);
  } else if (To) {
    S.PhiValues.insert(It, {Phi, To});
  }
}

/// A violation raised inside a function, in that function's terms.
struct ViolationRecord {
  ViolationId Violation = 0;
  ObjectId Object = 0;
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
  const Instruction *Site = nullptr;
  /// The violating call, if it is one.
  const CallBase *Call = nullptr;
  TraceRef Trace = 0;
  /// What the path knew of the function's arguments: callers whose
  /// arguments contradict it do not reach the violation.
  FactSet Pre;
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
  const Value *ReturnedBase = nullptr;
};

struct Summary {
  std::vector<ExitCase> Exits;
  /// Violations callers inherit.
  std::vector<ViolationRecord> Violations;
  /// Exit violations of an entry routine: they concern the routine as a root
  /// only, never its callers.
  std::vector<ViolationRecord> ExitViolations;
};

bool sameSummary(const Summary &A, const Summary &B) {
  if (A.Exits.size() != B.Exits.size() ||
      A.Violations.size() != B.Violations.size())
    return false;
  for (unsigned I = 0; I < A.Exits.size(); ++I)
    if (!sameStates(A.Exits[I].Objects, B.Exits[I].Objects) ||
        !sameFacts(A.Exits[I].Returns, B.Exits[I].Returns) ||
        A.Exits[I].ReturnedBase != B.Exits[I].ReturnedBase ||
        !sameFacts(A.Exits[I].Pre, B.Exits[I].Pre))
      return false;
  for (unsigned I = 0; I < A.Violations.size(); ++I) {
    const ViolationRecord &X = A.Violations[I], &Y = B.Violations[I];
    if (X.Violation != Y.Violation || X.Object != Y.Object ||
        X.EntryState != Y.EntryState || X.Site != Y.Site ||
        X.Unconditional != Y.Unconditional || X.FromEntry != Y.FromEntry ||
        !sameFacts(X.Pre, Y.Pre))
      return false;
  }
  return true;
}

/// Adds \p V to \p List unless an equal violation (same kind, object, entry
/// state and site) is there; keeps the shorter trace, and only what both
/// paths knew of the arguments.
void addViolation(std::vector<ViolationRecord> &List, const ViolationRecord &V,
                  const TraceArena &Traces) {
  for (ViolationRecord &Old : List) {
    if (Old.Violation != V.Violation || Old.Object != V.Object ||
        Old.Site != V.Site || Old.Unconditional != V.Unconditional ||
        (!V.Unconditional && Old.EntryState != V.EntryState))
      continue;
    if (Traces.length(V.Trace) < Traces.length(Old.Trace)) {
      Old.Trace = V.Trace;
      Old.FromEntry = V.FromEntry;
    }
    intersectFacts(Old.Pre, V.Pre);
    return;
  }
  List.push_back(V);
}

class Engine;

/// Analyses one function into its summary.
class FunctionAnalysis {
public:
  FunctionAnalysis(Engine &E, const Function &F, const EntryRoutine *Entry);
  Summary run();

private:
  struct BlockStates {
    std::vector<PathState> Seen;
    std::vector<unsigned> Pending;
  };

  ObjectTrack defaultTrack(ObjectId Id) const;
  ObjectTrack &track(PathState &S, ObjectId Id);
  const ObjectTrack *find(const PathState &S, ObjectId Id) const;

  void transfer(const Instruction &I, std::vector<PathState> &States);
  void applyEvent(const CallBase &CB, EventId Ev, std::vector<PathState> &States);
  void moveObject(PathState &S, ObjectId Id, EventId Ev, const CallBase &CB);
  void applySummary(const CallBase &CB, const Function &Callee,
                    const Summary &CalleeSummary, std::vector<PathState> &States);
  void exit(const PathState &S, const Instruction &Exit, const Value *Returned);
  FactSet argumentFacts(const FactSet &Facts) const;
  void propagate(const BasicBlock &From, const PathState &S);
  void enqueue(const BasicBlock &To, PathState S,
               const BasicBlock *From = nullptr);
  void retire(PathState &S, const Value *Base,
              const SmallDenseSet<ObjectId, 4> &Keep = {});
  void joinInto(PathState &S, ObjectId Id, const ObjectTrack &T);
  void renamePointerPhis(PathState &S, const BasicBlock &To, const BasicBlock &From);
  /// Whether code that can run after entering \p BB still names \p V, or
  /// an object behind it through another pointer
  /// (`deviceExtension = Record->DeviceExtension`).
  bool stillNamed(const Value *V, const BasicBlock &BB);
  /// The path of \p Ptr on the path \p S: through the value a bound phi
  /// holds there.
  NamedPath resolvedPath(const Value *Ptr, const PathState &S);
  /// Whether \p V is still the same value after entering \p BB.
  bool outlives(const Value *V, const BasicBlock &BB) const {
    const auto *I = dyn_cast<Instruction>(V);
    if (!I)
      return true; // Arguments, globals and constants never change.
    return I->getParent() != &BB && Dominators.dominates(I->getParent(), &BB);
  }
  void record(ViolationRecord V, std::vector<ViolationRecord> &List,
              const PathState &S);
  bool isPureReturn(const BasicBlock &BB);
  void mergeSimilar(std::vector<PathState> &States);
  /// Whether two paths agree on what decides them: every object's states
  /// when it starts in the rule's initial state, the one entry state an
  /// entry routine gives it. (Paths that differ only in how they would treat
  /// a lock a caller holds are joined: that is may-information.)
  bool sameDecisive(const ObjectMap &A, const ObjectMap &B) const;
  /// Joins B's objects into A; returns whether A gained anything.
  bool joinObjects(ObjectMap &A, const ObjectMap &B) const;

  Engine &E;
  const Rule &R;
  const Function &F;
  const EntryRoutine *Entry;
  AccessPathBuilder Paths;
  DominatorTree Dominators;
  Summary Result;
  DenseMap<const BasicBlock *, unsigned> Order;
  DenseMap<const BasicBlock *, BlockStates> In;
  DenseMap<const BasicBlock *, bool> PureReturn;
  DenseMap<std::pair<const Value *, const BasicBlock *>, bool> StillNamed;
  std::priority_queue<std::pair<int, const BasicBlock *>> Work;
};

class Engine {
public:
  Engine(const Module &M, const Rule &R, const std::vector<EntryRoutine> &Entries,
         const EngineOptions &Options)
      : M(M), R(R), Entries(Entries), Options(Options), Targets(M) {}

  RuleResult run();

  const Module &M;
  const Rule &R;
  const std::vector<EntryRoutine> &Entries;
  const EngineOptions &Options;
  ObjectTable Objects;
  TraceArena Traces;
  EngineStats Stats;
  DenseMap<const Function *, Summary> Summaries;
  DenseMap<const Function *, const EntryRoutine *> EntryOf;
  /// Functions that call themselves, directly or through a pointer.
  DenseSet<const Function *> CallsItself;
  DenseSet<const CallBase *> IndirectCallSites;
  CallTargets Targets;
  /// Set once a budget is exhausted; every loop then winds down.
  Outcome Stopped = Outcome::Complete;
  std::string StopReason;
  unsigned BudgetTicks = 0;

  /// Whether a budget is exhausted. Cheap: the clock and the heap are read
  /// every 256 calls.
  bool overBudget();
  /// The members of the call-graph component being analysed.
  SmallPtrSet<const Function *, 4> CurrentComponent;
  /// The most loads on the path of an object the current component names
  /// itself (in a monitored call, or through a callee outside it).
  unsigned NamedDerefs = 0;

  bool inCurrentComponent(const Function &F) const {
    return CurrentComponent.count(&F);
  }
  void noteNamed(ObjectId Id) {
    NamedDerefs = std::max(NamedDerefs, Objects.path(Id).Path.derefs());
  }
  /// The callee of a direct call, through casts.
  static const Function *calledFunction(const CallBase &CB) {
    return dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts());
  }

private:
  std::vector<std::vector<const Function *>> componentsBottomUp();
  std::string describe(const Function &F, const Summary &S) const;
  void analyseComponent(const std::vector<const Function *> &Component);
  void collectDefects(RuleResult &Result);
};

//===----------------------------------------------------------------------===//
// FunctionAnalysis
//===----------------------------------------------------------------------===//

FunctionAnalysis::FunctionAnalysis(Engine &E, const Function &F,
                                   const EntryRoutine *Entry)
    : E(E), R(E.R), F(F), Entry(Entry), Paths(F, E.M.getDataLayout()),
      Dominators(const_cast<Function &>(F)) {
  unsigned I = 0;
  for (const BasicBlock *BB : ReversePostOrderTraversal<const Function *>(&F))
    Order[BB] = I++;
}

ObjectTrack FunctionAnalysis::defaultTrack(ObjectId Id) const {
  ObjectTrack T;
  if (E.Objects.isLocalTo(Id, F)) {
    // Fresh in this function: only the initial state is meaningful.
    T.Cur[R.initialState()] = bit(R.initialState());
    return T;
  }
  for (unsigned S = 0; S < R.numStates(); ++S)
    T.Cur[S] = bit(S);
  return T;
}

const ObjectTrack *FunctionAnalysis::find(const PathState &S, ObjectId Id) const {
  auto It = llvm::lower_bound(S.Objects, Id, [](const auto &P, ObjectId Id) {
    return P.first < Id;
  });
  if (It == S.Objects.end() || It->first != Id)
    return nullptr;
  return &It->second;
}

ObjectTrack &FunctionAnalysis::track(PathState &S, ObjectId Id) {
  auto It = llvm::lower_bound(S.Objects, Id, [](const auto &P, ObjectId Id) {
    return P.first < Id;
  });
  if (It != S.Objects.end() && It->first == Id)
    return It->second;
  It = S.Objects.insert(It, {Id, defaultTrack(Id)});
  return It->second;
}

void FunctionAnalysis::record(ViolationRecord V, std::vector<ViolationRecord> &List,
                              const PathState &S) {
  // An object reached through an unknown pointer has no known state before
  // this function touches it: a violation that needs that state is not
  // evidence of a defect.
  const AccessPath &P = E.Objects.path(V.Object).Path;
  bool KnownBase = P.Kind == PathBase::Opaque && P.Generation == 0 &&
                   is_contained(S.KnownBases, P.Base);
  if (V.FromEntry && E.Objects.hasUnknownStartIn(V.Object, F) && !KnownBase)
    return;
  V.Unconditional = V.Unconditional || E.Objects.isLocalTo(V.Object, F);
  addViolation(List, V, E.Traces);
}

void FunctionAnalysis::moveObject(PathState &S, ObjectId Id, EventId Ev,
                                  const CallBase &CB) {
  ObjectTrack &T = track(S, Id);
  const Instruction &Where = locatedSite(CB, S);
  const TraceStep Step{StepKind::Event, &Where, nullptr, Ev};
  for (unsigned Start = 0; Start < R.numStates(); ++Start) {
    StateSet Now = T.Cur[Start];
    if (!Now)
      continue;
    StateSet Next = 0;
    for (unsigned Q = 0; Q < R.numStates(); ++Q) {
      if (!(Now & bit(Q)))
        continue;
      const Transition &Tr = R.step(Q, Ev);
      if (Tr.Violation) {
        ViolationRecord V;
        V.Violation = *Tr.Violation;
        V.Object = Id;
        V.EntryState = Start;
        V.FromEntry = !T.Fresh[Start];
        V.Site = &Where;
        V.Call = &CB;
        V.Trace = E.Traces.append(T.Last[Start],
                                  {StepKind::Violation, &Where, nullptr, Ev});
        V.Pre = argumentFacts(S.Facts);
        record(V, Result.Violations, S);
        continue;
      }
      Next |= bit(*Tr.Next);
    }
    // Leaving the initial state starts a new history; any other move
    // extends it (a release after an acquire explains a later release).
    if (Now == bit(R.initialState())) {
      T.Last[Start] = E.Traces.append(0, Step);
      T.Fresh[Start] = true;
    } else {
      T.Last[Start] = E.Traces.append(T.Last[Start], Step);
    }
    T.Cur[Start] = Next;
  }
}

void FunctionAnalysis::applyEvent(const CallBase &CB, EventId Ev,
                                  std::vector<PathState> &States) {
  const RuleEvent &Event = R.event(Ev);
  if (CB.arg_size() <= Event.ObjectArg)
    return;
  const Value *Ptr = CB.getArgOperand(Event.ObjectArg);
  ObjectId Unbound = E.Objects.intern(Paths.pathOf(Ptr));
  E.noteNamed(Unbound);
  auto ObjectOn = [&](const PathState &S) {
    if (S.PhiValues.empty())
      return Unbound;
    ObjectId Id = E.Objects.intern(resolvedPath(Ptr, S));
    E.noteNamed(Id);
    return Id;
  };
  if (Event.Outcome == EventOutcome::Always) {
    for (PathState &S : States)
      moveObject(S, ObjectOn(S), Ev, CB);
    return;
  }
  // The event happens only if the call returns non-zero: split each path on
  // the result, and let the branch that tests it pick its side.
  std::vector<PathState> Out;
  for (PathState &S : States) {
    ObjectId Id = ObjectOn(S);
    PathState Taken = S;
    if (addFact(Taken.Facts, {&CB, 0, /*Equal=*/false})) {
      moveObject(Taken, Id, Ev, CB);
      Out.push_back(std::move(Taken));
    }
    if (addFact(S.Facts, {&CB, 0, /*Equal=*/true}))
      Out.push_back(std::move(S));
  }
  States = std::move(Out);
}

void FunctionAnalysis::applySummary(const CallBase &CB, const Function &Callee,
                                    const Summary &Sum,
                                    std::vector<PathState> &States) {
  TraceRef CallStep = E.Traces.append(0, {StepKind::Call, &CB, &Callee, 0});
  TraceRef ReturnStep = E.Traces.append(0, {StepKind::Return, &CB, &Callee, 0});
  // A recursive call that descends a data structure (`Walk(Node->Left)`)
  // names each of the callee's objects one load deeper, every round: a
  // tree walk would double its objects per round and never reach a
  // fixpoint. Through such a call an object is followed only as deep as the
  // recursive functions name objects themselves, plus one load.
  bool Recursive = E.inCurrentComponent(Callee);
  // The path whose bound phis the arguments are read through.
  const PathState *On = nullptr;
  NamedPath Resolved;
  auto Translate = [&](ObjectId Id,
                       const Value *ReturnedBase = nullptr) -> std::optional<ObjectId> {
    ObjectId Out = E.Objects.translate(
        Id, Callee, CB,
        [&](const Value *Actual) -> const NamedPath & {
          if (!On || On->PhiValues.empty())
            return Paths.pathOf(Actual);
          Resolved = resolvedPath(Actual, *On);
          return Resolved;
        },
        ReturnedBase, /*PathDependent=*/On && !On->PhiValues.empty());
    if (!Recursive) {
      E.noteNamed(Out);
      return Out;
    }
    if (E.Objects.path(Out).Path.derefs() > E.NamedDerefs + 1)
      return std::nullopt;
    return Out;
  };

  std::vector<PathState> Out;
  for (PathState &S : States) {
    On = &S;
    for (const ViolationRecord &CV : Sum.Violations) {
      // The callee's path to the violation must fit this call's arguments.
      FactSet Facts = S.Facts;
      if (!assumeAtCall(Facts, CV.Pre, CB))
        continue;
      std::optional<ObjectId> Translated = Translate(CV.Object);
      if (!Translated)
        continue;
      ObjectId Id = *Translated;
      ViolationRecord V = CV;
      V.Object = Id;
      V.Pre = argumentFacts(Facts);
      if (CV.Unconditional) {
        V.Trace = E.Traces.concat(CallStep, CV.Trace);
        record(V, Result.Violations, S);
        continue;
      }
      ObjectTrack T = find(S, Id) ? *find(S, Id) : defaultTrack(Id);
      for (unsigned Start = 0; Start < R.numStates(); ++Start) {
        if (!(T.Cur[Start] & bit(CV.EntryState)))
          continue;
        TraceRef Prefix = CV.FromEntry ? T.Last[Start] : 0;
        V.EntryState = Start;
        V.FromEntry = CV.FromEntry && !T.Fresh[Start];
        V.Trace = E.Traces.concat(E.Traces.concat(Prefix, CallStep), CV.Trace);
        record(V, Result.Violations, S);
      }
    }
    for (const ExitCase &X : Sum.Exits) {
      PathState Next = S;
      if (!assumeAtCall(Next.Facts, X.Pre, CB))
        continue;
      if (!all_of(X.Returns, [&](const Fact &F) {
            return addFact(Next.Facts, {&CB, F.C, F.Equal});
          }))
        continue;
      for (const auto &[CalleeId, U] : X.Objects) {
        std::optional<ObjectId> Translated = Translate(CalleeId, X.ReturnedBase);
        if (!Translated)
          continue;
        ObjectTrack &T = track(Next, *Translated);
        ObjectTrack Composed = T;
        for (unsigned Start = 0; Start < R.numStates(); ++Start) {
          StateSet Via = T.Cur[Start];
          StateSet Result = 0;
          std::optional<unsigned> Moved;
          for (unsigned Mid = 0; Mid < R.numStates(); ++Mid) {
            if (!(Via & bit(Mid)))
              continue;
            Result |= U.Cur[Mid];
            if (!Moved && U.Last[Mid])
              Moved = Mid;
          }
          Composed.Cur[Start] = Result;
          if (!Moved)
            continue;
          TraceRef Inner = E.Traces.concat(
              E.Traces.concat(CallStep, U.Last[*Moved]), ReturnStep);
          if (U.Fresh[*Moved]) {
            Composed.Last[Start] = Inner;
            Composed.Fresh[Start] = true;
          } else {
            Composed.Last[Start] = E.Traces.concat(T.Last[Start], Inner);
          }
        }
        T = Composed;
      }
      Out.push_back(std::move(Next));
    }
  }
  States = std::move(Out);
  mergeSimilar(States);
}

void FunctionAnalysis::mergeSimilar(std::vector<PathState> &States) {
  if (States.size() < 2)
    return;
  std::vector<PathState> Merged;
  for (PathState &S : States) {
    auto It = llvm::find_if(Merged, [&](const PathState &M) {
      return sameDecisive(M.Objects, S.Objects);
    });
    if (It == Merged.end()) {
      Merged.push_back(std::move(S));
      continue;
    }
    joinObjects(It->Objects, S.Objects);
    intersectFacts(It->Facts, S.Facts);
    intersectPathBindings(*It, S);
  }
  States = std::move(Merged);
}

/// Walks two object maps in id order, with the default track for an object
/// one of them has not touched.
template <typename Fn>
static void forEachPair(const ObjectMap &A, const ObjectMap &B, Fn Visit) {
  size_t I = 0, J = 0;
  while (I < A.size() || J < B.size()) {
    if (J == B.size() || (I < A.size() && A[I].first < B[J].first)) {
      Visit(A[I].first, &A[I].second, nullptr);
      ++I;
    } else if (I == A.size() || B[J].first < A[I].first) {
      Visit(B[J].first, nullptr, &B[J].second);
      ++J;
    } else {
      Visit(A[I].first, &A[I].second, &B[J].second);
      ++I;
      ++J;
    }
  }
}

bool FunctionAnalysis::sameDecisive(const ObjectMap &A, const ObjectMap &B) const {
  unsigned Initial = R.initialState();
  bool Same = true;
  forEachPair(A, B, [&](ObjectId Id, const ObjectTrack *TA, const ObjectTrack *TB) {
    if (!Same)
      return;
    ObjectTrack Default = (!TA || !TB) ? defaultTrack(Id) : ObjectTrack();
    Same = (TA ? *TA : Default).Cur[Initial] == (TB ? *TB : Default).Cur[Initial];
  });
  return Same;
}

bool FunctionAnalysis::joinObjects(ObjectMap &A, const ObjectMap &B) const {
  ObjectMap Out;
  bool Changed = false;
  forEachPair(A, B, [&](ObjectId Id, const ObjectTrack *TA, const ObjectTrack *TB) {
    ObjectTrack Default = (!TA || !TB) ? defaultTrack(Id) : ObjectTrack();
    ObjectTrack Joined = TA ? *TA : Default;
    const ObjectTrack &Other = TB ? *TB : Default;
    for (unsigned Start = 0; Start < R.numStates(); ++Start) {
      StateSet Union = Joined.Cur[Start] | Other.Cur[Start];
      Changed |= Union != Joined.Cur[Start];
      Joined.Cur[Start] = Union;
      if (!Joined.Last[Start]) {
        Joined.Last[Start] = Other.Last[Start];
        Joined.Fresh[Start] = Other.Fresh[Start];
      }
    }
    Out.push_back({Id, Joined});
  });
  A = std::move(Out);
  return Changed;
}

void FunctionAnalysis::joinInto(PathState &S, ObjectId Id, const ObjectTrack &T) {
  if (!find(S, Id)) {
    track(S, Id) = T;
    return;
  }
  ObjectTrack &Dst = track(S, Id);
  for (unsigned Start = 0; Start < R.numStates(); ++Start) {
    Dst.Cur[Start] |= T.Cur[Start];
    if (!Dst.Last[Start]) {
      Dst.Last[Start] = T.Last[Start];
      Dst.Fresh[Start] = T.Fresh[Start];
    }
  }
}

/// \p Base is being redefined (a loop computes it again): the objects it
/// named become "earlier" objects, which no code can name any more but which
/// keep their state (a lock still held by an earlier iteration is still
/// held at the exit).
void FunctionAnalysis::retire(PathState &S, const Value *Base,
                              const SmallDenseSet<ObjectId, 4> &Keep) {
  SmallVector<std::pair<ObjectId, ObjectTrack>, 2> Retired;
  llvm::erase_if(S.Objects, [&](const std::pair<ObjectId, ObjectTrack> &P) {
    if (!E.Objects.rootedAt(P.first, Base) || Keep.count(P.first))
      return false;
    Retired.push_back(P);
    return true;
  });
  for (const auto &[Id, T] : Retired)
    joinInto(S, E.Objects.earlier(Id), T);
}

/// On the edge From -> To, each pointer phi of To takes its incoming value:
/// the objects named through that value are now named through the phi (the
/// loop's `Cur = Next`), and what the phi named before is retired. Phis take
/// their values at once, as in IR (`Prev = Cur; Cur = Next`).
void FunctionAnalysis::renamePointerPhis(PathState &S, const BasicBlock &To,
                                         const BasicBlock &From) {
  struct Move {
    ObjectId Source, Target;
  };
  SmallVector<Move, 4> Moves;
  SmallVector<const PHINode *, 2> Renamed;
  SmallVector<std::pair<const Value *, const Value *>, 2> Bindings;
  for (const PHINode &Phi : To.phis()) {
    if (!Phi.getType()->isPointerTy())
      continue;
    NamedPath PhiPath = Paths.pathOf(&Phi);
    if (PhiPath.Path.Kind != PathBase::Opaque || PhiPath.Path.Base != &Phi)
      continue; // All incoming values name one object: nothing moves.
    // On this path the phi holds this incoming value: its objects start in
    // a known state if the value's do (the first device of a device loop).
    const Value *In = Phi.getIncomingValueForBlock(&From);
    // An incoming phi bound on this path stands for the value it holds.
    const Value *Target = boundValue(S, In);
    if (!Target)
      Target = In;
    const NamedPath &InPath = Paths.pathOf(Target);
    bool Known = InPath.Path.Kind == PathBase::Param ||
                 InPath.Path.Kind == PathBase::Global || InPath.KnownStart;
    auto Pos = llvm::lower_bound(S.KnownBases, &Phi);
    bool Listed = Pos != S.KnownBases.end() && *Pos == &Phi;
    if (Known && !Listed)
      S.KnownBases.insert(Pos, &Phi);
    else if (!Known && Listed)
      S.KnownBases.erase(Pos);
    // A value that code after the phi still names keeps naming its objects
    // if it stays valid (an argument, one computed before the branches) or
    // names them the same on every path (a field of a parameter or global):
    // on this path the phi is bound to it. One the phi replaces (the
    // previous iteration's `Next`, a branch's own load) hands its objects
    // over.
    if ((pathIndependent(InPath) || (Target == In && outlives(In, To))) &&
        stillNamed(Target, To)) {
      Bindings.push_back({&Phi, Target});
      continue;
    }
    Bindings.push_back({&Phi, nullptr});
    Renamed.push_back(&Phi);
    // The objects it hands over are named as on this path (through the
    // values the phis it is computed from are bound to).
    NamedPath Incoming = resolvedPath(In, S);
    // What the phi points to bounds what is reached through it: a sibling
    // field of the same structure is not behind the pointer.
    const DIType *Pointee = stripTypedefs(PhiPath.Segments.front().Pointee);
    int64_t Extent = Pointee ? Pointee->getSizeInBits() / 8 : 0;
    for (const auto &[Id, T] : S.Objects) {
      std::optional<NamedPath> Rest = pathAfter(E.Objects.path(Id), Incoming);
      if (!Rest)
        continue;
      int64_t Into = Rest->Path.Offsets.front();
      if (Into < 0 || (Extent ? Into >= Extent : Into != 0))
        continue;
      Moves.push_back({Id, E.Objects.intern(rebasePath(*Rest, PhiPath))});
    }
  }
  // The phis take their values at once: bindings were resolved in the
  // state before the edge. What a newly bound phi named before is retired.
  for (const auto &[Phi, Value] : Bindings) {
    if (Value && !boundValue(S, Phi))
      retire(S, Phi);
    bindPhi(S, Phi, Value);
  }
  if (Renamed.empty())
    return;
  SmallDenseSet<ObjectId, 4> Sources;
  SmallVector<std::pair<ObjectId, ObjectTrack>, 4> Moved;
  for (const Move &M : Moves) {
    Sources.insert(M.Source);
    Moved.push_back({M.Target, *find(S, M.Source)});
  }
  for (const PHINode *Phi : Renamed)
    retire(S, Phi, Sources);
  llvm::erase_if(S.Objects, [&](const auto &P) { return Sources.count(P.first); });
  for (const auto &[Target, T] : Moved)
    joinInto(S, Target, T);
}

NamedPath FunctionAnalysis::resolvedPath(const Value *Ptr, const PathState &S) {
  const NamedPath &P = Paths.pathOf(Ptr);
  if (P.Path.Kind != PathBase::Opaque)
    return P;
  const Value *Bound = boundValue(S, P.Path.Base);
  if (!Bound)
    return P;
  std::optional<NamedPath> Rest = pathAfter(P, Paths.pathOf(P.Path.Base));
  if (!Rest)
    return P;
  return rebasePath(*Rest, Paths.pathOf(Bound));
}

bool FunctionAnalysis::stillNamed(const Value *V, const BasicBlock &BB) {
  auto [It, Inserted] = StillNamed.try_emplace({V, &BB}, false);
  if (!Inserted)
    return It->second;
  // Code that can run after BB and names V, or an object behind V through
  // another pointer (`deviceExtension = Record->DeviceExtension`).
  NamedPath Root = Paths.pathOf(V);
  SmallVector<const BasicBlock *, 16> Work{&BB};
  SmallPtrSet<const BasicBlock *, 16> Seen{&BB};
  bool Named = false;
  while (!Work.empty() && !Named) {
    const BasicBlock *B = Work.pop_back_val();
    for (const Instruction &I : *B) {
      // A phi's operand flows into the phi on its own edge, where the phi
      // takes the objects over.
      if (isa<PHINode>(I))
        continue;
      for (const Value *Op : I.operands()) {
        if (Op == V) {
          Named = true;
        } else if (Op->getType()->isPointerTy() && !isa<Constant>(Op)) {
          std::optional<NamedPath> Rest = pathAfter(Paths.pathOf(Op), Root);
          Named = Rest && Rest->Path.Offsets.front() >= 0;
        }
        if (Named)
          break;
      }
      if (Named)
        break;
    }
    for (const BasicBlock *Succ : successors(B))
      if (Seen.insert(Succ).second)
        Work.push_back(Succ);
  }
  // The map may have grown: look the slot up again.
  StillNamed[{V, &BB}] = Named;
  return Named;
}

void FunctionAnalysis::transfer(const Instruction &I, std::vector<PathState> &States) {
  // A phi bound to this instruction's previous value keeps that value,
  // which no longer has a name: the phi names its objects itself from now.
  if (!I.getType()->isVoidTy())
    for (PathState &S : States)
      llvm::erase_if(S.PhiValues, [&](const auto &B) { return B.second == &I; });
  // An instruction executed again names new objects through its result.
  if (!isa<PHINode>(I) && !I.getType()->isVoidTy() && E.Objects.isOpaqueBase(&I))
    for (PathState &S : States)
      retire(S, &I);
  const auto *CB = dyn_cast<CallBase>(&I);
  if (!CB || isa<DbgInfoIntrinsic>(CB))
    return;
  const Function *Callee = Engine::calledFunction(*CB);
  if (!Callee) {
    if (CB->isInlineAsm())
      return;
    ArrayRef<const Function *> Targets = E.Targets.targetsOf(*CB);
    if (Targets.empty()) {
      E.IndirectCallSites.insert(CB);
      return;
    }
    // Each possible target is a way the call may go.
    std::vector<PathState> Out;
    for (const Function *Target : Targets) {
      std::vector<PathState> Via = States;
      // A target without a summary is not followed, as a declaration is.
      if (auto It = E.Summaries.find(Target); It != E.Summaries.end())
        applySummary(*CB, *Target, It->second, Via);
      for (PathState &S : Via)
        Out.push_back(std::move(S));
    }
    States = std::move(Out);
    mergeSimilar(States);
    return;
  }
  if (Callee->isIntrinsic())
    return;
  if (std::optional<EventId> Ev = R.eventFor(Callee->getName())) {
    applyEvent(*CB, *Ev, States);
    return;
  }
  if (Callee->isDeclaration())
    return;
  auto It = E.Summaries.find(Callee);
  if (It == E.Summaries.end())
    return;
  applySummary(*CB, *Callee, It->second, States);
}

bool FunctionAnalysis::isPureReturn(const BasicBlock &BB) {
  auto [It, Inserted] = PureReturn.try_emplace(&BB, false);
  if (!Inserted)
    return It->second;
  if (!isa<ReturnInst>(BB.getTerminator()))
    return false;
  for (const Instruction &I : BB)
    if (!isa<PHINode>(I) && !isa<DbgInfoIntrinsic>(I) && !I.isTerminator())
      return false;
  It->second = true;
  return true;
}

FactSet FunctionAnalysis::argumentFacts(const FactSet &Facts) const {
  FactSet Out;
  for (const Fact &F : Facts)
    if (const auto *A = dyn_cast<Argument>(F.V); A && A->getParent() == &this->F)
      Out.push_back(F);
  return Out;
}

void FunctionAnalysis::exit(const PathState &S, const Instruction &Exit,
                            const Value *Returned) {
  const Instruction &Site = locatedSite(Exit, S);
  if (Entry && R.checksExitOf(Entry->role())) {
    for (const auto &[Id, T] : S.Objects) {
      for (unsigned Start = 0; Start < R.numStates(); ++Start) {
        for (unsigned Q = 0; Q < R.numStates(); ++Q) {
          if (!(T.Cur[Start] & bit(Q)))
            continue;
          std::optional<ViolationId> V = R.exitViolation(Q);
          if (!V)
            continue;
          ViolationRecord Rec;
          Rec.Violation = *V;
          Rec.Object = Id;
          Rec.EntryState = Start;
          Rec.FromEntry = !T.Fresh[Start];
          Rec.Site = &Site;
          Rec.Trace = E.Traces.append(T.Last[Start],
                                      {StepKind::Violation, &Site, nullptr, 0});
          record(Rec, Result.ExitViolations, S);
        }
      }
    }
  }
  // Callers see every object but the function's own stack objects, which
  // die here.
  ExitCase X;
  for (const auto &P : S.Objects)
    if (!E.Objects.diesWith(P.first, F))
      X.Objects.push_back(P);
  if (Returned) {
    FactSet Known;
    translateFacts(S.Facts, Returned, nullptr, Known);
    X.Returns = Known;
    bool Constant = any_of(Known, [](const Fact &F) { return F.Equal; });
    if (Returned->getType()->isPointerTy() && !Constant) {
      const NamedPath &RP = Paths.pathOf(Returned);
      if (RP.Path.Kind == PathBase::Opaque && RP.Path.Offsets.size() == 1 &&
          RP.Path.Offsets[0] == 0)
        X.ReturnedBase = RP.Path.Base;
    }
  }
  X.Pre = argumentFacts(S.Facts);
  for (ExitCase &Old : Result.Exits) {
    if (sameDecisive(Old.Objects, X.Objects) && sameFacts(Old.Returns, X.Returns) &&
        Old.ReturnedBase == X.ReturnedBase) {
      joinObjects(Old.Objects, X.Objects);
      intersectFacts(Old.Pre, X.Pre);
      return;
    }
  }
  Result.Exits.push_back(std::move(X));
}

void FunctionAnalysis::enqueue(const BasicBlock &To, PathState S,
                               const BasicBlock *From) {
  // Values defined in the block are defined anew on entry: facts about their
  // previous values (from an earlier loop iteration) no longer hold. A phi
  // takes what is known of its incoming value on this edge (`Status` set to
  // an error constant on the path that released the lock early).
  FactSet PhiFacts;
  if (From) {
    for (const PHINode &Phi : To.phis())
      translateFacts(S.Facts, Phi.getIncomingValueForBlock(From), &Phi, PhiFacts);
    renamePointerPhis(S, To, *From);
  }
  killFactsDefinedIn(S.Facts, To);
  for (const Fact &F : PhiFacts)
    if (!addFact(S.Facts, F))
      return; // Cannot happen for a consistent path; drop it if it does.
  BlockStates &B = In[&To];
  auto MarkPending = [&](unsigned I) {
    if (!is_contained(B.Pending, I))
      B.Pending.push_back(I);
    Work.push({-static_cast<int>(Order.lookup(&To)), &To});
  };
  for (unsigned I = 0; I < B.Seen.size(); ++I) {
    PathState &Old = B.Seen[I];
    if (Old.ExitVia != S.ExitVia || !sameDecisive(Old.Objects, S.Objects))
      continue;
    bool Changed = joinObjects(Old.Objects, S.Objects);
    Changed |= intersectFacts(Old.Facts, S.Facts);
    Changed |= intersectPathBindings(Old, S);
    if (Changed)
      MarkPending(I);
    return;
  }
  if (B.Seen.size() < E.Options.MaxStatesPerBlock) {
    B.Seen.push_back(std::move(S));
    MarkPending(B.Seen.size() - 1);
    return;
  }
  // Too many distinct states: join this one into the first, which keeps
  // every state it had and gains this one's.
  ++E.Stats.Joins;
  PathState &Into = B.Seen.front();
  bool Changed = intersectFacts(Into.Facts, S.Facts);
  Changed |= joinObjects(Into.Objects, S.Objects);
  Changed |= intersectPathBindings(Into, S);
  if (Changed)
    MarkPending(0);
  if (E.Stats.Joins == 1 || Changed)
    spdlog::debug("{}: more than {} distinct states in a block; joined",
                  sourceName(F), E.Options.MaxStatesPerBlock);
}

void FunctionAnalysis::propagate(const BasicBlock &From, const PathState &S) {
  const Instruction *Term = From.getTerminator();
  auto Edge = [&](const BasicBlock *To, PathState Next) {
    // A block that only returns is left on this very edge: the value it
    // returns is the phi's value for this edge, and a `return` statement's
    // branch is where the routine leaves.
    if (isPureReturn(*To)) {
      const auto *Ret = cast<ReturnInst>(To->getTerminator());
      const Value *RV = Ret->getReturnValue();
      if (const auto *Phi = dyn_cast_or_null<PHINode>(RV);
          Phi && Phi->getParent() == To)
        RV = Phi->getIncomingValueForBlock(&From);
      bool ReturnStatement = Term->getMetadata(ReturnStatementMD) && Term->getDebugLoc();
      exit(Next, ReturnStatement ? *Term : *Ret, RV);
      return;
    }
    Next.ExitVia = Term->getMetadata(ReturnStatementMD) && Term->getDebugLoc() &&
                           isa<ReturnInst>(To->getTerminator())
                       ? Term
                       : nullptr;
    enqueue(*To, std::move(Next), &From);
  };

  if (const auto *Br = dyn_cast<BranchInst>(Term)) {
    if (Br->isUnconditional()) {
      Edge(Br->getSuccessor(0), S);
      return;
    }
    const Value *Cond = Br->getCondition();
    std::optional<bool> Known = evaluate(Cond, S.Facts);
    for (unsigned Succ = 0; Succ < 2; ++Succ) {
      bool Taken = Succ == 0;
      if (Known && *Known != Taken)
        continue;
      PathState Next = S;
      if (!assumeCondition(Next.Facts, Cond, Taken))
        continue;
      Edge(Br->getSuccessor(Succ), std::move(Next));
    }
    return;
  }
  if (const auto *Sw = dyn_cast<SwitchInst>(Term)) {
    const Value *Cond = Sw->getCondition();
    for (auto Case : Sw->cases()) {
      PathState Next = S;
      if (!addFact(Next.Facts, {Cond, Case.getCaseValue()->getSExtValue(), true}))
        continue;
      Edge(Case.getCaseSuccessor(), std::move(Next));
    }
    PathState Default = S;
    bool Feasible = true;
    if (Sw->getNumCases() <= MaxSwitchFacts)
      for (auto Case : Sw->cases())
        Feasible = Feasible &&
                   addFact(Default.Facts,
                           {Cond, Case.getCaseValue()->getSExtValue(), false});
    if (Feasible)
      Edge(Sw->getDefaultDest(), std::move(Default));
    return;
  }
  if (const auto *Ret = dyn_cast<ReturnInst>(Term)) {
    exit(S, S.ExitVia ? *S.ExitVia : *Term, Ret->getReturnValue());
    return;
  }
  // invoke, indirectbr, callbr, EH pads: every successor, no facts. Paths
  // that unwind out of the function or reach `unreachable` end here.
  for (const BasicBlock *Succ : successors(&From))
    Edge(Succ, S);
}

Summary FunctionAnalysis::run() {
  const BasicBlock &EntryBlock = F.getEntryBlock();
  enqueue(EntryBlock, PathState());
  while (!Work.empty() && !E.overBudget()) {
    const BasicBlock *BB = Work.top().second;
    Work.pop();
    BlockStates &B = In[BB];
    if (B.Pending.empty())
      continue;
    std::vector<PathState> States;
    for (unsigned I : B.Pending)
      States.push_back(B.Seen[I]);
    B.Pending.clear();
    E.Stats.StatesProcessed += States.size();
    for (const Instruction &I : *BB) {
      if (States.empty())
        break;
      transfer(I, States);
    }
    const Instruction *Located = lastLocatedIn(*BB);
    for (PathState &S : States) {
      if (Located)
        S.LastLocated = Located;
      propagate(*BB, S);
    }
  }
  return std::move(Result);
}

//===----------------------------------------------------------------------===//
// Engine
//===----------------------------------------------------------------------===//

/// Tarjan's algorithm over the direct calls between defined functions
/// reachable from the entry routines. Components come out callees first;
/// roots and callees are visited in a fixed order, so the result does not
/// depend on pointer values.
std::vector<std::vector<const Function *>> Engine::componentsBottomUp() {
  std::vector<std::vector<const Function *>> Components;
  DenseMap<const Function *, unsigned> IndexOf, LowLink;
  DenseSet<const Function *> OnStack;
  std::vector<const Function *> Stack;
  unsigned NextIndex = 0;

  auto Callees = [this](const Function *F) {
    std::vector<const Function *> Out;
    auto Add = [&](const Function *G) {
      if (G == F)
        CallsItself.insert(F);
      if (!G->isDeclaration() && !is_contained(Out, G))
        Out.push_back(G);
    };
    for (const Instruction &I : instructions(*F)) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || isa<IntrinsicInst>(CB) || CB->isInlineAsm())
        continue;
      if (const Function *G = calledFunction(*CB))
        Add(G);
      else
        for (const Function *G : Targets.targetsOf(*CB))
          Add(G);
    }
    return Out;
  };

  struct Frame {
    const Function *F;
    std::vector<const Function *> Callees;
    unsigned Next = 0;
  };
  for (const EntryRoutine &Root : Entries) {
    if (IndexOf.count(Root.F))
      continue;
    std::vector<Frame> Frames;
    auto Push = [&](const Function *F) {
      IndexOf[F] = LowLink[F] = NextIndex++;
      Stack.push_back(F);
      OnStack.insert(F);
      Frames.push_back({F, Callees(F)});
    };
    Push(Root.F);
    while (!Frames.empty()) {
      Frame &Top = Frames.back();
      if (Top.Next < Top.Callees.size()) {
        const Function *G = Top.Callees[Top.Next++];
        if (!IndexOf.count(G))
          Push(G);
        else if (OnStack.count(G))
          LowLink[Top.F] = std::min(LowLink[Top.F], IndexOf[G]);
        continue;
      }
      const Function *F = Top.F;
      Frames.pop_back();
      if (!Frames.empty())
        LowLink[Frames.back().F] = std::min(LowLink[Frames.back().F], LowLink[F]);
      if (LowLink[F] != IndexOf[F])
        continue;
      std::vector<const Function *> Component;
      const Function *G;
      do {
        G = Stack.back();
        Stack.pop_back();
        OnStack.erase(G);
        Component.push_back(G);
      } while (G != F);
      std::reverse(Component.begin(), Component.end());
      Components.push_back(std::move(Component));
    }
  }
  return Components;
}

void Engine::analyseComponent(const std::vector<const Function *> &Component) {
  bool Recursive = Component.size() > 1 || CallsItself.count(Component.front());

  // Members start as "never returns"; each round can only add behaviour.
  for (const Function *F : Component)
    Summaries[F] = Summary();
  CurrentComponent.clear();
  CurrentComponent.insert(Component.begin(), Component.end());
  NamedDerefs = 0;
  for (unsigned Round = 0;; ++Round) {
    // The depth bound of recursive calls must hold for a whole round.
    unsigned DerefsBefore = NamedDerefs;
    bool Changed = false;
    for (const Function *F : Component) {
      if (Stopped != Outcome::Complete)
        return;
      FunctionAnalysis FA(*this, *F, EntryOf.lookup(F));
      Summary S = FA.run();
      ++Stats.FunctionsAnalysed;
      Changed |= !sameSummary(S, Summaries[F]);
      Summaries[F] = std::move(S);
    }
    Changed |= NamedDerefs != DerefsBefore;
    ++Stats.SccIterations;
    if (!Recursive || !Changed) {
      if (spdlog::should_log(spdlog::level::debug))
        for (const Function *F : Component)
          spdlog::debug("{}", describe(*F, Summaries[F]));
      return;
    }
    if (Round + 1 >= Options.MaxSccRounds) {
      ++Stats.UnconvergedSccs;
      spdlog::warn("recursion through '{}' did not reach a fixpoint in {} rounds",
                   sourceName(*Component.front()), Options.MaxSccRounds);
      return;
    }
  }
}

/// One line per exit case and violation, for -vv: how the function moves
/// each object its callers can name (entry state -> states at return).
std::string Engine::describe(const Function &F, const Summary &S) const {
  std::string Out = "summary of '" + sourceName(F) + "': " +
                    std::to_string(S.Exits.size()) + " exit case(s)";
  auto States = [&](StateSet Set) {
    std::string Names;
    for (unsigned Q = 0; Q < R.numStates(); ++Q)
      if (Set & bit(Q))
        Names += (Names.empty() ? "" : "|") + R.stateName(Q).str();
    return Names.empty() ? std::string("untracked") : Names;
  };
  for (unsigned I = 0; I < S.Exits.size(); ++I) {
    Out += "\n  exit " + std::to_string(I + 1) + ":";
    if (S.Exits[I].Objects.empty())
      Out += " no object moved";
    for (const auto &[Id, T] : S.Exits[I].Objects) {
      Out += " '" + Objects.path(Id).render(R.objectType()) + "' {";
      for (unsigned Start = 0; Start < R.numStates(); ++Start)
        Out += (Start ? ", " : "") + R.stateName(Start).str() + "->" +
               States(T.Cur[Start]);
      Out += "}";
    }
  }
  for (const ViolationRecord &V : S.Violations) {
    SourceLoc L = locationOf(*V.Site);
    Out += "\n  " + R.violation(V.Violation).Id + " on '" +
           Objects.path(V.Object).render(R.objectType()) + "' at " + L.str() +
           (V.Unconditional ? std::string(", always")
                            : ", if it is " + R.stateName(V.EntryState).str() +
                                  " on entry");
  }
  return Out;
}

void Engine::collectDefects(RuleResult &Result) {
  // One defect per (violation, site); the shortest trace wins, then the
  // first entry routine by name.
  // Keyed by source position, not instruction: a helper inlined into
  // several callers is one line of source.
  std::map<std::tuple<std::string, unsigned, unsigned, ViolationId>, unsigned> Seen;
  for (const EntryRoutine &Root : Entries) {
    const Summary &S = Summaries[Root.F];
    auto Consider = [&](const ViolationRecord &V) {
      if (!V.Unconditional && V.EntryState != R.initialState())
        return;
      Defect D;
      D.Violation = V.Violation;
      D.Entry = &Root;
      D.Object = Objects.path(V.Object).render(R.objectType());
      D.Site = V.Site;
      if (const CallBase *CB = V.Call)
        if (const Function *Callee = calledFunction(*CB))
          D.Function = normalizeSymbol(Callee->getName()).str();
      D.Trace.push_back({StepKind::Entry, nullptr, Root.F, 0});
      Traces.materialize(V.Trace, D.Trace);
      SourceLoc Where = locationOf(*V.Site);
      if (!Where.known())
        Where.File = std::to_string(reinterpret_cast<uintptr_t>(V.Site));
      auto [It, Inserted] = Seen.try_emplace(
          {Where.File, Where.Line, Where.Column, V.Violation}, Result.Defects.size());
      if (Inserted) {
        Result.Defects.push_back(std::move(D));
        return;
      }
      Defect &Old = Result.Defects[It->second];
      if (D.Trace.size() < Old.Trace.size())
        Old = std::move(D);
    };
    for (const ViolationRecord &V : S.Violations)
      Consider(V);
    for (const ViolationRecord &V : S.ExitViolations)
      Consider(V);
  }
  llvm::stable_sort(Result.Defects, [&](const Defect &A, const Defect &B) {
    SourceLoc LA = locationOf(*A.Site), LB = locationOf(*B.Site);
    if (!(LA == LB))
      return LA < LB;
    return A.Violation < B.Violation;
  });
}

/// The process's resident memory, as the kernel counts it; 0 if unknown.
uint64_t residentBytes() {
  std::ifstream Statm("/proc/self/statm");
  uint64_t Size = 0, Resident = 0;
  if (!(Statm >> Size >> Resident))
    return 0;
  return Resident * static_cast<uint64_t>(sys::Process::getPageSizeEstimate());
}

bool Engine::overBudget() {
  if (Stopped != Outcome::Complete)
    return true;
  if (Options.MaxPathStates && Stats.StatesProcessed > Options.MaxPathStates) {
    Stopped = Outcome::Spaceout;
    StopReason = "more than " + std::to_string(Options.MaxPathStates) +
                 " path states";
  } else if (++BudgetTicks % 256 == 0) {
    if (Options.Deadline && std::chrono::steady_clock::now() > *Options.Deadline) {
      Stopped = Outcome::Timeout;
      StopReason = "the time limit was reached";
    } else if (Options.MaxMemoryBytes && residentBytes() > Options.MaxMemoryBytes) {
      Stopped = Outcome::Spaceout;
      StopReason = "more than " + std::to_string(Options.MaxMemoryBytes >> 20) +
                   " MiB of memory in use";
    }
  }
  if (Stopped == Outcome::Complete)
    return false;
  spdlog::info("{}: analysis stopped: {}", R.id(), StopReason);
  return true;
}

RuleResult Engine::run() {
  RuleResult Result;
  for (const EntryRoutine &Root : Entries)
    EntryOf[Root.F] = &Root;
  std::vector<std::vector<const Function *>> Components = componentsBottomUp();
  spdlog::debug("{}: {} functions in {} call-graph components reachable from {} "
                "entry routines",
                R.id(),
                std::accumulate(Components.begin(), Components.end(), size_t(0),
                                [](size_t N, const auto &C) { return N + C.size(); }),
                Components.size(), Entries.size());
  for (const std::vector<const Function *> &Component : Components) {
    if (overBudget())
      break;
    analyseComponent(Component);
  }
  Result.Result = Stopped;
  Result.BudgetReason = StopReason;
  if (Stopped == Outcome::Complete)
    collectDefects(Result);
  // Applicability is a property of the driver, reachable or not.
  Result.MonitoredCallsFound = any_of(M, [&](const Function &F) {
    return F.isDeclaration() && !F.use_empty() && R.eventFor(F.getName());
  });
  Result.EntriesAnalysed = Entries.size();
  Stats.Objects = Objects.size();
  Stats.IndirectCalls = IndirectCallSites.size();
  Result.Stats = Stats;
  return Result;
}

} // namespace

RuleResult checkRule(const Module &M, const Rule &R,
                     const std::vector<EntryRoutine> &Entries,
                     const EngineOptions &Options) {
  Engine E(M, R, Entries, Options);
  return E.run();
}

} // namespace sdv
