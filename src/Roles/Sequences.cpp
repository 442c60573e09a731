//===- Sequences.cpp - Callbacks called in sequence -----------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Roles/Sequences.h"

#include "sdv/IR/AccessPath.h"
#include "sdv/IR/MethodTable.h"
#include "sdv/IR/SourceLocation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>

using namespace llvm;

namespace sdv {

namespace {

using SequenceRule = RoleCatalog::SequenceRule;

/// The routine each step of \p Rule calls at registration \p CB, by
/// registration argument; empty if one is not a function of the driver's.
std::optional<std::map<unsigned, Function *>>
callbacks(const SequenceRule &Rule, const CallBase &CB, unsigned Hidden) {
  std::map<unsigned, Function *> Out;
  for (const RoleCatalog::SequenceCase &Case : Rule.Cases)
    for (const RoleCatalog::SequenceStep &Step : Case.Steps) {
      if (CB.arg_size() <= Step.Arg + Hidden)
        return std::nullopt;
      auto *F = dyn_cast<Function>(
          const_cast<Value *>(stripConversions(CB.getArgOperand(Step.Arg + Hidden))));
      if (!F)
        return std::nullopt;
      Out[Step.Arg] = F;
    }
  return Out;
}

/// `{N}` in \p Template replaced by the name of the routine passed as
/// argument N.
std::string expandName(StringRef Template, const std::map<unsigned, Function *> &Routines) {
  std::string Out;
  while (!Template.empty()) {
    size_t Open = Template.find('{');
    Out += Template.take_front(Open).str();
    if (Open == StringRef::npos)
      break;
    size_t Close = Template.find('}', Open);
    unsigned Arg = 0;
    Template.slice(Open + 1, Close).getAsInteger(10, Arg);
    Out += sourceName(*Routines.at(Arg));
    Template = Template.drop_front(Close + 1);
  }
  return Out;
}

/// Builds the routine of one registration.
class SequenceBuilder {
public:
  SequenceBuilder(Module &M, const SequenceRule &Rule, const CallBase &Site,
                  const std::map<unsigned, Function *> &Routines)
      : M(M), Ctx(M.getContext()), Rule(Rule), Site(Site), Routines(Routines) {}

  Function *build();

private:
  /// What each argument name stands for: a parameter of the routine, or a
  /// local of it (named with `&` somewhere in the sequence).
  void collectNames();
  /// The argument \p Name for a parameter of type \p Ty.
  Value *argument(StringRef Name, Type *Ty, IRBuilder<> &B);
  void attachDebugInfo(Function &F);

