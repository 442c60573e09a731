//===- Decisions.cpp - The branches a trace depends on --------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Decisions.h"

#include "sdv/IR/Loader.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"

#include <deque>

using namespace llvm;

namespace sdv {

namespace {

/// Candidate branches examined per stretch of a trace.
constexpr unsigned MaxWalks = 256;

/// One stretch of a trace inside one function: from just after \p From (the
/// function's start when null) until a target block is entered.
class Segment {
public:
  Segment(const Function &F, const Instruction *From,
          SmallPtrSet<const BasicBlock *, 4> Targets)
      : F(F), Start(From ? From->getParent() : &F.getEntryBlock()),
        Targets(std::move(Targets)) {}

  /// Appends the segment's decisions, in path order, to \p Out.
  void decisions(size_t Before, std::vector<Decision> &Out);

private:
  bool isTarget(const BasicBlock *BB) const { return Targets.contains(BB); }
  /// Blocks whose terminator may run on the way from Start to a target,
  /// with their distance from Start; \returns whether a target is entered.
  /// \p Avoid is never entered.
  bool walk(const BasicBlock *Avoid, DenseMap<const BasicBlock *, unsigned> *Dist);
  /// Blocks from which some path enters a target.
  DenseSet<const BasicBlock *> reachingTargets() const;

