//===- CallTargets.cpp - Where indirect calls go --------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/IR/CallTargets.h"

#include "sdv/IR/Loader.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace sdv {

namespace {

const Function *definedFunction(const Value *V) {
  const auto *F = dyn_cast<Function>(stripConversions(V));
  return F && !F->isDeclaration() ? F : nullptr;
}

void addTarget(SmallVectorImpl<const Function *> &List, const Function *F) {
  if (!is_contained(List, F))
    List.push_back(F);
}

/// Whether parameter \p A holds a routine, as far as the debug info says
/// (without it, any pointer may).
bool routineParam(const Argument &A) {
  if (!A.getType()->isPointerTy())
    return false;
  const DISubprogram *SP = A.getParent()->getSubprogram();
  const DISubroutineType *ST = SP ? SP->getType() : nullptr;
  if (!ST || A.getArgNo() + 1 >= ST->getTypeArray().size())
    return true;
  const DIType *T = stripTypedefs(ST->getTypeArray()[A.getArgNo() + 1]);
  const auto *Ptr = dyn_cast_or_null<DIDerivedType>(T);
  return Ptr && Ptr->getTag() == dwarf::DW_TAG_pointer_type &&
         isa_and_nonnull<DISubroutineType>(stripTypedefs(Ptr->getBaseType()));
}

/// The driver functions \p V may be: the function itself, those a phi or
/// select chooses from (optimised code stores one of two cancel routines
/// with one exchange: `IoSetCancelRoutine(Irp, Busy ? CancelA : CancelB)`),
/// or, for a routine parameter of a driver's own wrapper (`Item->Routine =
/// Routine` before queuing a generic worker), what the wrapper's callers
/// pass, a few wrappers deep.
SmallVector<const Function *, 2> storedFunctions(const Value *V) {
  SmallVector<const Function *, 2> Out;
  SmallVector<std::pair<const Value *, unsigned>, 4> Work{{V, 0}};
  SmallPtrSet<const Value *, 8> Seen;
  while (!Work.empty()) {
    auto [X, Depth] = Work.pop_back_val();
    X = stripConversions(X);
    if (!Seen.insert(X).second)
      continue;
    if (const Function *F = definedFunction(X)) {
      addTarget(Out, F);
    } else if (const auto *Phi = dyn_cast<PHINode>(X)) {
      for (const Value *In : Phi->incoming_values())
        Work.push_back({In, Depth});
    } else if (const auto *Sel = dyn_cast<SelectInst>(X)) {
      Work.push_back({Sel->getTrueValue(), Depth});
      Work.push_back({Sel->getFalseValue(), Depth});
    } else if (const auto *A = dyn_cast<Argument>(X); A && Depth < 3 && routineParam(*A)) {
      for (auto [CB, Actual] : actualArguments(*A))
        Work.push_back({Actual, Depth + 1});
    }
  }
  return Out;
}

} // namespace

CallTargets::CallTargets(const Module &M) : DL(M.getDataLayout()) {
  for (const GlobalVariable &G : M.globals())
    if (G.hasInitializer())
      scanInitializer(G.getInitializer(), G.getName().str(), 0);
  for (const Function &F : M)
    for (const Instruction &I : instructions(F)) {
      const Value *Address = nullptr, *Value = nullptr;
      if (const auto *SI = dyn_cast<StoreInst>(&I)) {
        Address = SI->getPointerOperand();
        Value = SI->getValueOperand();
      } else if (const auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
        if (RMW->getOperation() != AtomicRMWInst::Xchg)
          continue;
        Address = RMW->getPointerOperand();
        Value = RMW->getValOperand();
      } else if (const auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
        Address = CX->getPointerOperand();
        Value = CX->getNewValOperand();
      } else {
        continue;
      }
      // (Most stores store numbers: skip them before the walk. A routine
      // may be stored as an integer: InterlockedExchangePointer.)
      if (isa<ConstantData>(Value) ||
          (!Value->getType()->isPointerTy() && stripConversions(Value) == Value &&
           !isa<PHINode>(Value) && !isa<SelectInst>(Value)))
        continue;
      SmallVector<const Function *, 2> Targets = storedFunctions(Value);
      if (Targets.empty())
        continue;
      if (std::optional<Slot> S = slotOf(Address, F))
        for (const Function *Target : Targets)
          addTarget(Stored[*S], Target);
    }
  for (auto &[S, Targets] : Stored)
    llvm::sort(Targets, [](const Function *A, const Function *B) {
      return A->getName() < B->getName();
    });
}

CallTargets::~CallTargets() = default;

AccessPathBuilder &CallTargets::builder(const Function &F) {
  std::unique_ptr<AccessPathBuilder> &B = Builders[&F];
  if (!B)
    B = std::make_unique<AccessPathBuilder>(F, DL);
  return *B;
}