  Module &M;
  LLVMContext &Ctx;
  const SequenceRule &Rule;
  const CallBase &Site;
  const std::map<unsigned, Function *> &Routines;
  /// Parameters by name, in order of first use, with their types; unnamed
  /// arguments (a callback with more parameters than its step lists) are
  /// parameters of their own.
  std::vector<std::pair<std::string, Type *>> Params;
  StringMap<Type *> Locals;
  StringMap<Value *> Values;
  DILocation *Loc = nullptr;
};

void SequenceBuilder::collectNames() {
  for (const RoleCatalog::SequenceCase &Case : Rule.Cases)
    for (const RoleCatalog::SequenceStep &Step : Case.Steps)
      for (StringRef Name : Step.Args)
        if (Name.consume_front("&"))
          Locals.try_emplace(Name, nullptr);
  unsigned Unnamed = 0;
  for (const RoleCatalog::SequenceCase &Case : Rule.Cases)
    for (const RoleCatalog::SequenceStep &Step : Case.Steps) {
      Function *Callee = Routines.at(Step.Arg);
      for (unsigned I = 0; I < Callee->arg_size(); ++I) {
        Type *Ty = Callee->getArg(I)->getType();
        std::string Name = I < Step.Args.size() ? Step.Args[I]
                                                : "arg" + std::to_string(Unnamed++);
        if (StringRef(Name).starts_with("&"))
          continue;
        if (auto It = Locals.find(Name); It != Locals.end()) {
          // A local read by value has the type it is read as.
          if (!It->second)
            It->second = Ty;
          continue;
        }
        if (none_of(Params, [&](const auto &P) { return P.first == Name; }))
          Params.emplace_back(Name, Ty);
      }
    }
}

Value *SequenceBuilder::argument(StringRef Name, Type *Ty, IRBuilder<> &B) {
  if (Name.consume_front("&"))
    return Values.lookup(Name);
  Value *V = Values.lookup(Name);
  if (Locals.count(Name))
    return B.CreateLoad(Ty, V, Name);
  // A parameter used at another type than its first: a value of that type
  // the sequence knows nothing of.
  return V->getType() == Ty ? V : UndefValue::get(Ty);
}

void SequenceBuilder::attachDebugInfo(Function &F) {
  const DILocation *At = Site.getDebugLoc().get();
  const DISubprogram *Caller = Site.getFunction()->getSubprogram();
  if (!At || !Caller || !Caller->getUnit())
    return;
  DIBuilder DIB(M, /*AllowUnresolved=*/false, Caller->getUnit());
  DIFile *File = At->getFile();
  DISubprogram *SP = DIB.createFunction(
      File, F.getName(), StringRef(), File, At->getLine(),
      DIB.createSubroutineType(DIB.getOrCreateTypeArray({})), At->getLine(),
      DINode::FlagArtificial | DINode::FlagPrototyped, DISubprogram::SPFlagDefinition);
  F.setSubprogram(SP);
  DIB.finalizeSubprogram(SP);
  Loc = DILocation::get(Ctx, At->getLine(), At->getColumn(), SP);
}

Function *SequenceBuilder::build() {
  collectNames();
  std::vector<Type *> Types;
  for (const auto &[Name, Ty] : Params)
    Types.push_back(Ty);
  // The framework routine the sequence stands for, when it has several.
  if (Rule.Cases.size() > 1)
    Types.push_back(Type::getInt32Ty(Ctx));
  Function *F = Function::Create(FunctionType::get(Type::getVoidTy(Ctx), Types, false),
                                 GlobalValue::ExternalLinkage,
                                 expandName(Rule.Name, Routines), M);
  for (unsigned I = 0; I < Params.size(); ++I) {
    F->getArg(I)->setName(Params[I].first);
    Values[Params[I].first] = F->getArg(I);
  }
  attachDebugInfo(*F);

  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", F));
  for (auto &[Name, Ty] : Locals)
    Values[Name] = B.CreateAlloca(Ty ? Ty : Type::getInt64Ty(Ctx), nullptr, Name);
  BasicBlock *Exit = BasicBlock::Create(Ctx, "return", F);
  SwitchInst *Choice = nullptr;
  if (Rule.Cases.size() > 1)
    Choice = B.CreateSwitch(F->getArg(F->arg_size() - 1), Exit, Rule.Cases.size());
  unsigned Unnamed = 0;
  for (unsigned C = 0; C < Rule.Cases.size(); ++C) {
    const RoleCatalog::SequenceCase &Case = Rule.Cases[C];
    BasicBlock *Block = BasicBlock::Create(Ctx, Case.Via, F, Exit);
    if (Choice)
      Choice->addCase(B.getInt32(C), Block);
    else
      B.CreateBr(Block);
    B.SetInsertPoint(Block);
    for (const RoleCatalog::SequenceStep &Step : Case.Steps) {
      Function *Callee = Routines.at(Step.Arg);
      std::vector<Value *> Args;
      for (unsigned I = 0; I < Callee->arg_size(); ++I) {
        Type *Ty = Callee->getArg(I)->getType();
        Args.push_back(I < Step.Args.size()
                           ? argument(Step.Args[I], Ty, B)
                           : argument("arg" + std::to_string(Unnamed++), Ty, B));
      }
      CallInst *Call = B.CreateCall(Callee->getFunctionType(), Callee, Args);
      Call->setCallingConv(Callee->getCallingConv());
      if (Loc)
        Call->setDebugLoc(Loc);
    }
    B.CreateBr(Exit);
  }
  B.SetInsertPoint(Exit);
  ReturnInst *Ret = B.CreateRetVoid();
  if (Loc)
    Ret->setDebugLoc(Loc);
  return F;
}

} // namespace

std::vector<SequenceEntry> addSequenceEntries(Module &M, const RoleCatalog &Catalog,
                                              std::vector<std::string> &Warnings) {
  std::vector<SequenceEntry> Out;
  if (Catalog.sequenceRules().empty())
    return Out;
  // The registrations first: each adds a function to the module.
  std::vector<std::pair<CallBase *, CalledName>> Sites;
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if (auto *CB = dyn_cast<CallBase>(&I))
        if (std::optional<CalledName> Called = calledName(*CB, Catalog.methodSlots()))
          if (any_of(Catalog.sequenceRules(), [&](const SequenceRule &R) {
                return R.RegisteredBy == Called->Name;
              }))
            Sites.push_back({CB, *Called});
  for (auto [CB, Called] : Sites) {
    std::string At = locationOf(*CB).str();
    for (const SequenceRule &Rule : Catalog.sequenceRules()) {
      if (Rule.RegisteredBy != Called.Name)
        continue;
      std::optional<std::map<unsigned, Function *>> Routines =
          callbacks(Rule, *CB, Called.HiddenArgs);
      if (!Routines) {
        Warnings.push_back("the callbacks passed to " + Rule.RegisteredBy + " at " + At +
                           " are not functions of the driver; the calls its " +
                           Rule.Role + " sequence makes are not checked");
        continue;
      }
      Function *F = SequenceBuilder(M, Rule, *CB, *Routines).build();
      std::string Problems;
      raw_string_ostream OS(Problems);
      if (verifyFunction(*F, &OS)) {
        // A callback whose type does not fit the registration's (a cast the
        // sequence cannot call through).
        Warnings.push_back("the callbacks passed to " + Rule.RegisteredBy + " at " + At +
                           " cannot be called in sequence (" + StringRef(Problems).trim().str() +
                           "); not checked");
        F->eraseFromParent();
        continue;
      }
      Out.push_back({F, Rule.Role,
                     "calls the callbacks registered by " + Rule.RegisteredBy + " at " + At,
                     CB});
    }
  }
  return Out;
}

} // namespace sdv