  const Function &F;
  const BasicBlock *Start;
  SmallPtrSet<const BasicBlock *, 4> Targets;
};

bool Segment::walk(const BasicBlock *Avoid,
                   DenseMap<const BasicBlock *, unsigned> *Dist) {
  DenseMap<const BasicBlock *, unsigned> Local;
  DenseMap<const BasicBlock *, unsigned> &D = Dist ? *Dist : Local;
  std::deque<const BasicBlock *> Work{Start};
  D[Start] = 0;
  bool Reached = false;
  while (!Work.empty()) {
    const BasicBlock *BB = Work.front();
    Work.pop_front();
    for (const BasicBlock *Succ : successors(BB)) {
      if (Succ == Avoid)
        continue;
      if (isTarget(Succ)) {
        Reached = true;
        continue;
      }
      if (D.try_emplace(Succ, D[BB] + 1).second)
        Work.push_back(Succ);
    }
  }
  return Reached;
}

DenseSet<const BasicBlock *> Segment::reachingTargets() const {
  DenseSet<const BasicBlock *> Out;
  SmallVector<const BasicBlock *, 16> Work(Targets.begin(), Targets.end());
  while (!Work.empty())
    for (const BasicBlock *Pred : predecessors(Work.pop_back_val()))
      if (Out.insert(Pred).second)
        Work.push_back(Pred);
  return Out;
}

void Segment::decisions(size_t Before, std::vector<Decision> &Out) {
  DenseMap<const BasicBlock *, unsigned> Dist;
  if (!walk(nullptr, &Dist))
    return;
  DenseSet<const BasicBlock *> Reaching = reachingTargets();
  auto Leads = [&](const BasicBlock *BB) { return isTarget(BB) || Reaching.contains(BB); };
  std::vector<std::pair<unsigned, Decision>> Found;
  unsigned Walks = 0;
  // In block order, so that equal distances keep a stable order.
  for (const BasicBlock &BB : F) {
    auto It = Dist.find(&BB);
    if (It == Dist.end())
      continue;
    const auto *Br = dyn_cast<BranchInst>(BB.getTerminator());
    if (!Br || !Br->isConditional() || Br->getSuccessor(0) == Br->getSuccessor(1))
      continue;
    bool True = Leads(Br->getSuccessor(0)), False = Leads(Br->getSuccessor(1));
    if (True == False)
      continue;
    // Each candidate costs a walk over the function: past a bound (huge
    // functions with many one-sided branches), the rest are not steps.
    if (&BB != Start && (++Walks > MaxWalks || walk(&BB, nullptr)))
      continue;
    Found.push_back({It->second, Decision{Before, Br, True}});
  }
  llvm::stable_sort(Found, [](const auto &A, const auto &B) { return A.first < B.first; });
  for (auto &[Distance, D] : Found)
    Out.push_back(D);
}

/// Where the trace is: a function, and the last step in it (null at its
/// start).
struct Frame {
  const Function *F;
  const Instruction *At;
};

/// The decisions between the frame's position and \p Target in the same
/// function; moves the frame there.
void advance(SmallVectorImpl<Frame> &Stack, const Instruction &Target, size_t Before,
             std::vector<Decision> &Out) {
  const Function *F = Target.getFunction();
  if (Stack.empty() || Stack.back().F != F) {
    // A step the walk did not expect here: start over from it.
    if (Stack.empty())
      Stack.push_back({F, &Target});
    Stack.back() = {F, &Target};
    return;
  }
  Frame &Fr = Stack.back();
  const BasicBlock *TargetBB = Target.getParent();
  bool SameBlockLater =
      Fr.At ? Fr.At->getParent() == TargetBB && Fr.At->comesBefore(&Target)
            : TargetBB == &F->getEntryBlock();
  if (!SameBlockLater)
    Segment(*F, Fr.At, {TargetBB}).decisions(Before, Out);
  Fr.At = &Target;
}

/// The decisions between the frame's position and the function's return.
void leave(const Frame &Fr, size_t Before, std::vector<Decision> &Out) {
  SmallPtrSet<const BasicBlock *, 4> Exits;
  for (const BasicBlock &BB : *Fr.F)
    if (isa<ReturnInst>(BB.getTerminator()))
      Exits.insert(&BB);
  const BasicBlock *From = Fr.At ? Fr.At->getParent() : &Fr.F->getEntryBlock();
  if (Exits.empty() || Exits.contains(From))
    return;
  Segment(*Fr.F, Fr.At, std::move(Exits)).decisions(Before, Out);
}

} // namespace

std::vector<Decision> findDecisions(const std::vector<TraceStep> &Trace) {
  std::vector<Decision> Out;
  SmallVector<Frame, 8> Stack;
  for (size_t I = 0; I < Trace.size(); ++I) {
    const TraceStep &S = Trace[I];
    switch (S.Kind) {
    case StepKind::Entry:
      Stack.clear();
      if (S.Callee && !S.Callee->isDeclaration())
        Stack.push_back({S.Callee, nullptr});
      break;
    case StepKind::Call:
      if (S.Inst)
        advance(Stack, *S.Inst, I, Out);
      if (S.Callee && !S.Callee->isDeclaration())
        Stack.push_back({S.Callee, nullptr});
      break;
    case StepKind::Return:
      if (!Stack.empty() && Stack.back().F == S.Callee) {
        leave(Stack.back(), I, Out);
        Stack.pop_back();
      }
      if (S.Inst && !Stack.empty() && Stack.back().F == S.Inst->getFunction())
        Stack.back().At = S.Inst;
      else if (S.Inst)
        advance(Stack, *S.Inst, I, Out);
      break;
    case StepKind::Event:
    case StepKind::Violation:
      if (S.Inst)
        advance(Stack, *S.Inst, I, Out);
      break;
    }
  }
  return Out;
}

namespace {

bool isIdentChar(char C) { return isAlnum(C) || C == '_'; }

/// Offset of the `(` after a statement keyword `if`, `while` or `for` in
/// \p Text: the last one starting at or before \p Col, else the first.
std::optional<size_t> conditionParen(StringRef Text, size_t Col) {
  std::optional<size_t> Before, After;
  for (StringRef Keyword : {"if", "while", "for"}) {
    for (size_t Pos = Text.find(Keyword); Pos != StringRef::npos;
         Pos = Text.find(Keyword, Pos + 1)) {
      size_t End = Pos + Keyword.size();
      if ((Pos && isIdentChar(Text[Pos - 1])) ||
          (End < Text.size() && isIdentChar(Text[End])))
        continue;
      size_t Paren = Text.find_first_not_of(" \t", End);
      if (Paren == StringRef::npos || Text[Paren] != '(')
        continue;
      if (Pos <= Col) {
        if (!Before || Pos > *Before)
          Before = Paren;
      } else if (!After || Pos < *After) {
        After = Paren;
      }
    }
  }
  return Before ? Before : After;
}

/// The offset of the parenthesis that closes the one at \p Open.
size_t closingParen(StringRef Text, size_t Open) {
  int Depth = 0;
  for (size_t I = Open; I < Text.size(); ++I) {
    if (Text[I] == '(')
      ++Depth;
    else if (Text[I] == ')' && --Depth == 0)
      return I;
  }
  return StringRef::npos;
}

/// The condition of a `?:` starting at 0-based column \p Col of \p Text:
/// what lies between the column and the `?` at the same nesting.
std::optional<std::string> ternaryCondition(StringRef Text, size_t Col) {
  int Depth = 0;
  for (size_t I = Col; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '(' || C == '[') {
      ++Depth;
    } else if (C == ')' || C == ']') {
      if (--Depth < 0)
        return std::nullopt;
    } else if (C == ';' || C == '{') {
      return std::nullopt;
    } else if (C == '?' && Depth == 0) {
      StringRef Cond = Text.slice(Col, I).trim();
      // `(a != 0) ? ...`: the parentheses are not part of the condition.
      if (Cond.startswith("(") && closingParen(Cond, 0) == Cond.size() - 1)
        Cond = Cond.drop_front().drop_back().trim();
      if (Cond.empty())
        return std::nullopt;
      return collapseBlanks(Cond);
    }
  }
  return std::nullopt;
}

/// The condition whose branch is at 0-based column \p Col of \p Text (the
/// branch's line and a few after it), or nothing.
std::optional<std::string> conditionText(StringRef Text, size_t Col) {
  std::optional<size_t> Open = conditionParen(Text, Col);
  if (!Open)
    return ternaryCondition(Text, Col);
  bool IsFor = Text.substr(0, *Open).rtrim().endswith("for");
  // The parenthesised condition, and its top-level `&&`, `||` and `;`.
  int Depth = 0;
  size_t Close = StringRef::npos;
  SmallVector<size_t, 4> Logical, Semis;
  for (size_t I = *Open; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '(' || C == '[') {
      ++Depth;
    } else if (C == ')' || C == ']') {
      if (--Depth == 0) {
        Close = I;
        break;
      }
    } else if (Depth == 1 && C == ';') {
      Semis.push_back(I);
    } else if (Depth == 1 && I + 1 < Text.size() &&
               ((C == '&' && Text[I + 1] == '&') || (C == '|' && Text[I + 1] == '|'))) {
      Logical.push_back(I);
      ++I;
    }
  }
  if (Close == StringRef::npos)
    return std::nullopt;
  size_t Begin = *Open + 1, End = Close;
  if (IsFor) {
    if (Semis.size() != 2)
      return std::nullopt;
    Begin = Semis[0] + 1;
    End = Semis[1];
    erase_if(Logical, [&](size_t P) { return P < Begin || P > End; });
  }
  // Short-circuit operators: the branch at an operator tests the operand
  // before it, the one at the condition's start the last operand.
  if (!Logical.empty()) {
    SmallVector<std::pair<size_t, size_t>, 4> Operands;
    size_t From = Begin;
    for (size_t Op : Logical) {
      Operands.push_back({From, Op});
      From = Op + 2;
    }
    Operands.push_back({From, End});
    std::pair<size_t, size_t> Tested = Operands.back();
    for (size_t I = 0; I < Logical.size(); ++I)
      if (Col == Logical[I] || Col == Logical[I] + 1)
        Tested = Operands[I];
    for (const auto &[OpBegin, OpEnd] : Operands)
      if (Col > Begin && Col >= OpBegin && Col < OpEnd)
        Tested = {OpBegin, OpEnd};
    std::tie(Begin, End) = Tested;
  }
  std::string Cond = collapseBlanks(Text.slice(Begin, End));
  if (Cond.empty())
    return std::nullopt;
  return Cond;
}

