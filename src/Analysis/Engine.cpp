//===- Engine.cpp - Interprocedural typestate engine ----------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Analysis/Engine.h"

#include "EngineImpl.h"
#include "FunctionAnalysis.h"

#include "sdv/IR/MethodTable.h"
#include "sdv/IR/SourceLocation.h"
#include "sdv/IR/Symbols.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Process.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <map>
#include <numeric>

using namespace llvm;

namespace sdv {

namespace {
/// The process's resident memory, as the kernel counts it; 0 if unknown.
uint64_t residentBytes() {
  std::ifstream Statm("/proc/self/statm");
  uint64_t Size = 0, Resident = 0;
  if (!(Statm >> Size >> Resident))
    return 0;
  return Resident * static_cast<uint64_t>(sys::Process::getPageSizeEstimate());
}
} // namespace

Engine::Engine(const Module &M, const std::vector<RuleToCheck> &Rules,
               const std::vector<EntryRoutine> &Entries, const EngineOptions &Options)
    : M(M), AllRules(Rules), Entries(Entries), Options(Options), Targets(M) {
  for (const RuleToCheck &R : Rules)
    this->Rules.push_back(R.R);
  Events = std::make_unique<Monitors>(M, this->Rules);
}

namespace {

/// The parameter whose value names object \p Id (the object a pointer
/// parameter points to, or the handle a parameter is), if it is one.
const Argument *paramObject(const ObjectTable &Objects, ObjectId Id) {
  if (Objects.kind(Id) != ObjectKind::Path || !Objects.hasPath(Id))
    return nullptr;
  const AccessPath &P = Objects.name(Id).Path;
  if (P.Kind != PathBase::Param || P.derefs() || P.Offsets[0] || P.Generation)
    return nullptr;
  return dyn_cast_or_null<Argument>(P.Base);
}

/// Whether entry state \p ES names object \p Id (of its rule).
bool entryStateNames(const Rule &R, const EntryState &ES, const ObjectTable &Objects,
                     ObjectId Id) {
  ObjectKind Kind = Objects.kind(Id);
  if (ES.Param) {
    const Argument *A = paramObject(Objects, Id);
    return A && A->getArgNo() == *ES.Param;
  }
  if (Kind == ObjectKind::Key && !Objects.hasPath(Id))
    return !ES.Key || R.keys()[*ES.Key].Value == Objects.name(Id).Key;
  return Kind == ObjectKind::Single && !ES.Key;
}

} // namespace

StateId Engine::entryState(const EntryRoutine &Entry, ObjectId Id) const {
  RuleIndex RI = Objects.rule(Id);
  const Rule &R = *Rules[RI];
  for (const EntryState &ES : R.entryStates()) {
    if (!entryStateNames(R, ES, Objects, Id))
      continue;
    // A parameter's object is the entry routine's own parameter's.
    if (ES.Param && paramObject(Objects, Id)->getParent() != Entry.F)
      continue;
    if (entryStateApplies(Entry, RI, ES))
      return ES.State;
  }
  return R.initialState();
}

bool Engine::entryStateApplies(const EntryRoutine &Entry, RuleIndex RI,
                               const EntryState &ES) const {
  bool RoleMatches = any_of(Entry.Evidence, [&](const RoleEvidence &Ev) {
    return is_contained(ES.Roles, Ev.Role);
  });
  return RoleMatches && all_of(ES.When, [&](const std::pair<unsigned, bool> &C) {
           std::optional<bool> Value = AllRules[RI].Conditions.size() > C.first
                                           ? AllRules[RI].Conditions[C.first]
                                           : std::nullopt;
           return Value && *Value != C.second;
         });
}

bool Engine::entersInExitState(RuleIndex RI) const {
  const Rule &R = *Rules[RI];
  return any_of(Entries, [&](const EntryRoutine &Entry) {
    return any_of(R.entryStates(), [&](const EntryState &ES) {
      return R.exitViolation(ES.State) && R.checksExitOf(Entry.role()) &&
             entryStateApplies(Entry, RI, ES);
    });
  });
}

StateSet Engine::decisiveStates(ObjectId Id) {
  if (Id >= Decisive.size())
    Decisive.resize(Objects.size(), 0);
  StateSet &Set = Decisive[Id];
  if (Set)
    return Set;
  const Rule &R = ruleOf(Id);
  Set = bit(R.initialState());
  for (const EntryState &ES : R.entryStates())
    if (entryStateNames(R, ES, Objects, Id))
      Set |= bit(ES.State);
  return Set;
}

/// Each entry routine's objects that its role enters in another state,
/// for the rules the driver calls.
void Engine::seedEntries() {
  for (const EntryRoutine &Root : Entries) {
    for (RuleIndex RI = 0; RI < Rules.size(); ++RI) {
      const Rule &R = *Rules[RI];
      if (!Applies[RI])
        continue;
      SmallVector<ObjectId, 4> Candidates;
      if (R.naming() == ObjectNaming::Single)
        Candidates.push_back(Objects.internSingle(RI));
      for (const EntryState &ES : R.entryStates()) {
        if (ES.Key)
          Candidates.push_back(Objects.internKey(RI, R.keys()[*ES.Key].Value));
        if (ES.Param && *ES.Param < Root.F->arg_size() &&
            entryStateApplies(Root, RI, ES)) {
          // Named as the routine's analysis names its parameter's object.
          AccessPathBuilder Paths(*Root.F, M.getDataLayout());
          Candidates.push_back(Objects.intern(RI, Paths.pathOf(Root.F->getArg(*ES.Param))));
        }
      }
      for (ObjectId Id : Candidates)
        if (StateId S = entryState(Root, Id); S != R.initialState() &&
                                              !is_contained(EntrySeeds[Root.F],
                                                            std::make_pair(Id, S)))
          EntrySeeds[Root.F].push_back({Id, S});
    }
  }
}

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
      // A defined wrapper of a monitored API is an event, not a callee.
      if (!G->isDeclaration() && !Events->isMonitoredFunction(*G) && !is_contained(Out, G))
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
  auto States = [&](const Rule &R, StateSet Set) {
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
      const Rule &R = ruleOf(Id);
      Out += " " + R.id().str() + " '" + Objects.render(Id, R) + "' {";
      for (unsigned Start = 0; Start < R.numStates(); ++Start)
        Out += (Start ? ", " : "") + R.stateName(Start).str() + "->" +
               States(R, T.Cur[Start]);
      Out += "}";
    }
  }
  for (const ViolationRecord &V : S.Violations) {
    const Rule &R = ruleOf(V.Object);
    SourceLoc L = locationOf(*V.Site);
    Out += "\n  " + R.id().str() + " " + R.violation(V.Violation).Id + " on '" +
           Objects.render(V.Object, R) + "' at " + L.str() +
           (V.Unconditional ? std::string(", always")
                            : ", if it is " + R.stateName(V.EntryState).str() +
                                  " on entry");
  }
  return Out;
}

