//===- FunctionAnalysis.cpp - One function into its summary ---------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "FunctionAnalysis.h"

#include "EngineImpl.h"
#include "Facts.h"

#include "sdv/IR/AccessPath.h"
#include "sdv/IR/Loader.h"
#include "sdv/IR/SourceLocation.h"
#include "sdv/IR/Symbols.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

#include <spdlog/spdlog.h>

#include <map>
#include <vector>

using namespace llvm;

namespace sdv {


FunctionAnalysis::FunctionAnalysis(Engine &E, const Function &F,
                                   const EntryRoutine *Entry)
    : E(E), F(F), Entry(Entry), Paths(F, E.M.getDataLayout()),
      Dominators(const_cast<Function &>(F)) {
  unsigned I = 0;
  for (const BasicBlock *BB : ReversePostOrderTraversal<const Function *>(&F))
    Order[BB] = I++;
  findRepresentatives();
}

void FunctionAnalysis::findRepresentatives() {
  // Values that are the same in the whole activation: arguments, constants,
  // reads of memory nothing in the function writes (SameValueMD), and pure
  // operations on such values. Of those, equal ones (reads of one address,
  // one operation on equal operands) share their first occurrence: facts
  // about one hold for the other, whichever branch each is on. A pure
  // operation on values that change (a count read afresh at each turn of a
  // loop) is one value with its equals too, until one of those values is
  // defined again (KilledAt): `Ext->NumQueues > 1` tested before the
  // acquire and again before the release, on branches neither of which
  // dominates the other, is one test in each turn.
  unsigned SameKind = F.getContext().getMDKindID(SameValueMD);
  DenseSet<const Value *> Invariant;
  auto IsInvariant = [&](const Value *V) {
    return isa<Argument>(V) || isa<Constant>(V) || Invariant.count(V);
  };
  // For each representative of changing values, the values (not
  // representatives of pure operations) it is computed from.
  DenseMap<const Value *, SmallVector<const Instruction *, 2>> Bases;
  std::map<unsigned, const Value *> FirstRead;
  // An operation's key: opcode, type, predicate and up to three operands'
  // representatives (pure operations have no more).
  using OperationKey = std::tuple<unsigned, Type *, unsigned, const Value *, const Value *,
                                  const Value *>;
  DenseMap<OperationKey, const Value *> FirstOperation;
  for (const BasicBlock *BB : ReversePostOrderTraversal<const Function *>(&F)) {
    for (const Instruction &Inst : *BB) {
      if (const MDNode *Same = Inst.getMetadata(SameKind)) {
        unsigned N = mdconst::extract<ConstantInt>(Same->getOperand(0))->getZExtValue();
        Invariant.insert(&Inst);
        auto [It, Inserted] = FirstRead.try_emplace(N, &Inst);
        if (!Inserted) {
          Reps[&Inst] = It->second;
          Echoed.insert(It->second);
          Members[It->second].push_back(&Inst);
        }
        continue;
      }
      bool Pure = isa<BinaryOperator>(Inst) || isa<CastInst>(Inst) || isa<CmpInst>(Inst) ||
                  isa<SelectInst>(Inst);
      if (!Pure)
        continue;
      bool AllInvariant =
          all_of(Inst.operands(), [&](const Use &U) { return IsInvariant(U.get()); });
      if (AllInvariant)
        Invariant.insert(&Inst);
      const Value *Ops[3] = {nullptr, nullptr, nullptr};
      for (unsigned I = 0; I < Inst.getNumOperands() && I < 3; ++I)
        Ops[I] = repOf(&Reps, Inst.getOperand(I));
      const auto *Cmp = dyn_cast<CmpInst>(&Inst);
      OperationKey Key{Inst.getOpcode(), Inst.getType(),
                       Cmp ? unsigned(Cmp->getPredicate()) : 0u, Ops[0], Ops[1], Ops[2]};
      auto [It, Inserted] = FirstOperation.try_emplace(Key, &Inst);
      if (!Inserted) {
        Reps[&Inst] = It->second;
        Echoed.insert(It->second);
        Members[It->second].push_back(&Inst);
        continue;
      }
      if (AllInvariant)
        continue;
      SmallVector<const Instruction *, 2> &Mine = Bases[&Inst];
      for (const Use &U : Inst.operands()) {
        const Value *Op = repOf(&Reps, U.get());
        if (IsInvariant(Op))
          continue;
        if (auto B = Bases.find(Op); B != Bases.end()) {
          for (const Instruction *I : B->second)
            if (!is_contained(Mine, I))
              Mine.push_back(I);
        } else if (const auto *I = dyn_cast<Instruction>(Op); I && !is_contained(Mine, I)) {
          Mine.push_back(I);
        }
      }
      for (const Instruction *I : Mine)
        KilledAt[I->getParent()].push_back(&Inst);
    }
  }
}

ObjectTrack FunctionAnalysis::defaultTrack(ObjectId Id) const {
  const Rule &R = E.ruleOf(Id);
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
  if (!V.Unconditional) {
    for (const auto &[Id, T] : S.Objects)
      if (Id != V.Object && E.Objects.kind(Id) == ObjectKind::ViaHandle &&
          T.hasHistory() &&
          none_of(V.Prior, [&](const auto &P) { return P.first == Id; }))
        V.Prior.push_back({Id, T});
    llvm::sort(V.Prior, [](const auto &A, const auto &B) { return A.first < B.first; });
  }
  addViolation(List, V, E.Traces);
}

ObjectTrack FunctionAnalysis::compose(const ObjectTrack &T, const ObjectTrack &U,
                                      unsigned NumStates, TraceRef Enter, TraceRef Leave) {
  ObjectTrack Composed;
  Composed.Cur = T.Cur;
  Composed.TouchedFrom = T.TouchedFrom;
  for (unsigned Start = 0; Start < NumStates; ++Start) {
    StateSet Via = T.Cur[Start];
    StateSet Result = 0;
    for (unsigned Mid = 0; Mid < NumStates; ++Mid) {
      if (!(Via & bit(Mid)))
        continue;
      Result |= U.Cur[Mid];
      if (U.TouchedFrom & bit(Mid))
        Composed.TouchedFrom |= bit(Start);
      // Each state the callee leaves the object in is explained by this
      // path to Mid, then the callee's path from Mid to it.
      for (unsigned End = 0; End < NumStates; ++End) {
        if (!(U.Cur[Mid] & bit(End)) || Composed.history(Start, End))
          continue;
        const ObjectTrack::History *Inner = U.history(Mid, End);
        if (!Inner) {
          Composed.setHistory(Start, End, T.last(Start, Mid), T.fresh(Start, Mid));
          continue;
        }
        TraceRef Steps = E.Traces.concat(E.Traces.concat(Enter, Inner->Steps), Leave);
        if (Inner->Fresh)
          Composed.setHistory(Start, End, Steps, true);
        else
          Composed.setHistory(Start, End, E.Traces.concat(T.last(Start, Mid), Steps),
                              T.fresh(Start, Mid));
      }
    }
    Composed.Cur[Start] = Result;
  }
  return Composed;
}

void FunctionAnalysis::moveObject(PathState &S, ObjectId Id, EventId Ev,
                                  const CallBase &CB) {
  const Rule &R = E.ruleOf(Id);
  ObjectTrack &T = track(S, Id);
  const Instruction &Where = locatedSite(CB, S);
  const TraceStep Step{StepKind::Event, &Where, nullptr, Ev};
  ObjectTrack Moved;
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
        V.FromEntry = !T.fresh(Start, Q);
        V.Site = &Where;
        V.Call = &CB;
        V.Trace = E.Traces.append(T.last(Start, Q),
                                  {StepKind::Violation, &Where, nullptr, Ev});
        V.Pre = argumentFacts(S.Facts);
        record(V, Result.Violations, S);
        continue;
      }
      Next |= bit(*Tr.Next);
      if (Moved.history(Start, *Tr.Next))
        continue;
      // Leaving the initial state starts a new history; any other move
      // extends the one to the state it leaves (a release after an acquire
      // explains a later release).
      if (Q == R.initialState())
        Moved.setHistory(Start, *Tr.Next, E.Traces.append(0, Step), true);
      else
        Moved.setHistory(Start, *Tr.Next, E.Traces.append(T.last(Start, Q), Step),
                         T.fresh(Start, Q));
    }
    T.Cur[Start] = Next;
    T.TouchedFrom |= bit(Start);
  }
  T.Hist = std::move(Moved.Hist);
}

