//===- Monitors.cpp - Which calls are rule events -------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Monitors.h"

#include "sdv/IR/MethodTable.h"
#include "sdv/IR/Symbols.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include <set>
#include <string>

using namespace llvm;

namespace sdv {

EventMatcher::EventMatcher(ArrayRef<const Rule *> Rules) {
  for (unsigned R = 0; R < Rules.size(); ++R) {
    for (EventId E = 0; E < Rules[R]->numEvents(); ++E)
      for (const CallPattern &P : Rules[R]->event(E).Calls)
        ByName[P.Function].push_back({RuleIndex(R), E, &P});
    append_range(Slots, Rules[R]->methodSlots());
  }
}

bool EventMatcher::monitorsByName(StringRef Name) const {
  auto It = ByName.find(normalizeSymbol(Name));
  return It != ByName.end() && any_of(It->second, [](const Pattern &P) {
           return !P.Call->WhenArg && !P.Call->ArgOffset;
         });
}

SmallVector<EventCall, 1> EventMatcher::match(const CallBase &CB) const {
  SmallVector<EventCall, 1> Events;
  if (ByName.empty() || isa<IntrinsicInst>(CB) || CB.isInlineAsm())
    return Events;
  const SmallVector<Pattern, 2> *Patterns = nullptr;
  unsigned HiddenArgs = 0;
  if (const auto *Callee = dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts())) {
    // A driver calls few functions many times: each is looked up once.
    auto [Known, New] = ByCallee.try_emplace(Callee, nullptr);
    if (New) {
      auto It = ByName.find(normalizeSymbol(Callee->getName()));
      Known->second = It == ByName.end() ? nullptr : &It->second;
    }
    Patterns = Known->second;
  } else if (std::optional<CalledName> Called = calledName(CB, Slots)) {
    auto It = ByName.find(Called->Name);
    Patterns = It == ByName.end() ? nullptr : &It->second;
    HiddenArgs = Called->HiddenArgs;
  }
  if (!Patterns)
    return Events;
  for (const Pattern &P : *Patterns) {
    if (P.Call->WhenArg) {
      unsigned Arg = *P.Call->WhenArg + HiddenArgs;
      const auto *C =
          Arg < CB.arg_size() ? dyn_cast<ConstantInt>(CB.getArgOperand(Arg)) : nullptr;
      if (!C || C->getSExtValue() != P.Call->Equals)
        continue;
    }
    // (Two patterns of one rule never match one call: the rule refuses
    // that.)
    Events.push_back({P.Rule, P.Event, HiddenArgs + P.Call->ArgOffset});
  }
  return Events;
}

std::optional<SmallVector<unsigned, 2>> knownEffects(const CallBase &CB,
                                                    const EventMatcher &Matcher,
                                                    ArrayRef<const Rule *> Rules) {
  SmallVector<EventCall, 1> Events = Matcher.match(CB);
  if (Events.empty())
    return std::nullopt;
  SmallVector<unsigned, 2> OutArgs;
  for (const EventCall &E : Events) {
    const Rule &R = *Rules[E.Rule];
    if (!R.objectIsOpaque())
      return std::nullopt;
    for (unsigned A : R.event(E.Event).OutArgs)
      if (!is_contained(OutArgs, A + E.ArgOffset))
        OutArgs.push_back(A + E.ArgOffset);
  }
  return OutArgs;
}

bool mayChangeState(const Function &F, const EventMatcher &Matcher,
                    ArrayRef<const Rule *> Rules) {
  // A path's state: each rule's one object, from the rule's initial state.
  // A violation (two locks taken one after the other are one object here)
  // or any other final state than the initial one may change a caller's
  // objects.
  constexpr size_t MaxPaths = 256;
  using StateVector = SmallVector<StateId, 8>;
  StateVector Initial;
  for (const Rule *R : Rules)
    Initial.push_back(R->initialState());
  using PathSet = std::set<StateVector>;
  DenseMap<const BasicBlock *, PathSet> In;
  In[&F.getEntryBlock()].insert(Initial);
  DenseSet<const BasicBlock *> Done;
  for (const BasicBlock *BB : ReversePostOrderTraversal<const Function *>(&F)) {
    PathSet Paths = std::move(In[BB]);
    Done.insert(BB);
    for (const Instruction &I : *BB) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB)
        continue;
      for (const EventCall &E : Matcher.match(*CB)) {
        const Rule &R = *Rules[E.Rule];
        PathSet After;
        for (const StateVector &Before : Paths) {
          const Transition &T = R.step(Before[E.Rule], E.Event);
          if (T.Violation)
            return true;
          StateVector Next = Before;
          if (T.Next)
            Next[E.Rule] = *T.Next;
          After.insert(std::move(Next));
          if (R.event(E.Event).Outcome != EventOutcome::Always)
            After.insert(Before);
        }
        Paths = std::move(After);
      }
    }
    if (isa<ReturnInst>(BB->getTerminator())) {
      if (any_of(Paths, [&](const StateVector &P) { return P != Initial; }))
        return true;
      continue;
    }
    for (const BasicBlock *Succ : successors(BB)) {
      if (Done.contains(Succ))
        return true; // A loop.
      PathSet &Into = In[Succ];
      Into.insert(Paths.begin(), Paths.end());
      if (Into.size() > MaxPaths)
        return true;
    }
  }
  return false;
}

Monitors::Monitors(const Module &M, ArrayRef<const Rule *> Rules)
    : Found(Rules.size(), false) {
  EventMatcher Matcher(Rules);
  if (Matcher.empty())
    return;
  for (const Function &F : M) {
    if (!F.isDeclaration() && Matcher.monitorsByName(F.getName()))
      MonitoredFunctions.insert(&F);
    for (const Instruction &I : instructions(F)) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB)
        continue;
      SmallVector<EventCall, 1> Events = Matcher.match(*CB);
      if (Events.empty())
        continue;
      for (const EventCall &E : Events)
        Found[E.Rule] = true;
      Calls[CB] = std::move(Events);
    }
  }
}

} // namespace sdv