/// The top-level operators of a C expression that decide how its truth
/// relates to a comparison: equality, relational (with the operands' text),
/// or something else that is not a plain value (`?:`, `,`, assignment is a
/// value). Arithmetic and bitwise operators leave a plain value, tested
/// against zero.
struct Operators {
  bool Eq = false, Ne = false, Other = false;
  /// Any binary operator at the top level (comparisons included): `!` in
  /// front of such an expression negates only its first operand.
  bool Binary = false;
  /// The one top-level relational operator (`<`, `<=`, `>`, `>=`), if any,
  /// and the text on each side of it.
  std::optional<CmpInst::Predicate> Rel;
  unsigned RelCount = 0;
  StringRef Left, Right;
  bool comparison() const { return Eq || Ne || RelCount; }
};

Operators topLevelOperators(StringRef Cond) {
  Operators Ops;
  int Depth = 0;
  // Whether the text so far ends with an operand, so that `&`, `*`, `-`
  // there are binary.
  auto AfterOperand = [&](size_t I) {
    StringRef Before = Cond.take_front(I).rtrim();
    return !Before.empty() && (isAlnum(Before.back()) || Before.back() == '_' ||
                               Before.back() == ')' || Before.back() == ']');
  };
  for (size_t I = 0; I < Cond.size(); ++I) {
    char C = Cond[I];
    char N = I + 1 < Cond.size() ? Cond[I + 1] : 0;
    if (Depth == 0 && StringRef("&|^+-*/%<>=!?,").contains(C) && AfterOperand(I) &&
        !(C == '-' && N == '>') && !(C == '!' && N != '='))
      Ops.Binary = true;
    if (C == '-' && N == '>') {
      ++I; // member access
    } else if ((C == '<' && N == '<') || (C == '>' && N == '>')) {
      ++I; // shift
    } else if (C == '(' || C == '[') {
      ++Depth;
    } else if (C == ')' || C == ']') {
      --Depth;
    } else if (Depth != 0) {
      continue;
    } else if (C == '=' && N == '=') {
      Ops.Eq = true, ++I;
    } else if (C == '!' && N == '=') {
      Ops.Ne = true, ++I;
    } else if (C == '<' || C == '>') {
      bool OrEqual = N == '=';
      Ops.Rel = C == '<' ? (OrEqual ? CmpInst::ICMP_SLE : CmpInst::ICMP_SLT)
                         : (OrEqual ? CmpInst::ICMP_SGE : CmpInst::ICMP_SGT);
      ++Ops.RelCount;
      Ops.Left = Cond.take_front(I).trim();
      Ops.Right = Cond.drop_front(I + (OrEqual ? 2 : 1)).trim();
      I += OrEqual;
    } else if (C == '?' || C == ',') {
      Ops.Other = true;
    }
  }
  return Ops;
}