void Engine::collectDefects(std::vector<RuleResult> &Results) {
  // One defect per rule, violation and site; the shortest trace wins, then
  // the first entry routine by name.
  // Keyed by source position, not instruction: a helper inlined into
  // several callers is one line of source.
  std::map<std::tuple<RuleIndex, std::string, unsigned, unsigned, ViolationId>, unsigned>
      Seen;
  for (const EntryRoutine &Root : Entries) {
    const Summary &S = Summaries[Root.F];
    // The routine's exit violations, each with the statement of the entry
    // routine itself that last moved the object (see groupExits).
    std::vector<std::tuple<RuleIndex, Defect, SourceLoc>> Exits;
    auto Consider = [&](const ViolationRecord &V, bool AtExit) {
      if (!V.Unconditional && V.EntryState != entryState(Root, V.Object))
        return;
      RuleIndex RI = Objects.rule(V.Object);
      const Rule &R = *Rules[RI];
      std::vector<Defect> &Defects = Results[RI].Defects;
      Defect D;
      D.Violation = V.Violation;
      D.Entry = &Root;
      if (V.Acquired != NoObject) {
        D.Object = Objects.render(V.Acquired, R);
        D.Held = Objects.render(V.Object, R);
      } else {
        D.Object = Objects.render(V.Object, R);
      }
      D.Site = V.Site;
      D.AtExit = AtExit;
      if (const CallBase *CB = V.Call)
        if (std::optional<CalledName> Called = calledName(*CB, R.methodSlots()))
          D.Function = Called->Name.str();
      D.Trace.push_back({StepKind::Entry, nullptr, Root.F, 0});
      Traces.materialize(V.Trace, D.Trace);
      if (AtExit) {
        // The entry routine's own statement (a call at depth 0, or the
        // event itself there) under which the last event happened; inlined
        // code counts where it was called from the routine, so that -O2
        // groups as -O0 does. None for the entry state.
        SourceLoc Moved;
        const TraceStep *Statement = nullptr;
        unsigned Depth = 0;
        for (const TraceStep &Step : D.Trace) {
          if (Depth == 0 && (Step.Kind == StepKind::Call || Step.Kind == StepKind::Event))
            Statement = &Step;
          if (Step.Kind == StepKind::Call)
            ++Depth;
          else if (Step.Kind == StepKind::Return && Depth)
            --Depth;
          if (Step.Kind == StepKind::Event)
            Moved = outermostLocation(*Statement->Inst);
        }
        Exits.emplace_back(RI, std::move(D), Moved);
        return;
      }
      // A call inside an API's inlined wrapper is where the driver called
      // the wrapper, by the wrapper's name.
      std::string Api;
      SourceLoc Where = callerLocation(*V.Site, [&](StringRef Name) {
        return R.eventFor(Name).has_value();
      }, &Api);
      if (!Api.empty() && V.Call)
        D.Function = Api;
      if (!Where.known())
        Where.File = std::to_string(reinterpret_cast<uintptr_t>(V.Site));
      auto [It, Inserted] = Seen.try_emplace(
          {RI, Where.File, Where.Line, Where.Column, V.Violation}, Defects.size());
      if (Inserted) {
        Defects.push_back(std::move(D));
        return;
      }
      Defect &Old = Defects[It->second];
      if (D.Trace.size() < Old.Trace.size())
        Old = std::move(D);
    };
    for (const ViolationRecord &V : S.Violations)
      Consider(V, /*AtExit=*/false);
    for (const ViolationRecord &V : S.ExitViolations)
      Consider(V, /*AtExit=*/true);
    groupExits(Exits, Results);
  }
  // An acquire that both takes a lock already held and breaks the order is
  // one mistake: the first says it.
  for (RuleIndex RI = 0; RI < Rules.size(); ++RI) {
    std::optional<ViolationId> Order = Rules[RI]->orderViolation();
    if (!Order)
      continue;
    std::vector<Defect> &Defects = Results[RI].Defects;
    auto Where = [&](const Defect &D) {
      return callerLocation(*D.Site, [&](StringRef Name) {
        return Rules[RI]->eventFor(Name).has_value();
      });
    };
    llvm::erase_if(Defects, [&](const Defect &D) {
      if (D.Violation != *Order)
        return false;
      SourceLoc L = Where(D);
      return any_of(Defects, [&](const Defect &Other) {
        return Other.Violation != *Order && Where(Other) == L;
      });
    });
  }
  for (RuleResult &Result : Results)
    llvm::stable_sort(Result.Defects, [&](const Defect &A, const Defect &B) {
      SourceLoc LA = locationOf(*A.Site), LB = locationOf(*B.Site);
      if (!(LA == LB))
        return LA < LB;
      return A.Violation < B.Violation;
    });
}