void CallTargets::scanInitializer(const Constant *C, const std::string &Global,
                                  uint64_t Offset) {
  if (const Function *F = definedFunction(C)) {
    addTarget(Stored[{"@" + Global, Offset}], F);
    return;
  }
  if (const auto *CS = dyn_cast<ConstantStruct>(C)) {
    StructType *ST = CS->getType();
    const StructLayout *Layout = DL.getStructLayout(ST);
    for (unsigned I = 0; I < CS->getNumOperands(); ++I) {
      const Constant *Elem = CS->getOperand(I);
      uint64_t FieldOffset = Layout->getElementOffset(I);
      if (const Function *F = definedFunction(Elem)) {
        if (ST->hasName())
          addTarget(Stored[{canonicalTypeName(ST->getName()), FieldOffset}], F);
        continue;
      }
      scanInitializer(Elem, Global, Offset + FieldOffset);
    }
    return;
  }
  if (const auto *CA = dyn_cast<ConstantArray>(C)) {
    uint64_t Size = DL.getTypeAllocSize(CA->getType()->getElementType());
    for (unsigned I = 0; I < CA->getNumOperands(); ++I)
      scanInitializer(CA->getOperand(I), Global, Offset + I * Size);
  }
}

std::optional<CallTargets::Slot> CallTargets::slotOf(const Value *Address,
                                                     const Function &Where) {
  // The field of the innermost named struct the address falls in: the same
  // slot whether reached as `Ext->Ops.Read`, `pOps->Read` or `g_Ops.Read`.
  const NamedPath &P = builder(Where).pathOf(Address);
  FieldChain Chain = P.lastFields();
  for (auto It = Chain.Steps.rbegin(); It != Chain.Steps.rend(); ++It)
    if (It->Parent && !It->Parent->getName().empty())
      return Slot{canonicalTypeName(It->Parent->getName()), It->Offset};
  // An element of a global table at a constant index: its own slot.
  if (P.Path.Kind == PathBase::Global && P.Path.derefs() == 0 &&
      P.Path.Offsets.front() >= 0)
    return Slot{"@" + cast<GlobalVariable>(P.Path.Base)->getName().str(),
                static_cast<uint64_t>(P.Path.Offsets.front())};
  // Without debug info: the GEP's struct type and field.
  if (const auto *GEP = dyn_cast<GEPOperator>(Address->stripPointerCasts())) {
    if (auto *ST = dyn_cast<StructType>(GEP->getSourceElementType());
        ST && ST->hasName() && GEP->getNumIndices() >= 2)
      if (const auto *Field = dyn_cast<ConstantInt>(GEP->getOperand(2));
          Field && Field->getZExtValue() < ST->getNumElements())
        return Slot{canonicalTypeName(ST->getName()),
                    DL.getStructLayout(ST)->getElementOffset(Field->getZExtValue())};
    // An element of a global table at a variable index: any of them.
    if (const auto *G = dyn_cast<GlobalVariable>(GEP->getPointerOperand()->stripPointerCasts()))
      return Slot{"@" + G->getName().str(), AnyOffset};
  }
  return std::nullopt;
}

void CallTargets::resolve(const Value *Callee, const Function &Where,
                          unsigned Depth, SmallVectorImpl<const Function *> &Out) {
  Callee = stripConversions(Callee);
  if (const Function *F = definedFunction(Callee)) {
    addTarget(Out, F);
    return;
  }
  if (Depth > 4)
    return;
  // A routine read from a slot, or taken out of it by an exchange (the
  // cancel routine IoSetCancelRoutine(Irp, NULL) returns).
  const Value *Address = nullptr;
  if (const auto *Load = dyn_cast<LoadInst>(Callee))
    Address = Load->getPointerOperand();
  else if (const auto *RMW = dyn_cast<AtomicRMWInst>(Callee);
           RMW && RMW->getOperation() == AtomicRMWInst::Xchg)
    Address = RMW->getPointerOperand();
  if (Address) {
    if (std::optional<Slot> S = slotOf(Address, Where)) {
      // A variable index reaches every slot of its table.
      auto Begin = S->second == AnyOffset ? Stored.lower_bound({S->first, 0})
                                          : Stored.find(*S);
      auto End = S->second == AnyOffset ? Stored.upper_bound({S->first, AnyOffset})
                                        : (Begin == Stored.end() ? Begin : std::next(Begin));
      for (auto It = Begin; It != End; ++It)
        for (const Function *F : It->second)
          addTarget(Out, F);
    }
    return;
  }
  if (const auto *Phi = dyn_cast<PHINode>(Callee)) {
    for (const Value *In : Phi->incoming_values())
      resolve(In, Where, Depth + 1, Out);
    return;
  }
  if (const auto *Sel = dyn_cast<SelectInst>(Callee)) {
    resolve(Sel->getTrueValue(), Where, Depth + 1, Out);
    resolve(Sel->getFalseValue(), Where, Depth + 1, Out);
    return;
  }
  // A callback parameter: what the callers pass.
  if (const auto *A = dyn_cast<Argument>(Callee))
    for (auto [CB, Actual] : actualArguments(*A))
      resolve(Actual, *CB->getFunction(), Depth + 1, Out);
}

ArrayRef<const Function *> CallTargets::targetsOf(const CallBase &CB) {
  auto [It, Inserted] = Resolved.try_emplace(&CB);
  if (!Inserted)
    return It->second;
  SmallVector<const Function *, 2> Out;
  resolve(CB.getCalledOperand(), *CB.getFunction(), 0, Out);
  llvm::sort(Out, [](const Function *A, const Function *B) {
    return A->getName() < B->getName();
  });
  // The map may have grown while resolving: look the slot up again.
  SmallVector<const Function *, 2> &Slot = Resolved[&CB];
  Slot = std::move(Out);
  return Slot;
}

} // namespace sdv