/// An integer literal as C writes it (`4`, `0x10`, `5UL`), or nothing.
std::optional<int64_t> integerLiteral(StringRef Text) {
  Text = Text.trim();
  while (Text.startswith("(") && Text.endswith(")"))
    Text = Text.drop_front().drop_back().trim();
  bool Negative = Text.consume_front("-");
  Text = Text.rtrim("uUlL");
  uint64_t Value;
  if (Text.empty() || Text.getAsInteger(0, Value) || Value > uint64_t(INT64_MAX))
    return std::nullopt;
  return Negative ? -int64_t(Value) : int64_t(Value);
}

/// `x P C` as a half-line of the integers: `x <= T` (Up false) or `x >= T`
/// (Up true).
std::optional<std::pair<bool, int64_t>> halfLine(CmpInst::Predicate P, int64_t C) {
  switch (ICmpInst::getSignedPredicate(P)) {
  case CmpInst::ICMP_SLT:
    return std::make_pair(false, C - 1);
  case CmpInst::ICMP_SLE:
    return std::make_pair(false, C);
  case CmpInst::ICMP_SGT:
    return std::make_pair(true, C + 1);
  case CmpInst::ICMP_SGE:
    return std::make_pair(true, C);
  default:
    return std::nullopt;
  }
}

/// How a source relational test relates to the IR's: the same test (the
/// same operator, or `x <= 4` for `x < 5`), its negation, or unknown.
std::optional<bool> relationalInverted(const Operators &Ops, const ICmpInst &Cmp) {
  CmpInst::Predicate Source = *Ops.Rel;
  StringRef Right = Ops.Right;
  // A constant on the left: the optimiser puts it on the right.
  if (integerLiteral(Ops.Left) && !integerLiteral(Ops.Right)) {
    Source = CmpInst::getSwappedPredicate(Source);
    Right = Ops.Left;
  }
  // The IR's constant on the right too (unoptimised code keeps the
  // source's order).
  CmpInst::Predicate IR = ICmpInst::getSignedPredicate(Cmp.getPredicate());
  const Value *IRRight = Cmp.getOperand(1);
  if (isa<ConstantInt>(Cmp.getOperand(0)) && !isa<ConstantInt>(IRRight)) {
    IR = CmpInst::getSwappedPredicate(IR);
    IRRight = Cmp.getOperand(0);
  }
  const auto *C = dyn_cast<ConstantInt>(IRRight);
  std::optional<int64_t> Literal = integerLiteral(Right);
  if (C && Literal && C->getBitWidth() < 64) {
    int64_t Value = Cmp.isUnsigned() ? int64_t(C->getZExtValue()) : C->getSExtValue();
    auto S = halfLine(Source, *Literal), I = halfLine(IR, Value);
    if (!S || !I)
      return std::nullopt;
    if (*S == *I)
      return false;
    if (S->first != I->first && (S->first ? S->second == I->second + 1
                                          : I->second == S->second + 1))
      return true;
    return std::nullopt;
  }
  // Without constants to compare, only the operator itself says.
  if (IR == Source)
    return false;
  if (IR == CmpInst::getInversePredicate(Source))
    return true;
  return std::nullopt;
}