/// One mistake, one defect: an entry routine's returns that leave an object
/// in a violating state are one defect per rule and violation when they leak
/// the same object or what one statement of the routine took (an acquire,
/// or a call whose callees acquire), transitively. A release missing before
/// several returns is one mistake; so are the objects one statement takes
/// (the lock of each node a recursive walk takes, the lock a helper chooses
/// by a flag: the MSI or the interrupt lock) and the acquires of one object
/// (a lock taken on either branch). Two locks taken by two statements and
/// left held at one return stay two defects: each misses its release (and
/// an optimiser that merges returns does not change the count). The
/// shortest trace (then the first return in source order) is the one shown;
/// the other returns are listed, each once.
void Engine::groupExits(std::vector<std::tuple<RuleIndex, Defect, SourceLoc>> &Exits,
                        std::vector<RuleResult> &Results) {
  std::vector<unsigned> Leader(Exits.size());
  std::iota(Leader.begin(), Leader.end(), 0u);
  auto Find = [&](unsigned I) {
    while (Leader[I] != I)
      I = Leader[I] = Leader[Leader[I]];
    return I;
  };
  for (unsigned I = 0; I < Exits.size(); ++I)
    for (unsigned J = 0; J < I; ++J) {
      const auto &[RI, DI, MovedI] = Exits[I];
      const auto &[RJ, DJ, MovedJ] = Exits[J];
      if (RI == RJ && DI.Violation == DJ.Violation &&
          (DI.Object == DJ.Object || MovedI == MovedJ))
        Leader[Find(I)] = Find(J);
    }
  for (unsigned I = 0; I < Exits.size(); ++I) {
    if (Find(I) != I)
      continue;
    std::vector<unsigned> Members;
    for (unsigned J = 0; J < Exits.size(); ++J)
      if (Find(J) == I)
        Members.push_back(J);
    auto Shown = [&](unsigned J) {
      const Defect &D = std::get<Defect>(Exits[J]);
      return std::make_pair(D.Trace.size(), locationOf(*D.Site));
    };
    unsigned Best = *std::min_element(Members.begin(), Members.end(), [&](unsigned A, unsigned B) {
      return Shown(A) < Shown(B);
    });
    Defect D = std::move(std::get<Defect>(Exits[Best]));
    SourceLoc Where = locationOf(*D.Site);
    std::vector<std::tuple<SourceLoc, std::string, const Instruction *>> Others;
    for (unsigned J : Members)
      if (J != Best) {
        const Defect &Other = std::get<Defect>(Exits[J]);
        if (SourceLoc L = locationOf(*Other.Site); !(L == Where))
          Others.emplace_back(L, Other.Object, Other.Site);
      }
    // By return, then the object the shown one names, then by name.
    llvm::stable_sort(Others, [&](const auto &A, const auto &B) {
      return std::make_tuple(std::get<0>(A), std::get<1>(A) != D.Object, std::get<1>(A)) <
             std::make_tuple(std::get<0>(B), std::get<1>(B) != D.Object, std::get<1>(B));
    });
    Others.erase(std::unique(Others.begin(), Others.end(),
                             [](const auto &A, const auto &B) {
                               return std::get<0>(A) == std::get<0>(B);
                             }),
                 Others.end());
    for (auto &[L, Object, Site] : Others)
      D.OtherExits.push_back({Site, std::move(Object)});
    Results[std::get<RuleIndex>(Exits[I])].Defects.push_back(std::move(D));
  }
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
  spdlog::info("analysis stopped: {}", StopReason);
  return true;
}

