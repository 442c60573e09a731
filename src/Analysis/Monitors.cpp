//===- Monitors.cpp - Which calls are rule events -------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Monitors.h"

#include "sdv/IR/MethodTable.h"
#include "sdv/IR/Symbols.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace sdv {

Monitors::Monitors(const Module &M, ArrayRef<const Rule *> Rules)
    : Found(Rules.size(), false) {
  struct Pattern {
    RuleIndex Rule;
    EventId Event;
    const CallPattern *Call;
  };
  StringMap<SmallVector<Pattern, 2>> ByName;
  std::vector<MethodSlot> Slots;
  for (unsigned R = 0; R < Rules.size(); ++R) {
    for (EventId E = 0; E < Rules[R]->numEvents(); ++E)
      for (const CallPattern &P : Rules[R]->event(E).Calls)
        ByName[P.Function].push_back({RuleIndex(R), E, &P});
    append_range(Slots, Rules[R]->methodSlots());
  }
  if (ByName.empty())
    return;
  for (const Function &F : M) {
    if (auto It = ByName.find(normalizeSymbol(F.getName())); It != ByName.end())
      if (!F.isDeclaration() && any_of(It->second, [](const Pattern &P) {
            return !P.Call->WhenArg && !P.Call->ArgOffset;
          }))
        MonitoredFunctions.insert(&F);
    for (const Instruction &I : instructions(F)) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || isa<IntrinsicInst>(CB) || CB->isInlineAsm())
        continue;
      std::optional<CalledName> Called = calledName(*CB, Slots);
      if (!Called)
        continue;
      auto It = ByName.find(Called->Name);
      if (It == ByName.end())
        continue;
      for (const Pattern &P : It->second) {
        unsigned Offset = Called->HiddenArgs + P.Call->ArgOffset;
        if (P.Call->WhenArg) {
          unsigned Arg = *P.Call->WhenArg + Called->HiddenArgs;
          const auto *C =
              Arg < CB->arg_size() ? dyn_cast<ConstantInt>(CB->getArgOperand(Arg)) : nullptr;
          if (!C || C->getSExtValue() != P.Call->Equals)
            continue;
        }
        SmallVector<EventCall, 1> &Events = Calls[CB];
        // Two patterns of one rule for one call: the rule refuses that.
        Events.push_back({P.Rule, P.Event, Offset});
        Found[P.Rule] = true;
      }
    }
  }
}

} // namespace sdv
