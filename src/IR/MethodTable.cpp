//===- MethodTable.cpp - Calls through a method table ---------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/IR/MethodTable.h"

#include "sdv/IR/Symbols.h"

#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace sdv {

const MethodSlot *calledMethod(const CallBase &CB, ArrayRef<MethodSlot> Slots) {
  if (Slots.empty())
    return nullptr;
  const auto *Routine = dyn_cast<LoadInst>(CB.getCalledOperand()->stripPointerCasts());
  if (!Routine)
    return nullptr;
  const DataLayout &DL = CB.getModule()->getDataLayout();
  APInt Offset(DL.getIndexTypeSizeInBits(Routine->getPointerOperandType()), 0);
  const Value *Base = Routine->getPointerOperand()->stripAndAccumulateConstantOffsets(
      DL, Offset, /*AllowNonInbounds=*/true);
  const auto *TablePtr = dyn_cast<LoadInst>(Base);
  if (!TablePtr)
    return nullptr;
  const auto *Table =
      dyn_cast<GlobalVariable>(TablePtr->getPointerOperand()->stripPointerCasts());
  unsigned SlotSize = DL.getPointerSize();
  if (!Table || Offset.isNegative() || Offset.urem(SlotSize) != 0)
    return nullptr;
  uint64_t Slot = Offset.getZExtValue() / SlotSize;
  StringRef Name = Table->getName();
  for (const MethodSlot &Method : Slots) {
    bool Named = Name == Method.Table ||
                 (Name.startswith(Method.Table) &&
                  Name.drop_front(Method.Table.size()).consume_front("_"));
    if (Named && Slot == Method.Slot)
      return &Method;
  }
  return nullptr;
}

std::optional<CalledName> calledName(const CallBase &CB, ArrayRef<MethodSlot> Slots) {
  if (const auto *Callee =
          dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts()))
    return CalledName{normalizeSymbol(Callee->getName()), 0};
  if (const MethodSlot *Method = calledMethod(CB, Slots))
    return CalledName{Method->Name, Method->HiddenArgs};
  return std::nullopt;
}

} // namespace sdv