std::vector<RuleResult> Engine::run() {
  std::vector<RuleResult> Results(Rules.size());
  // Applicability is a property of the driver, reachable or not.
  for (RuleIndex RI = 0; RI < Rules.size(); ++RI) {
    Applies.push_back(Events->monitored(RI) || entersInExitState(RI));
    Results[RI].Applicable = Applies.back();
  }
  // Nothing to follow if no rule applies.
  if (any_of(Results, [](const RuleResult &R) { return R.Applicable; })) {
    for (const EntryRoutine &Root : Entries)
      EntryOf[Root.F] = &Root;
    seedEntries();
    std::vector<std::vector<const Function *>> Components = componentsBottomUp();
    spdlog::debug("{} functions in {} call-graph components reachable from {} "
                  "entry routines",
                  std::accumulate(Components.begin(), Components.end(), size_t(0),
                                  [](size_t N, const auto &C) { return N + C.size(); }),
                  Components.size(), Entries.size());
    for (const std::vector<const Function *> &Component : Components) {
      if (overBudget())
        break;
      analyseComponent(Component);
    }
    if (Stopped == Outcome::Complete)
      collectDefects(Results);
  }
  Stats.Objects = Objects.size();
  Stats.IndirectCalls = IndirectCallSites.size();
  for (RuleResult &Result : Results) {
    Result.Result = Stopped;
    Result.BudgetReason = StopReason;
    Result.EntriesAnalysed = Entries.size();
    Result.Stats = Stats;
  }
  return Results;
}

std::vector<RuleResult> checkRules(const Module &M, const std::vector<RuleToCheck> &Rules,
                                   const std::vector<EntryRoutine> &Entries,
                                   const EngineOptions &Options) {
  Engine E(M, Rules, Entries, Options);
  return E.run();
}

RuleResult checkRule(const Module &M, const Rule &R,
                     const std::vector<EntryRoutine> &Entries,
                     const EngineOptions &Options) {
  std::vector<RuleToCheck> Rules{{&R, std::vector<std::optional<bool>>(R.conditions().size())}};
  return std::move(checkRules(M, Rules, Entries, Options).front());
}

} // namespace sdv