NamedPath FunctionAnalysis::pathOn(const Value *V, const PathState &S) {
  return S.PhiValues.empty() ? Paths.pathOf(V) : resolvedPath(V, S);
}

bool FunctionAnalysis::pathIndependentEvent(const CallBase &CB, const EventCall &Ev,
                                            const PathState &S) const {
  const Rule &R = *E.Rules[Ev.Rule];
  const RuleEvent &Event = R.event(Ev.Event);
  if (!S.PhiValues.empty() || (Event.HandleArg && !S.Handles.empty()))
    return false;
  if (R.naming() != ObjectNaming::Key || Event.HandleArg)
    return true;
  unsigned Arg = Event.ObjectArg + Ev.ArgOffset;
  return Arg < CB.arg_size() && isa<ConstantInt>(CB.getArgOperand(Arg));
}

std::optional<ObjectId> FunctionAnalysis::eventObject(const CallBase &CB,
                                                      const EventCall &Ev,
                                                      const PathState &S) {
  const Rule &R = *E.Rules[Ev.Rule];
  const RuleEvent &Event = R.event(Ev.Event);
  auto Arg = [&](unsigned I) -> const Value * {
    I += Ev.ArgOffset;
    return I < CB.arg_size() ? CB.getArgOperand(I) : nullptr;
  };
  auto Named = [&](ObjectId Id) {
    E.noteNamed(Id);
    return Id;
  };
  if (Event.HandleArg) {
    // The object the handle was bound to on this path, or, if it was bound
    // before this function, whatever the caller bound it to.
    const Value *Handle = Arg(*Event.HandleArg);
    if (!Handle)
      return std::nullopt;
    NamedPath HandlePath = pathOn(Handle, S);
    ObjectId Bound = boundObject(S.Handles, E.Objects.intern(Ev.Rule, HandlePath));
    if (Bound != NoObject)
      return Bound;
    return Named(E.Objects.internViaHandle(Ev.Rule, HandlePath));
  }
  switch (R.naming()) {
  case ObjectNaming::Single:
    return E.Objects.internSingle(Ev.Rule);
  case ObjectNaming::Pointer: {
    const Value *Ptr = Arg(Event.ObjectArg);
    if (!Ptr)
      return std::nullopt;
    return Named(E.Objects.intern(Ev.Rule, pathOn(Ptr, S)));
  }
  case ObjectNaming::Key: {
    const Value *KeyArg = Arg(Event.ObjectArg);
    if (!KeyArg)
      return std::nullopt;
    std::optional<int64_t> Constant = knownValue(KeyArg, S.Facts, &Reps);
    if (!Constant) {
      // A helper taking the lock kind: its callers say which.
      if (const auto *A = dyn_cast<Argument>(KeyArg); A && A->getParent() == &F)
        return E.Objects.internKeyOfParam(
            Ev.Rule, Rule::spacedKey(Event.KeySpace, A->getArgNo()), Paths.pathOf(A).BaseName);
      // A number read from memory (`MessageId = Port->MessageNumber`): the
      // object is named by where the number was read.
      const Value *Number = repOf(&Reps, KeyArg);
      while (const auto *Cast = dyn_cast<CastInst>(Number))
        Number = Cast->getOperand(0);
      if (const auto *Read = dyn_cast<LoadInst>(Number)) {
        NamedPath Where = Paths.pathOf(Read->getPointerOperand());
        if (Where.Path.Kind != PathBase::Opaque || Where.Path.derefs() > 0)
          return Named(E.Objects.internKey(
              Ev.Rule, Rule::spacedKey(Event.KeySpace, Rule::ValueKey), &Where));
      }
      return std::nullopt;
    }
    std::optional<int64_t> Key = Rule::spacedKey(Event.KeySpace, *Constant);
    std::optional<unsigned> Index = Event.KeySpace ? std::nullopt : R.keyIndex(*Key);
    if (Index && R.keys()[*Index].Qualified && Event.QualifierArg) {
      const Value *Qualifier = Arg(*Event.QualifierArg);
      if (!Qualifier)
        return std::nullopt;
      NamedPath QualifierPath = pathOn(Qualifier, S);
      return Named(E.Objects.internKey(Ev.Rule, *Key, &QualifierPath));
    }
    return E.Objects.internKey(Ev.Rule, *Key);
  }
  }
  return std::nullopt;
}

