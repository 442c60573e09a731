//===- PathState.cpp - Path states and their joins ------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "PathState.h"

#include "llvm/IR/BasicBlock.h"
#include "llvm/IR/Instruction.h"

using namespace llvm;

namespace sdv {

bool hasLine(const Instruction &I) {
  return I.getDebugLoc() && I.getDebugLoc().getLine() != 0;
}

const Instruction *lastLocatedIn(const BasicBlock &BB, const Instruction *From) {
  auto It = From ? From->getReverseIterator() : BB.rbegin();
  for (; It != BB.rend(); ++It)
    if (hasLine(*It))
      return &*It;
  return nullptr;
}

const Instruction &locatedSite(const Instruction &I, const PathState &S) {
  if (!I.getDebugLoc() || hasLine(I))
    return I;
  if (const Instruction *Before = lastLocatedIn(*I.getParent(), &I))
    return *Before;
  return S.LastLocated ? *S.LastLocated : I;
}

bool intersectPathBindings(PathState &Into, const PathState &Other) {
  size_t Before = Into.KnownBases.size() + Into.PhiValues.size() + Into.Handles.size();
  llvm::erase_if(Into.KnownBases,
                 [&](const Value *V) { return !is_contained(Other.KnownBases, V); });
  llvm::erase_if(Into.PhiValues, [&](const std::pair<const Value *, const Value *> &B) {
    return !is_contained(Other.PhiValues, B);
  });
  llvm::erase_if(Into.Handles, [&](const std::pair<ObjectId, ObjectId> &B) {
    return !is_contained(Other.Handles, B);
  });
  return Into.KnownBases.size() + Into.PhiValues.size() + Into.Handles.size() != Before;
}

bool pathIndependent(const NamedPath &P) {
  return P.Path.Kind == PathBase::Param || P.Path.Kind == PathBase::Global;
}

// Where \p Phi's binding is, or would go, in \p Bindings (sorted by phi).
template <typename BindingVector> auto bindingSlot(BindingVector &Bindings, const Value *Phi) {
  return llvm::lower_bound(Bindings, Phi,
                           [](const auto &B, const Value *V) { return B.first < V; });
}

const Value *boundValue(const PathState &S, const Value *Phi) {
  auto It = bindingSlot(S.PhiValues, Phi);
  return It != S.PhiValues.end() && It->first == Phi ? It->second : nullptr;
}

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


} // namespace sdv
