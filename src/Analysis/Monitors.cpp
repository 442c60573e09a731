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
  // A path's effect: for each rule, the state each state becomes, or
  // Fails (a violation on the path: what a caller in that state would be
  // told, not a state it is left in). Effects are compared as strings.
  constexpr uint8_t Fails = 0xff;
  constexpr size_t MaxEffects = 256;
  std::vector<unsigned> Offset;
  std::string Identity;
  for (const Rule *R : Rules) {
    Offset.push_back(Identity.size());
    for (StateId S = 0; S < R->numStates(); ++S)
      Identity.push_back(char(S));
  }
  using EffectSet = std::set<std::string>;
  DenseMap<const BasicBlock *, EffectSet> In;
  In[&F.getEntryBlock()].insert(Identity);
  ReversePostOrderTraversal<const Function *> RPOT(&F);
  DenseSet<const BasicBlock *> Done;
  for (const BasicBlock *BB : RPOT) {
    EffectSet Effects = std::move(In[BB]);
    Done.insert(BB);
    for (const Instruction &I : *BB) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB)
        continue;
      SmallVector<EventCall, 1> Events = Matcher.match(*CB);
      for (const EventCall &E : Events) {
        const Rule &R = *Rules[E.Rule];
        bool MayNotHappen = R.event(E.Event).Outcome != EventOutcome::Always;
        EffectSet After;
        for (const std::string &Before : Effects) {
          std::string Next = Before;
          for (StateId S = 0; S < R.numStates(); ++S) {
            char &To = Next[Offset[E.Rule] + S];
            if (uint8_t(To) == Fails)
              continue;
            const Transition &T = R.step(StateId(To), E.Event);
            if (T.Violation)
              To = char(Fails);
            else if (T.Next)
              To = char(*T.Next);
          }
          After.insert(std::move(Next));
          if (MayNotHappen)
            After.insert(Before);
        }
        Effects = std::move(After);
        if (Effects.size() > MaxEffects)
          return true;
      }
    }
    const Instruction *Term = BB->getTerminator();
    if (isa<ReturnInst>(Term)) {
      for (const std::string &Effect : Effects)
        for (size_t I = 0; I < Effect.size(); ++I)
          if (uint8_t(Effect[I]) != Fails && Effect[I] != Identity[I])
            return true;
      continue;
    }
    for (const BasicBlock *Succ : successors(BB)) {
      if (Done.contains(Succ))
        return true; // A loop.
      EffectSet &Into = In[Succ];
      Into.insert(Effects.begin(), Effects.end());
      if (Into.size() > MaxEffects)
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