void FunctionAnalysis::checkOrder(PathState &S, ObjectId Acquired, const EventCall &Ev,
                                  const CallBase &CB) {
  const Rule &R = *E.Rules[Ev.Rule];
  auto LevelOf = [&](ObjectId Id) -> std::optional<unsigned> {
    if (E.Objects.rule(Id) != Ev.Rule || E.Objects.kind(Id) != ObjectKind::Key)
      return std::nullopt;
    std::optional<unsigned> K = R.keyIndex(E.Objects.name(Id).Key);
    return K ? R.keys()[*K].Level : std::nullopt;
  };
  std::optional<unsigned> Level = LevelOf(Acquired);
  if (!R.orderViolation() || !Level)
    return;
  // The objects of a higher level: every unqualified key, and the qualified
  // ones this path has touched.
  SmallVector<ObjectId, 4> Higher;
  for (const ObjectKey &K : R.keys())
    if (K.Level && *K.Level > *Level && !K.Qualified)
      Higher.push_back(E.Objects.internKey(Ev.Rule, K.Value));
  for (const auto &[Id, T] : S.Objects)
    if (std::optional<unsigned> L = LevelOf(Id); L && *L > *Level && !is_contained(Higher, Id))
      Higher.push_back(Id);
  const Instruction &Where = locatedSite(CB, S);
  for (ObjectId H : Higher) {
    const ObjectTrack *Found = find(S, H);
    ObjectTrack T = Found ? *Found : defaultTrack(H);
    for (unsigned Start = 0; Start < R.numStates(); ++Start) {
      StateSet Holding = T.Cur[Start] & R.holdingStates();
      if (!Holding)
        continue;
      unsigned Q = llvm::countTrailingZeros(unsigned(Holding));
      ViolationRecord V;
      V.Violation = *R.orderViolation();
      V.Object = H;
      V.Acquired = Acquired;
      V.EntryState = Start;
      V.FromEntry = !T.fresh(Start, Q);
      V.Site = &Where;
      V.Call = &CB;
      V.Trace = E.Traces.append(T.last(Start, Q), {StepKind::Violation, &Where, nullptr, Ev.Event});
      V.Pre = argumentFacts(S.Facts);
      record(V, Result.Violations, S);
    }
  }
}