/// Strips the source's negations of the whole condition \p E, and
/// parentheses around all of it, flipping \p Inverted for each `!`.
void stripNegations(StringRef &E, bool &Inverted) {
  E = E.trim();
  while (true) {
    if (E.startswith("(") && closingParen(E, 0) == E.size() - 1) {
      E = E.drop_front().drop_back().trim();
    } else if (E.startswith("!") && !E.startswith("!=") &&
               !topLevelOperators(E.drop_front()).Binary) {
      E = E.drop_front().ltrim();
      Inverted = !Inverted;
    } else {
      break;
    }
  }
}

/// Whether the IR branch tests the negation of the source condition, when
/// the two can be matched: clang branches on `!E` by testing E with the
/// successors swapped, and optimised code may test `a == b` for the
/// source's `a != b`, `(x & K) == 0` for `x & K`, or `x < 5` for
/// `!(x > 4)`, with the successors swapped; those are undone.
std::optional<bool> matchedInversion(const BranchInst &Br, StringRef Cond) {
  bool Inverted = false;
  StringRef E = Cond;
  stripNegations(E, Inverted);
  // ... and in IR.
  const Value *C = Br.getCondition();
  while (const auto *Not = dyn_cast<BinaryOperator>(C)) {
    const auto *One = dyn_cast<ConstantInt>(Not->getOperand(1));
    if (Not->getOpcode() != Instruction::Xor || !One || !One->isOne() ||
        !One->getType()->isIntegerTy(1))
      break;
    C = Not->getOperand(0);
    Inverted = !Inverted;
  }
  Operators Ops = topLevelOperators(E);
  if (Ops.Other || Ops.RelCount > 1 || (Ops.RelCount && (Ops.Eq || Ops.Ne)) ||
      (Ops.Eq && Ops.Ne))
    return std::nullopt;
  const auto *Cmp = dyn_cast<ICmpInst>(C);
  if (!Cmp) {
    // A truth value tested as such: a `bool`'s bit (trunc to i1), a call
    // returning `bool`.
    if (!Ops.comparison() && (isa<TruncInst>(C) || isa<CallBase>(C)))
      return Inverted;
    return std::nullopt;
  }
  if (Ops.RelCount) {
    if (Cmp->isEquality())
      return std::nullopt;
    std::optional<bool> Rel = relationalInverted(Ops, *Cmp);
    if (!Rel)
      return std::nullopt;
    return Inverted != *Rel;
  }
  if (!Cmp->isEquality())
    return std::nullopt;
  bool IREqual = Cmp->getPredicate() == CmpInst::ICMP_EQ;
  if (Ops.Eq || Ops.Ne)
    return Inverted != (Ops.Eq != IREqual);
  // A plain value's truth is `!= 0` in IR.
  const auto *Zero = dyn_cast<Constant>(Cmp->getOperand(1));
  if (!Zero || !Zero->isNullValue())
    return std::nullopt;
  return Inverted != IREqual;
}

