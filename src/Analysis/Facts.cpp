//===- Facts.cpp - Branch facts on SSA values -----------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Facts.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Argument.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/PatternMatch.h"

#include <tuple>

using namespace llvm;

namespace sdv {

namespace {

bool lessFact(const Fact &A, const Fact &B) {
  return std::make_tuple(A.V, A.C, A.Equal) < std::make_tuple(B.V, B.C, B.Equal);
}

bool sameFact(const Fact &A, const Fact &B) {
  return A.V == B.V && A.C == B.C && A.Equal == B.Equal;
}

std::optional<int64_t> constantOf(const Value *V) {
  if (const auto *CI = dyn_cast<ConstantInt>(V)) {
    if (CI->getBitWidth() > 64)
      return std::nullopt;
    return CI->getBitWidth() == 1 ? int64_t(CI->getZExtValue()) : CI->getSExtValue();
  }
  if (isa<ConstantPointerNull>(V))
    return 0;
  return std::nullopt;
}

/// `X == C` / `X != C` as (X, C, IsEq), for an equality compare against a
/// constant on either side.
std::optional<std::tuple<const Value *, int64_t, bool>>
equalityTest(const Value *Cond) {
  const auto *Cmp = dyn_cast<ICmpInst>(Cond);
  if (!Cmp || !Cmp->isEquality())
    return std::nullopt;
  const Value *L = Cmp->getOperand(0), *R = Cmp->getOperand(1);
  bool IsEq = Cmp->getPredicate() == ICmpInst::ICMP_EQ;
  if (std::optional<int64_t> C = constantOf(R))
    return std::make_tuple(L, *C, IsEq);
  if (std::optional<int64_t> C = constantOf(L))
    return std::make_tuple(R, *C, IsEq);
  return std::nullopt;
}

/// What the facts say of `V == C`.
std::optional<bool> lookup(const Value *V, int64_t C, const FactSet &Facts) {
  for (const Fact &F : Facts) {
    if (F.V != V)
      continue;
    if (F.Equal)
      return F.C == C;
    if (F.C == C)
      return false;
  }
  return std::nullopt;
}

} // namespace

bool addFact(FactSet &Facts, Fact F) {
  // An i1 is 0 or 1: store `!= 0` as `== 1` so that facts compare.
  if (F.V->getType()->isIntegerTy(1) && !F.Equal) {
    F.Equal = true;
    F.C = F.C == 0 ? 1 : 0;
  }
  for (const Fact &Old : Facts) {
    if (Old.V != F.V)
      continue;
    if (Old.Equal && F.Equal && Old.C != F.C)
      return false;
    if (Old.Equal != F.Equal && Old.C == F.C)
      return false;
  }
  auto It = llvm::lower_bound(Facts, F, lessFact);
  if (It == Facts.end() || !sameFact(*It, F))
    Facts.insert(It, F);
  return true;
}

/// Whether \p Facts entail \p F (`x == 2` entails `x != 1`).
static bool entails(const FactSet &Facts, const Fact &F) {
  for (const Fact &G : Facts) {
    if (G.V != F.V)
      continue;
    if (G.Equal == F.Equal && G.C == F.C)
      return true;
    if (!F.Equal && G.Equal && G.C != F.C)
      return true;
  }
  return false;
}

bool intersectFacts(FactSet &Into, const FactSet &Other) {
  // What both paths know: facts of either side that the other entails.
  FactSet Common;
  for (const Fact &F : Into)
    if (entails(Other, F))
      Common.push_back(F);
  for (const Fact &F : Other)
    if (entails(Into, F) && !entails(Common, F))
      Common.push_back(F);
  llvm::sort(Common, lessFact);
  if (Common.size() == Into.size() &&
      std::equal(Common.begin(), Common.end(), Into.begin(), sameFact))
    return false;
  Into = std::move(Common);
  return true;
}

std::optional<bool> evaluate(const Value *Cond, const FactSet &Facts,
                             const ValueReps *Reps) {
  Cond = repOf(Reps, Cond);
  if (std::optional<int64_t> C = constantOf(Cond))
    return *C != 0;
  if (std::optional<bool> Known = lookup(Cond, 1, Facts))
    return Known;
  if (auto Test = equalityTest(Cond)) {
    auto [X, C, IsEq] = *Test;
    if (std::optional<bool> Known = lookup(repOf(Reps, X), C, Facts))
      return *Known == IsEq;
    // A known value widened (`if (LockHeld == TRUE)` compares the BOOLEAN
    // zero-extended to an int).
    if (std::optional<int64_t> Value = knownValue(X, Facts, Reps))
      return (*Value == C) == IsEq;
    return std::nullopt;
  }
  // Any comparison of two known values (`NT_SUCCESS(Status)` is
  // `Status >= 0`).
  if (const auto *Cmp = dyn_cast<ICmpInst>(Cond)) {
    std::optional<int64_t> L = knownValue(Cmp->getOperand(0), Facts, Reps);
    std::optional<int64_t> R = knownValue(Cmp->getOperand(1), Facts, Reps);
    Type *Ty = Cmp->getOperand(0)->getType();
    if (!L || !R || !Ty->isIntOrPtrTy())
      return std::nullopt;
    unsigned Bits = Ty->isIntegerTy() ? Ty->getIntegerBitWidth() : 64;
    if (Bits > 64)
      return std::nullopt;
    return ICmpInst::compare(APInt(Bits, *L, /*isSigned=*/true),
                             APInt(Bits, *R, /*isSigned=*/true),
                             Cmp->getPredicate());
  }
  const Value *Inner;
  if (PatternMatch::match(Cond, PatternMatch::m_Not(PatternMatch::m_Value(Inner))))
    if (std::optional<bool> Known = evaluate(Inner, Facts, Reps))
      return !*Known;
  return std::nullopt;
}

bool assumeCondition(FactSet &Facts, const Value *Cond, bool Taken,
                     const ValueReps *Reps) {
  Cond = repOf(Reps, Cond);
  if (std::optional<int64_t> C = constantOf(Cond))
    return (*C != 0) == Taken;
  if (!addFact(Facts, {Cond, Taken ? 1 : 0, true}))
    return false;
  if (auto Test = equalityTest(Cond)) {
    auto [X, C, IsEq] = *Test;
    return addFact(Facts, {repOf(Reps, X), C, IsEq == Taken});
  }
  const Value *A, *B;
  using namespace PatternMatch;
  if (match(Cond, m_Not(m_Value(A))))
    return assumeCondition(Facts, A, !Taken, Reps);
  // `a && b` taken, or `a || b` not taken, decides both sides.
  if (Taken && match(Cond, m_LogicalAnd(m_Value(A), m_Value(B))))
    return assumeCondition(Facts, A, true, Reps) && assumeCondition(Facts, B, true, Reps);
  if (!Taken && match(Cond, m_LogicalOr(m_Value(A), m_Value(B))))
    return assumeCondition(Facts, A, false, Reps) && assumeCondition(Facts, B, false, Reps);
  return true;
}

std::optional<int64_t> knownValue(const Value *V, const FactSet &Facts,
                                  const ValueReps *Reps) {
  V = repOf(Reps, V);
  if (std::optional<int64_t> C = constantOf(V))
    return C;
  for (const Fact &F : Facts)
    if (F.V == V && F.Equal)
      return F.C;
  // A known integer widened or narrowed (an array index truncated to the
  // ULONG a routine takes).
  const auto *Cast = dyn_cast<CastInst>(V);
  if (!Cast || !Cast->getSrcTy()->isIntegerTy() || !Cast->getDestTy()->isIntegerTy() ||
      Cast->getSrcTy()->getIntegerBitWidth() > 64 ||
      Cast->getDestTy()->getIntegerBitWidth() > 64)
    return std::nullopt;
  std::optional<int64_t> Inner = knownValue(Cast->getOperand(0), Facts, Reps);
  if (!Inner)
    return std::nullopt;
  APInt From(Cast->getSrcTy()->getIntegerBitWidth(), static_cast<uint64_t>(*Inner),
             /*isSigned=*/true);
  unsigned To = Cast->getDestTy()->getIntegerBitWidth();
  switch (Cast->getOpcode()) {
  case Instruction::Trunc:
    return From.trunc(To).getSExtValue();
  case Instruction::ZExt:
    return static_cast<int64_t>(From.zext(To).getZExtValue());
  case Instruction::SExt:
    return From.sext(To).getSExtValue();
  default:
    return std::nullopt;
  }
}

bool sameFacts(const FactSet &A, const FactSet &B) {
  return A.size() == B.size() && std::equal(A.begin(), A.end(), B.begin(), sameFact);
}

bool assumeAtCall(FactSet &Facts, const FactSet &Pre, const CallBase &CB,
                  const ValueReps *Reps) {
  for (const Fact &F : Pre) {
    const auto *A = dyn_cast<Argument>(F.V);
    if (!A || A->getArgNo() >= CB.arg_size())
      continue;
    const Value *Actual = repOf(Reps, CB.getArgOperand(A->getArgNo()));
    if (std::optional<int64_t> C = constantOf(Actual)) {
      if ((*C == F.C) != F.Equal)
        return false;
      continue;
    }
    if (!addFact(Facts, {Actual, F.C, F.Equal}))
      return false;
  }
  return true;
}

void translateFacts(const FactSet &Facts, const Value *From, const Value *To,
                    FactSet &Out, const ValueReps *Reps) {
  From = repOf(Reps, From);
  if (std::optional<int64_t> C = constantOf(From)) {
    Out.push_back({To, *C, true});
    return;
  }
  for (const Fact &F : Facts)
    if (F.V == From)
      Out.push_back({To, F.C, F.Equal});
}


} // namespace sdv