void FunctionAnalysis::applyEvent(const CallBase &CB, const EventCall &Ev,
                                  std::vector<PathState> &States) {
  const RuleEvent &Event = E.Rules[Ev.Rule]->event(Ev.Event);
  // Most calls name their object the same way on every path: look it up
  // once.
  std::optional<std::optional<ObjectId>> Common;
  auto ObjectOn = [&](const PathState &S) -> std::optional<ObjectId> {
    if (!pathIndependentEvent(CB, Ev, S))
      return eventObject(CB, Ev, S);
    if (!Common)
      Common = eventObject(CB, Ev, S);
    return *Common;
  };
  auto Move = [&](PathState &S, ObjectId Id) {
    if (Event.Ordered)
      checkOrder(S, Id, Ev, CB);
    moveObject(S, Id, Ev.Event, CB);
    if (Event.BindsHandleArg && *Event.BindsHandleArg + Ev.ArgOffset < CB.arg_size()) {
      const Value *Handle = CB.getArgOperand(*Event.BindsHandleArg + Ev.ArgOffset);
      bindHandle(S.Handles, E.Objects.intern(Ev.Rule, pathOn(Handle, S)), Id);
    }
  };
  bool OnZero = Event.Outcome == EventOutcome::OnZeroResult;
  if (Event.Outcome == EventOutcome::Always) {
    for (PathState &S : States)
      if (std::optional<ObjectId> Id = ObjectOn(S))
        Move(S, *Id);
    return;
  }
  if (Event.AlwaysIfNullArg && *Event.AlwaysIfNullArg + Ev.ArgOffset < CB.arg_size() &&
      isa<ConstantPointerNull>(CB.getArgOperand(*Event.AlwaysIfNullArg + Ev.ArgOffset))) {
    // Always the success: the result says so (`if (!NT_SUCCESS(Status))`
    // after a wait without a timeout is never taken).
    std::vector<PathState> Out;
    for (PathState &S : States) {
      if (!addFact(S.Facts, {&CB, 0, /*Equal=*/OnZero}))
        continue;
      if (std::optional<ObjectId> Id = ObjectOn(S))
        Move(S, *Id);
      Out.push_back(std::move(S));
    }
    States = std::move(Out);
    return;
  }
  // The event happens only if the call returns non-zero (or zero): split
  // each path on the result, and let the branch that tests it pick its side.
  std::vector<PathState> Out;
  for (PathState &S : States) {
    std::optional<ObjectId> Id = ObjectOn(S);
    PathState Taken = S;
    if (addFact(Taken.Facts, {&CB, 0, /*Equal=*/OnZero})) {
      if (Id)
        Move(Taken, *Id);
      Out.push_back(std::move(Taken));
    }
    if (addFact(S.Facts, {&CB, 0, /*Equal=*/!OnZero}))
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
    std::optional<ObjectId> Translated = E.Objects.translate(
        Id, Callee, CB,
        [&](const Value *Actual) -> const NamedPath & {
          if (!On || On->PhiValues.empty())
            return Paths.pathOf(Actual);
          Resolved = resolvedPath(Actual, *On);
          return Resolved;
        },
        ReturnedBase, /*PathDependent=*/On && !On->PhiValues.empty());
    if (!Translated)
      return std::nullopt;
    ObjectId Out = *Translated;
    // What the callee released through a handle its caller bound is what
    // this path bound the handle to.
    if (E.Objects.kind(Out) == ObjectKind::ViaHandle && On) {
      ObjectId Handle = E.Objects.intern(E.Objects.rule(Out), E.Objects.path(Out));
      if (ObjectId Bound = boundObject(On->Handles, Handle); Bound != NoObject)
        return Bound;
    }
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
      if (!assumeAtCall(Facts, CV.Pre, CB, &Reps))
        continue;
      std::optional<ObjectId> Translated = Translate(CV.Object);
      if (!Translated)
        continue;
      ObjectId Id = *Translated;
      ViolationRecord V = CV;
      V.Object = Id;
      V.Prior.clear();
      if (CV.Acquired != NoObject)
        V.Acquired = Translate(CV.Acquired).value_or(CV.Acquired);
      V.Pre = argumentFacts(Facts);
      if (CV.Unconditional) {
        V.Trace = E.Traces.concat(CallStep, CV.Trace);
        record(V, Result.Violations, S);
        continue;
      }
      unsigned NumStates = E.ruleOf(Id).numStates();
      auto TrackOn = [&](ObjectId O) { return find(S, O) ? *find(S, O) : defaultTrack(O); };
      ObjectTrack T = TrackOn(Id);
      // The moves the callee made before the violation through a handle
      // this path bound to the object come first; those through a handle
      // still unbound here carry on to this function's callers.
      ObjectTrack Before = T;
      for (const auto &[CalleePrior, PriorTrack] : CV.Prior) {
        std::optional<ObjectId> P = Translate(CalleePrior);
        if (P == Id)
          Before = compose(Before, PriorTrack, NumStates, CallStep, 0);
        else if (P && E.Objects.kind(*P) == ObjectKind::ViaHandle)
          V.Prior.push_back({*P, compose(TrackOn(*P), PriorTrack, NumStates, CallStep, 0)});
      }
      for (unsigned Start = 0; Start < NumStates; ++Start) {
        if (!(Before.Cur[Start] & bit(CV.EntryState)))
          continue;
        V.EntryState = Start;
        // The history of this path to the state the callee starts in.
        unsigned Mid = CV.EntryState;
        V.FromEntry = CV.FromEntry && !Before.fresh(Start, Mid);
        if (Before.last(Start, Mid) != T.last(Start, Mid)) {
          // The history runs into the callee: its steps there come first.
          V.Trace = E.Traces.concat(CV.FromEntry ? Before.last(Start, Mid) : CallStep, CV.Trace);
        } else {
          TraceRef Prefix = CV.FromEntry ? T.last(Start, Mid) : 0;
          V.Trace = E.Traces.concat(E.Traces.concat(Prefix, CallStep), CV.Trace);
        }
        record(V, Result.Violations, S);
      }
    }
    for (const ExitCase &X : Sum.Exits) {
      PathState Next = S;
      if (!assumeAtCall(Next.Facts, X.Pre, CB, &Reps))
        continue;
      if (!all_of(X.Returns, [&](const Fact &F) {
            return addFact(Next.Facts, {&CB, F.C, F.Equal});
          }))
        continue;
      // Moves through a handle the callee did not bind come first: where
      // this path bound it to an object the callee also names, the callee
      // used the handle before binding it again (see ViolationRecord::Prior).
      for (bool ViaHandle : {true, false}) {
        for (const auto &[CalleeId, U] : X.Objects) {
          if ((E.Objects.kind(CalleeId) == ObjectKind::ViaHandle) != ViaHandle)
            continue;
          std::optional<ObjectId> Translated = Translate(CalleeId, X.ReturnedBase);
          if (!Translated)
            continue;
          ObjectTrack &T = track(Next, *Translated);
          T = compose(T, U, E.ruleOf(*Translated).numStates(), CallStep, ReturnStep);
        }
      }
      for (const auto &[CalleeHandle, CalleeObject] : X.Handles) {
        std::optional<ObjectId> Handle = Translate(CalleeHandle);
        std::optional<ObjectId> Object = Translate(CalleeObject, X.ReturnedBase);
        if (Handle && Object)
          bindHandle(Next.Handles, *Handle, *Object);
      }
      Out.push_back(std::move(Next));
    }
  }
  States = std::move(Out);
  mergeSimilar(States);
}