/// Whether the source condition means the opposite of the IR branch's
/// condition, or nothing when that cannot be told. Unoptimised code tests
/// the condition as written (a macro such as NT_SUCCESS expanded), so there
/// only the source's `!` counts when the test cannot be matched.
std::optional<bool> invertedInIR(const BranchInst &Br, StringRef Cond) {
  if (std::optional<bool> Inverted = matchedInversion(Br, Cond))
    return Inverted;
  if (!Br.getFunction()->hasFnAttribute(UnoptimisedAttr))
    return std::nullopt;
  bool Inverted = false;
  StringRef E = Cond;
  stripNegations(E, Inverted);
  return Inverted;
}

} // namespace

namespace {

/// The condition the branch tests, quoted from its source line.
std::optional<std::string> quotedCondition(const Decision &D, SourceFiles &Sources) {
  SourceLoc L = locationOf(*D.Branch);
  std::optional<StringRef> Line = Sources.line(L);
  if (!Line)
    return std::nullopt;
  std::string Text = Line->str();
  // A condition may go on over the next lines.
  for (unsigned More = 1; More <= 4; ++More)
    if (std::optional<StringRef> Next = Sources.line(L, L.Line + More))
      Text += " " + Next->str();
  return conditionText(Text, L.Column ? L.Column - 1 : 0);
}

} // namespace

std::optional<bool> sourceTakesTrue(const Decision &D, SourceFiles &Sources) {
  // The then-side is known where a folded `return` was found in the source.
  if (const MDNode *Then = D.Branch->getMetadata(ThenSuccessorMD))
    if (auto *C = mdconst::dyn_extract<ConstantInt>(Then->getOperand(0)))
      return (D.TakesTrue ? 0u : 1u) == C->getZExtValue();
  std::optional<std::string> Cond = quotedCondition(D, Sources);
  if (!Cond)
    return D.TakesTrue;
  std::optional<bool> Inverted = invertedInIR(*D.Branch, *Cond);
  if (!Inverted)
    return std::nullopt;
  return D.TakesTrue != *Inverted;
}

std::string describeDecision(const Decision &D, SourceFiles &Sources) {
  std::optional<std::string> Cond = quotedCondition(D, Sources);
  SourceLoc L = locationOf(*D.Branch);
  std::optional<bool> TakesTrue = sourceTakesTrue(D, Sources);
  // What the optimiser made of the condition does not say which way the
  // source's reads: the step names the condition, not a side.
  if (!TakesTrue)
    return "following the condition at line " + std::to_string(L.Line) + ": `" + *Cond + "`";
  std::string Which = *TakesTrue ? "true" : "false";
  if (Cond)
    return "taking the " + Which + " branch: `" + *Cond + "`";
  if (!L.known())
    return "taking the " + Which + " branch of a condition in '" + L.Function + "'";
  return "taking the " + Which + " branch of the condition at line " +
         std::to_string(L.Line);
}

} // namespace sdv