bool FunctionAnalysis::sameEchoedFacts(const FactSet &A, const FactSet &B) const {
  if (Echoed.empty())
    return true;
  auto EchoedOnly = [&](const FactSet &Facts) {
    FactSet Out;
    for (const Fact &F : Facts)
      if (Echoed.count(F.V))
        Out.push_back(F);
    return Out;
  };
  return sameFacts(EchoedOnly(A), EchoedOnly(B));
}

void FunctionAnalysis::mergeSimilar(std::vector<PathState> &States) {
  if (States.size() < 2)
    return;
  std::vector<PathState> Merged;
  for (PathState &S : States) {
    auto It = llvm::find_if(Merged, [&](const PathState &M) {
      return M.Handles == S.Handles && sameDecisive(M.Objects, S.Objects) &&
             sameEchoedFacts(M.Facts, S.Facts);
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
  bool Same = true;
  forEachPair(A, B, [&](ObjectId Id, const ObjectTrack *TA, const ObjectTrack *TB) {
    if (!Same)
      return;
    ObjectTrack Default = (!TA || !TB) ? defaultTrack(Id) : ObjectTrack();
    const ObjectTrack &X = TA ? *TA : Default, &Y = TB ? *TB : Default;
    StateSet Decisive = E.decisiveStates(Id);
    for (unsigned S = 0; S < MaxRuleStates && Same; ++S)
      if (Decisive & bit(S))
        Same = X.Cur[S] == Y.Cur[S];
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
    for (unsigned Start = 0; Start < MaxRuleStates; ++Start) {
      StateSet Union = Joined.Cur[Start] | Other.Cur[Start];
      Changed |= Union != Joined.Cur[Start];
      Joined.Cur[Start] = Union;
    }
    Joined.addMissingHistories(Other);
    Joined.TouchedFrom |= Other.TouchedFrom;
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
  for (unsigned Start = 0; Start < MaxRuleStates; ++Start)
    Dst.Cur[Start] |= T.Cur[Start];
  Dst.addMissingHistories(T);
  Dst.TouchedFrom |= T.TouchedFrom;
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
      if (!E.Objects.hasPath(Id))
        continue;
      std::optional<NamedPath> Rest = pathAfter(E.Objects.path(Id), Incoming);
      if (!Rest)
        continue;
      int64_t Into = Rest->Path.Offsets.front();
      if (Into < 0 || (Extent ? Into >= Extent : Into != 0))
        continue;
      Moves.push_back({Id, E.Objects.withPath(Id, rebasePath(*Rest, PhiPath))});
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

bool FunctionAnalysis::factMatters(const Value *V, const BasicBlock &BB) {
  if (!isa<Instruction>(V))
    return true; // Arguments: what the summary's cases assume of them.
  auto Found = FactLive.find(V);
  if (Found == FactLive.end()) {
    // The blocks that use V, a value one with it (Reps), or a value
    // computed from them without memory (a test of it, `a && b` of such
    // tests, a phi taking it); V matters in every block that reaches one
    // other than through V's own block, where the facts about it start
    // anew (a phi's from its incoming edge).
    SmallVector<const Value *, 8> Work;
    SmallPtrSet<const Value *, 16> Seen;
    auto Push = [&](const Value *X) {
      if (Seen.insert(X).second)
        Work.push_back(X);
    };
    Push(V);
    SmallVector<const BasicBlock *, 16> UseBlocks;
    while (!Work.empty()) {
      const Value *X = Work.pop_back_val();
      const Value *Rep = repOf(&Reps, X);
      Push(Rep);
      if (auto M = Members.find(Rep); M != Members.end())
        for (const Value *Mate : M->second)
          Push(Mate);
      for (const Use &U : X->uses()) {
        const auto *User = dyn_cast<Instruction>(U.getUser());
        if (!User)
          continue;
        const auto *Phi = dyn_cast<PHINode>(User);
        UseBlocks.push_back(Phi ? Phi->getIncomingBlock(U) : User->getParent());
        if (Phi || isa<BinaryOperator>(User) || isa<CastInst>(User) ||
            isa<CmpInst>(User) || isa<SelectInst>(User))
          Push(User);
      }
    }
    BitVector Live(Order.size());
    SmallVector<const BasicBlock *, 16> Reach;
    const BasicBlock *Defined = cast<Instruction>(V)->getParent();
    auto Mark = [&](const BasicBlock *B) {
      auto It = Order.find(B);
      if (It != Order.end() && !Live.test(It->second)) {
        Live.set(It->second);
        if (B != Defined)
          Reach.push_back(B);
      }
    };
    for (const BasicBlock *B : UseBlocks)
      Mark(B);
    while (!Reach.empty())
      for (const BasicBlock *Pred : predecessors(Reach.pop_back_val()))
        Mark(Pred);
    Found = FactLive.try_emplace(V, std::move(Live)).first;
  }
  auto It = Order.find(&BB);
  return It == Order.end() || Found->second.test(It->second);
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
  // A monitored call (by name, by constant argument, or through a method
  // table) is an event of each rule that monitors it.
  if (ArrayRef<EventCall> Events = E.Events->eventsOf(*CB); !Events.empty()) {
    for (const EventCall &Ev : Events)
      applyEvent(*CB, Ev, States);
    return;
  }
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
  if (Entry) {
    for (const auto &[Id, T] : S.Objects) {
      const Rule &R = E.ruleOf(Id);
      if (!R.checksExitOf(Entry->role()))
        continue;
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
          Rec.FromEntry = !T.fresh(Start, Q);
          Rec.Site = &Site;
          Rec.Trace = E.Traces.append(T.last(Start, Q),
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
  for (const auto &B : S.Handles)
    if (!E.Objects.diesWith(B.first, F) && !E.Objects.diesWith(B.second, F))
      X.Handles.push_back(B);
  if (Returned) {
    FactSet Known;
    translateFacts(S.Facts, Returned, nullptr, Known, &Reps);
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
      llvm::erase_if(Old.Handles, [&](const std::pair<ObjectId, ObjectId> &B) {
        return !is_contained(X.Handles, B);
      });
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
      translateFacts(S.Facts, Phi.getIncomingValueForBlock(From), &Phi, PhiFacts, &Reps);
    renamePointerPhis(S, To, *From);
  }
  // Facts end here about a value defined again here (what was known is of
  // its last value: a loop's condition is tested afresh at every turn, even
  // a read nothing in the loop writes, as another processor may), about an
  // operation on such a value (KilledAt), and about values no code from
  // here on consults (they would only keep paths apart).
  auto Killed = KilledAt.find(&To);
  llvm::erase_if(S.Facts, [&](const Fact &F) {
    const auto *I = dyn_cast<Instruction>(F.V);
    return (I && I->getParent() == &To) ||
           (Killed != KilledAt.end() && is_contained(Killed->second, F.V)) ||
           !factMatters(F.V, To);
  });
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
    // Paths whose lock handles name different objects stay apart: a
    // release through a handle releases what this path bound it to.
    if (Old.ExitVia != S.ExitVia || Old.Handles != S.Handles ||
        !sameDecisive(Old.Objects, S.Objects) || !sameEchoedFacts(Old.Facts, S.Facts))
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
  // Too many distinct states: join this one into the closest, which keeps
  // every state it had and gains this one's. Closest is one whose objects
  // are in the same states, that leaves the same way with its handles bound
  // alike: then only what the paths knew of values is lost, and a value's
  // test that decided a lock's state (`if (Flags & ACTIVE) acquire`) stays
  // known on the paths that hold it. Failing that, one that leaves the same
  // way with the same handles (a release through a handle keeps naming its
  // lock); failing that, the first.
  ++E.Stats.Joins;
  unsigned IntoIndex = 0;
  unsigned Best = 0;
  for (unsigned I = 0; I < B.Seen.size() && Best < 2; ++I) {
    const PathState &O = B.Seen[I];
    if (O.ExitVia != S.ExitVia || O.Handles != S.Handles)
      continue;
    unsigned Score = sameDecisive(O.Objects, S.Objects) ? 2 : 1;
    if (Score > Best) {
      Best = Score;
      IntoIndex = I;
    }
  }
  PathState &Into = B.Seen[IntoIndex];
  bool Changed = intersectFacts(Into.Facts, S.Facts);
  Changed |= joinObjects(Into.Objects, S.Objects);
  Changed |= intersectPathBindings(Into, S);
  if (Changed)
    MarkPending(IntoIndex);
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
    std::optional<bool> Known = evaluate(Cond, S.Facts, &Reps);
    for (unsigned Succ = 0; Succ < 2; ++Succ) {
      bool Taken = Succ == 0;
      if (Known && *Known != Taken)
        continue;
      PathState Next = S;
      if (!assumeCondition(Next.Facts, Cond, Taken, &Reps))
        continue;
      Edge(Br->getSuccessor(Succ), std::move(Next));
    }
    return;
  }
  if (const auto *Sw = dyn_cast<SwitchInst>(Term)) {
    const Value *Cond = repOf(&Reps, Sw->getCondition());
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
  PathState Start;
  // An entry routine tracks from its start the objects its role enters in
  // another state than their rule's initial one: the routine must still
  // leave them right if it never touches them.
  if (Entry)
    if (auto It = E.EntrySeeds.find(&F); It != E.EntrySeeds.end())
      for (const auto &[Id, State] : It->second)
        track(Start, Id);
  enqueue(EntryBlock, std::move(Start));
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

} // namespace sdv
