//===- Roles.cpp - Driver entry routines ----------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Roles/Roles.h"
#include "sdv/Roles/Sequences.h"

#include "sdv/IR/AccessPath.h"
#include "sdv/IR/Loader.h"
#include "sdv/IR/SourceLocation.h"
#include "sdv/IR/Symbols.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/GetElementPtrTypeIterator.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;

namespace sdv {

//===----------------------------------------------------------------------===//
// Discovery
//===----------------------------------------------------------------------===//

namespace {

/// A field reached by a store, as (struct, field, optional array index).
struct FieldRef {
  std::string Struct, Field;
  std::optional<uint64_t> Index;
};

/// The named composite types with members that the module's debug info
/// describes, in the order first reached from its compile units, globals and
/// functions. (A walk of its own, not DebugInfoFinder: that one recurses
/// without bound on a type that is its own base, which verifies.)
std::vector<const DICompositeType *> namedStructs(const Module &M) {
  std::vector<const DICompositeType *> Out;
  SmallPtrSet<const MDNode *, 32> Seen;
  SmallVector<const MDNode *, 64> Work;
  auto Push = [&](const Metadata *MD) {
    if (const auto *N = dyn_cast_or_null<MDNode>(MD); N && Seen.insert(N).second)
      Work.push_back(N);
  };
  auto Drain = [&] {
    while (!Work.empty()) {
      const MDNode *N = Work.pop_back_val();
      if (const auto *C = dyn_cast<DICompositeType>(N))
        if (!C->getName().empty() && !C->getElements().empty())
          Out.push_back(C);
      // Operands in reverse, so that the first one is visited first.
      for (unsigned I = N->getNumOperands(); I-- > 0;)
        Push(N->getOperand(I));
    }
  };
  for (const DICompileUnit *CU : M.debug_compile_units()) {
    Push(CU);
    Drain();
  }
  for (const GlobalVariable &G : M.globals()) {
    SmallVector<DIGlobalVariableExpression *, 1> GVEs;
    G.getDebugInfo(GVEs);
    for (const DIGlobalVariableExpression *GVE : GVEs)
      Push(GVE);
    Drain();
  }
  for (const Function &F : M) {
    Push(F.getSubprogram());
    Drain();
    for (const Instruction &I : instructions(F))
      if (const auto *DVI = dyn_cast<DbgVariableIntrinsic>(&I)) {
        Push(DVI->getVariable());
        Drain();
      }
  }
  return Out;
}

class Discoverer {
  using FieldRule = RoleCatalog::FieldRule;

public:
  Discoverer(const Module &M, const RoleCatalog &Catalog)
      : M(M), Catalog(Catalog), DL(M.getDataLayout()) {
    for (const DICompositeType *C : namedStructs(M))
      DIStructs.try_emplace(canonicalTypeName(C->getName()), C);
    CallsThroughFields = any_of(Catalog.callRules(), [](const RoleCatalog::CallRule &R) {
      return StringRef(R.Function).contains('.');
    });
  }

  void run();
  void addSequence(const SequenceEntry &S) { add(*S.F, {S.Role, S.How, S.Site}); }
  Error addDeclared(const std::vector<DeclaredEntry> &Declared);
  /// Warns where the IR registers a declared routine in a role none of its
  /// declarations agrees with (the map says IRP_MJ_READ, DriverEntry stores
  /// it into MajorFunction[IRP_MJ_WRITE]).
  void checkDeclaredAgainstRegistrations();
  RoleDiscovery take();
  /// See RoleDiscovery::FieldStores.
  std::vector<std::optional<bool>> answer(ArrayRef<FieldStoreQuestion> Questions);

private:
  void add(const Function &F, RoleEvidence E);
  void registerValue(const Value *V, StringRef Role, const std::string &How,
                     const Instruction *Site, unsigned Depth);
  void onStore(const Value *Dest, const Value *Stored, const Instruction &Site);
  /// Registers through a catalogued wrapper inlined at \p Site: the wrapper
  /// the source called decides the role (IoInitializeDpcRequest registers
  /// an IO_DPC_ROUTINE, though the IR shows KeInitializeDpc).
  bool viaInlinedWrapper(const Instruction &Site, const Value *Routine);
  /// The catalogued framework method \p CB calls through its method
  /// table, if any.
  void onCall(const CallBase &CB);
  void onInitializer(const GlobalVariable &G);
  void scanConstant(const Constant *C, const GlobalVariable &G,
                    const FieldRef *Context);
  std::optional<FieldRef> fieldOf(const Value *Dest, const Function &F,
                                  const Instruction *Site = nullptr);
  std::optional<FieldRef> fieldFromMetadata(const Instruction &Site);
  std::optional<FieldRef> fieldFromIR(const Value *Dest);
  std::optional<FieldRef> fieldFromDebugInfo(const Value *Dest, const Function &F);
  std::optional<std::string> fieldName(StructType *ST, unsigned Index);
  const FieldRule *matchField(const FieldRef &Ref) const;
  /// Whether structure \p Struct is \p Base or begins as it does (see
  /// RoleCatalog::Derivation).
  bool derivesFrom(StringRef Struct, StringRef Base) const;
  std::string roleFor(const RoleCatalog::FieldRule &Rule,
                      const FieldRef &Ref) const;
  AccessPathBuilder &builder(const Function &F);

  const Module &M;
  const RoleCatalog &Catalog;
  const DataLayout &DL;
  StringMap<const DICompositeType *> DIStructs;
  /// Whether some call rule names a call through a structure field.
  bool CallsThroughFields = false;
  /// derivesFrom's answers, by "Struct/Base".
  mutable StringMap<bool> Derives;
  DenseMap<const Function *, std::unique_ptr<AccessPathBuilder>> Builders;
  DenseMap<const Function *, unsigned> Index;
  std::vector<EntryRoutine> Entries;
  std::vector<std::string> Warnings;
  /// Roles declared by the user, in the order given.
  struct DeclaredRole {
    const Function *F;
    std::string Role, Origin;
  };
  std::vector<DeclaredRole> DeclaredRoles;
  /// What the IR alone says of each routine (add() keeps only the first
  /// evidence of a role, and declarations come first).
  DenseMap<const Function *, std::vector<RoleEvidence>> Registered;
  bool AddingDeclared = false;
};

AccessPathBuilder &Discoverer::builder(const Function &F) {
  std::unique_ptr<AccessPathBuilder> &B = Builders[&F];
  if (!B)
    B = std::make_unique<AccessPathBuilder>(F, DL);
  return *B;
}

void Discoverer::add(const Function &F, RoleEvidence E) {
  if (!AddingDeclared) {
    std::vector<RoleEvidence> &Seen = Registered[&F];
    if (none_of(Seen, [&](const RoleEvidence &X) { return X.Role == E.Role; }))
      Seen.push_back(E);
  }
  auto [It, Inserted] = Index.try_emplace(&F, Entries.size());
  if (Inserted) {
    Entries.push_back({&F, {std::move(E)}});
    return;
  }
  EntryRoutine &Entry = Entries[It->second];
  if (none_of(Entry.Evidence,
              [&](const RoleEvidence &X) { return X.Role == E.Role; }))
    Entry.Evidence.push_back(std::move(E));
}

void Discoverer::registerValue(const Value *V, StringRef Role,
                               const std::string &How, const Instruction *Site,
                               unsigned Depth) {
  V = stripConversions(V);
  if (const auto *F = dyn_cast<Function>(V)) {
    if (!F->isDeclaration())
      add(*F, {Role.str(), How, Site});
    return;
  }
  if (Depth >= 4)
    return;
  if (const auto *Sel = dyn_cast<SelectInst>(V)) {
    registerValue(Sel->getTrueValue(), Role, How, Site, Depth + 1);
    registerValue(Sel->getFalseValue(), Role, How, Site, Depth + 1);
    return;
  }
  if (const auto *Phi = dyn_cast<PHINode>(V)) {
    for (const Value *In : Phi->incoming_values())
      registerValue(In, Role, How, Site, Depth + 1);
    return;
  }
  // A wrapper's parameter: the routine comes from the wrapper's callers.
  const auto *A = dyn_cast<Argument>(V);
  if (!A)
    return;
  for (auto [CB, Actual] : actualArguments(*A)) {
    registerValue(Actual, Role,
                  How + " through '" + sourceName(*A->getParent()) + "' called at " +
                      locationOf(*CB).str(),
                  CB, Depth + 1);
  }
}

std::optional<std::string> Discoverer::fieldName(StructType *ST, unsigned I) {
  if (!ST->hasName())
    return std::nullopt;
  std::string Name = canonicalTypeName(ST->getName());
  auto It = DIStructs.find(Name);
  if (It != DIStructs.end() && I < ST->getNumElements()) {
    uint64_t Offset = DL.getStructLayout(ST)->getElementOffset(I);
    FieldChain Chain = fieldsAt(It->second, Offset);
    if (!Chain.Steps.empty() && !Chain.Steps.front().Index)
      return Chain.Steps.front().Name.str();
  }
  if (const std::vector<std::string> *Order = Catalog.fieldOrder(Name))
    if (I < Order->size())
      return (*Order)[I];
  return std::nullopt;
}

std::optional<FieldRef> Discoverer::fieldFromIR(const Value *Dest) {
  // The innermost struct field the GEP indexes, and a constant array index
  // right after it: `gep %struct._DRIVER_OBJECT, %d, 0, 14, 3` is
  // MajorFunction[3]; a separate array GEP on top of a field GEP is read the
  // same way, and a variable index leaves the index unknown.
  const auto *GEP = dyn_cast<GEPOperator>(Dest);
  if (!GEP)
    return std::nullopt;
  std::optional<uint64_t> OuterIndex;
  if (isa<ArrayType>(GEP->getSourceElementType()) && GEP->getNumIndices() == 2) {
    if (const auto *CI = dyn_cast<ConstantInt>(GEP->getOperand(2)))
      OuterIndex = CI->getZExtValue();
    GEP = dyn_cast<GEPOperator>(GEP->getPointerOperand());
    if (!GEP)
      return std::nullopt;
  }
  std::optional<FieldRef> Found;
  bool AfterField = false;
  for (gep_type_iterator It = gep_type_begin(GEP), End = gep_type_end(GEP);
       It != End; ++It) {
    if (StructType *ST = It.getStructTypeOrNull()) {
      const auto *Field = dyn_cast<ConstantInt>(It.getOperand());
      std::optional<std::string> Name =
          Field ? fieldName(ST, Field->getZExtValue()) : std::nullopt;
      if (!Name || !ST->hasName()) {
        Found.reset();
        AfterField = false;
        continue;
      }
      Found = FieldRef{canonicalTypeName(ST->getName()), *Name, std::nullopt};
      AfterField = true;
      continue;
    }
    if (AfterField && Found && isa<ArrayType>(It.getIndexedType())) {
      if (const auto *CI = dyn_cast<ConstantInt>(It.getOperand()))
        Found->Index = CI->getZExtValue();
    }
    AfterField = false;
  }
  if (Found && !Found->Index)
    Found->Index = OuterIndex;
  return Found;
}

std::optional<FieldRef> Discoverer::fieldFromMetadata(const Instruction &Site) {
  const MDNode *MD = Site.getMetadata(FieldStoreMD);
  if (!MD || MD->getNumOperands() != 3)
    return std::nullopt;
  const auto *Name = dyn_cast<MDString>(MD->getOperand(0));
  const auto *Field = mdconst::dyn_extract<ConstantInt>(MD->getOperand(1));
  const auto *Index = mdconst::dyn_extract<ConstantInt>(MD->getOperand(2));
  StructType *ST = Name ? StructType::getTypeByName(Site.getContext(), Name->getString())
                        : nullptr;
  if (!ST || !Field || !Index)
    return std::nullopt;
  std::optional<std::string> FieldName = fieldName(ST, Field->getZExtValue());
  if (!FieldName)
    return std::nullopt;
  FieldRef Ref{canonicalTypeName(ST->getName()), *FieldName, std::nullopt};
  if (Index->getSExtValue() >= 0)
    Ref.Index = Index->getZExtValue();
  return Ref;
}

std::optional<FieldRef> Discoverer::fieldOf(const Value *Dest, const Function &F,
                                            const Instruction *Site) {
  // The debug-info view first (it sees through byte GEPs at -O2); the GEP's
  // own struct type when that names no registration field (a structure
  // overlaid on another's reserved bytes, a PVOID-typed base).
  std::optional<FieldRef> ByDebugInfo = fieldFromDebugInfo(Dest, F);
  if (ByDebugInfo && matchField(*ByDebugInfo))
    return ByDebugInfo;
  if (std::optional<FieldRef> ByIR = fieldFromIR(Dest); ByIR && matchField(*ByIR))
    return ByIR;
  if (Site)
    if (std::optional<FieldRef> Marked = fieldFromMetadata(*Site);
        Marked && matchField(*Marked))
      return Marked;
  return ByDebugInfo;
}

std::optional<FieldRef> Discoverer::fieldFromDebugInfo(const Value *Dest,
                                                       const Function &F) {
  FieldChain Chain = builder(F).pathOf(Dest).lastFields();
  // The innermost named field, and an array index right after it.
  for (int I = Chain.Steps.size() - 1; I >= 0; --I) {
    const FieldStep &Step = Chain.Steps[I];
    if (Step.Index || !Step.Parent)
      continue;
    FieldRef Ref{std::string(structName(Step.Parent)), Step.Name.str(), std::nullopt};
    if (I + 1 < (int)Chain.Steps.size() && Chain.Steps[I + 1].Index)
      Ref.Index = Chain.Steps[I + 1].Index;
    return Ref;
  }
  return std::nullopt;
}

const RoleCatalog::FieldRule *Discoverer::matchField(const FieldRef &Ref) const {
  for (const FieldRule &Rule : Catalog.fieldRules())
    if (!Rule.Derived && Rule.Struct == Ref.Struct && Rule.Field == Ref.Field)
      return &Rule;
  for (const FieldRule &Rule : Catalog.fieldRules())
    if (Rule.Derived && (Rule.Field.empty() || Rule.Field == Ref.Field) &&
        derivesFrom(Ref.Struct, Rule.Struct))
      return &Rule;
  return nullptr;
}

bool Discoverer::derivesFrom(StringRef Struct, StringRef Base) const {
  if (Struct == Base)
    return true;
  auto [It, Inserted] = Derives.try_emplace((Struct + "/" + Base).str(), false);
  if (!Inserted)
    return It->second;
  const RoleCatalog::Derivation *D = nullptr;
  for (const RoleCatalog::Derivation &X : Catalog.derivations())
    if (X.Base == Base)
      D = &X;
  auto Found = DIStructs.find(Struct);
  if (!D || Found == DIStructs.end())
    return false;
  SmallVector<const DIDerivedType *, 8> Members;
  for (const DINode *E : Found->second->getElements())
    if (const auto *Member = dyn_cast<DIDerivedType>(E);
        Member && Member->getTag() == dwarf::DW_TAG_member)
      Members.push_back(Member);
  if (Members.empty())
    return false;
  // The base as the first member, or the base's fields repeated.
  const DIType *First = Members.front()->getBaseType();
  while (const auto *Typedef = dyn_cast_or_null<DIDerivedType>(First)) {
    if (Typedef->getTag() != dwarf::DW_TAG_typedef)
      break;
    First = Typedef->getBaseType();
  }
  bool Derived = false;
  if (const auto *C = dyn_cast_or_null<DICompositeType>(First))
    Derived = canonicalTypeName(C->getName()) == Base;
  if (!Derived && Members.size() >= D->Fields.size())
    Derived = all_of(seq<size_t>(0, D->Fields.size()),
                     [&](size_t I) { return Members[I]->getName() == D->Fields[I]; });
  return Derives[(Struct + "/" + Base).str()] = Derived;
}

std::string Discoverer::roleFor(const FieldRule &Rule, const FieldRef &Ref) const {
  if (Ref.Index && *Ref.Index < Rule.IndexRoles.size())
    return Rule.IndexRoles[*Ref.Index];
  return Rule.Role;
}

bool Discoverer::viaInlinedWrapper(const Instruction &Site, const Value *Routine) {
  const RoleCatalog::CallRule *Outer = nullptr;
  const DILocation *CallSite = nullptr;
  for (const DILocation *DL = Site.getDebugLoc().get(); DL && DL->getInlinedAt();
       DL = DL->getInlinedAt()) {
    const DISubprogram *SP = DL->getScope()->getSubprogram();
    if (!SP)
      continue;
    for (const RoleCatalog::CallRule &Rule : Catalog.callRules())
      if (Rule.Function == SP->getName() && !Rule.WhenArg) {
        Outer = &Rule;
        CallSite = DL->getInlinedAt();
      }
  }
  if (!Outer)
    return false;
  registerValue(Routine, Outer->Role,
                "passed to " + Outer->Function + " (inlined) at " +
                    locationOf(*CallSite).str(),
                &Site, 0);
  return true;
}

void Discoverer::onStore(const Value *Dest, const Value *Stored,
                         const Instruction &Site) {
  // Interlocked exchanges of pointers work on integers: `ptrtoint @F`, or a
  // phi of such when -O2 merged two exchanges.
  const Value *V = stripConversions(Stored);
  if (!isa<Function>(V) && !isa<Argument>(V) && !isa<PHINode>(V) &&
      !isa<SelectInst>(V))
    return;
  std::optional<FieldRef> Ref = fieldOf(Dest, *Site.getFunction(), &Site);
  if (!Ref)
    return;
  const FieldRule *Rule = matchField(*Ref);
  if (!Rule || viaInlinedWrapper(Site, V))
    return;
  std::string Where = Ref->Struct + "." + Ref->Field;
  if (Ref->Index)
    Where += "[" + std::to_string(*Ref->Index) + "]";
  registerValue(V, roleFor(*Rule, *Ref),
                "stored into " + Where + " at " + locationOf(Site).str(), &Site,
                0);
}

void Discoverer::onCall(const CallBase &CB) {
  // A framework method is called by name, or through its method table with
  // the framework's own arguments first.
  std::optional<CalledName> Called = calledName(CB, Catalog.methodSlots());
  std::string ThroughField;
  if (!Called && CallsThroughFields) {
    // A call of a routine read from a structure field is named STRUCT.FIELD
    // (`Adapter->DmaOperations->AllocateAdapterChannel(...)`).
    const auto *Load = dyn_cast<LoadInst>(CB.getCalledOperand()->stripPointerCasts());
    if (!Load)
      return;
    std::optional<FieldRef> Ref =
        fieldFromDebugInfo(Load->getPointerOperand(), *CB.getFunction());
    if (!Ref)
      Ref = fieldFromIR(Load->getPointerOperand());
    if (!Ref)
      return;
    ThroughField = Ref->Struct + "." + Ref->Field;
    Called = CalledName{ThroughField, 0};
  }
  if (!Called)
    return;
  StringRef Name = Called->Name;
  unsigned Hidden = Called->HiddenArgs;
  for (const RoleCatalog::CallRule &Spec : Catalog.callRules()) {
    if (Spec.Function != Name)
      continue;
    RoleCatalog::CallRule Rule = Spec;
    Rule.Arg += Hidden;
    if (Rule.WhenArg)
      *Rule.WhenArg += Hidden;
    if (Rule.IntoArg)
      *Rule.IntoArg += Hidden;
    if (CB.arg_size() <= Rule.Arg)
      continue;
    std::string How = "passed to " + Rule.Function;
    if (Rule.WhenArg) {
      if (CB.arg_size() <= *Rule.WhenArg)
        continue;
      const auto *Code = dyn_cast<ConstantInt>(CB.getArgOperand(*Rule.WhenArg));
      if (!Code || Code->getZExtValue() != Rule.Equals)
        continue;
      How += "(" + utohexstr(Rule.Equals, /*LowerCase=*/true).insert(0, "0x") + ")";
    }
    if (Rule.IntoArg) {
      // A fill of a routine table: the routine lands in every slot.
      if (CB.arg_size() <= *Rule.IntoArg)
        continue;
      std::optional<FieldRef> Ref = fieldOf(CB.getArgOperand(*Rule.IntoArg), *CB.getFunction());
      const FieldRule *Field = Ref ? matchField(*Ref) : nullptr;
      if (!Field)
        continue;
      registerValue(CB.getArgOperand(Rule.Arg), Field->Role,
                    "filled into " + Ref->Struct + "." + Ref->Field + " by " +
                        Rule.Function + " at " + locationOf(CB).str(),
                    &CB, 0);
      continue;
    }
    if (viaInlinedWrapper(CB, CB.getArgOperand(Rule.Arg)))
      return;
    registerValue(CB.getArgOperand(Rule.Arg), Rule.Role,
                  How + " at " + locationOf(CB).str(), &CB, 0);
  }
}

void Discoverer::scanConstant(const Constant *C, const GlobalVariable &G,
                              const FieldRef *Context) {
  if (const auto *CS = dyn_cast<ConstantStruct>(C)) {
    StructType *ST = CS->getType();
    for (unsigned I = 0; I < CS->getNumOperands(); ++I) {
      const Constant *Elem = CS->getOperand(I);
      std::optional<std::string> Name = fieldName(ST, I);
      FieldRef Ref;
      if (Name && ST->hasName())
        Ref = {canonicalTypeName(ST->getName()), *Name, std::nullopt};
      if (isa<Function>(Elem->stripPointerCasts())) {
        if (!Name)
          continue;
        if (const FieldRule *Rule = matchField(Ref))
          add(*cast<Function>(Elem->stripPointerCasts()),
              {roleFor(*Rule, Ref),
               "initializer of '" + G.getName().str() + "' sets " + Ref.Struct +
                   "." + Ref.Field,
               nullptr});
        continue;
      }
      scanConstant(Elem, G, Name ? &Ref : nullptr);
    }
    return;
  }
  if (const auto *CA = dyn_cast<ConstantArray>(C)) {
    for (unsigned I = 0; I < CA->getNumOperands(); ++I) {
      const Constant *Elem = CA->getOperand(I);
      const auto *F = dyn_cast<Function>(Elem->stripPointerCasts());
      if (!F) {
        scanConstant(Elem, G, nullptr);
        continue;
      }
      if (!Context)
        continue;
      FieldRef Ref = *Context;
      Ref.Index = I;
      if (const FieldRule *Rule = matchField(Ref))
        add(*F, {roleFor(*Rule, Ref),
                 "initializer of '" + G.getName().str() + "' sets " +
                     Ref.Struct + "." + Ref.Field + "[" + std::to_string(I) + "]",
                 nullptr});
    }
  }
}

void Discoverer::onInitializer(const GlobalVariable &G) {
  if (G.hasInitializer())
    scanConstant(G.getInitializer(), G, nullptr);
}

void Discoverer::run() {
  for (const RoleCatalog::ByName &B : Catalog.byName())
    for (const Function &F : M)
      if (!F.isDeclaration() && normalizeSymbol(F.getName()) == B.Function)
        add(F, {B.Role, "by its name", nullptr});

  for (const GlobalVariable &G : M.globals())
    onInitializer(G);

  for (const Function &F : M) {
    for (const Instruction &I : instructions(F)) {
      if (const auto *SI = dyn_cast<StoreInst>(&I))
        onStore(SI->getPointerOperand(), SI->getValueOperand(), I);
      else if (const auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
        if (RMW->getOperation() == AtomicRMWInst::Xchg)
          onStore(RMW->getPointerOperand(), RMW->getValOperand(), I);
      } else if (const auto *CX = dyn_cast<AtomicCmpXchgInst>(&I))
        onStore(CX->getPointerOperand(), CX->getNewValOperand(), I);
      else if (const auto *CB = dyn_cast<CallBase>(&I))
        onCall(*CB);
    }
  }
  // Last: a routine also registered in a role of its own is named by it.
  if (!Catalog.exportedRole().empty())
    for (const Function &F : M)
      if (!F.isDeclaration() && F.hasDLLExportStorageClass())
        add(F, {Catalog.exportedRole().str(), "exported (dllexport)", nullptr});
}

Error Discoverer::addDeclared(const std::vector<DeclaredEntry> &Declared) {
  AddingDeclared = true;
  auto Done = make_scope_exit([&] { AddingDeclared = false; });
  for (const DeclaredEntry &D : Declared) {
    std::optional<std::string> Role = Catalog.resolveRole(D.Role);
    if (!Role)
      return createStringError(inconvertibleErrorCode(),
                               D.Origin + ": unknown role '" + D.Role + "'");
    const Function *Found = nullptr;
    for (const Function &F : M)
      if (!F.isDeclaration() && (normalizeSymbol(F.getName()) == D.Function ||
                                 sourceName(F) == D.Function))
        Found = &F;
    if (!Found) {
      std::string Message = D.Origin + ": no function named '" + D.Function +
                            "' is defined in the input";
      if (D.Strict)
        return createStringError(inconvertibleErrorCode(), Message);
      Warnings.push_back(Message + "; ignored");
      continue;
    }
    if (D.Reach) {
      add(*Found, {*Role, "exported (" + D.Origin + ")", nullptr});
      continue;
    }
    add(*Found, {*Role, "declared by " + D.Origin, nullptr});
    DeclaredRoles.push_back({Found, *Role, D.Origin});
  }
  return Error::success();
}

void Discoverer::checkDeclaredAgainstRegistrations() {
  // One warning per routine and registered role, at the routine's first
  // declaration, in the order the declarations were given.
  DenseSet<const Function *> Done;
  for (const DeclaredRole &D : DeclaredRoles) {
    if (!Done.insert(D.F).second)
      continue;
    auto It = Registered.find(D.F);
    if (It == Registered.end())
      continue;
    std::vector<std::string> Declared;
    for (const DeclaredRole &Other : DeclaredRoles)
      if (Other.F == D.F && !is_contained(Declared, Other.Role))
        Declared.push_back(Other.Role);
    for (const RoleEvidence &E : It->second) {
      // Being exported is how a routine is reached, not a role it is in.
      if (E.Role == Catalog.exportedRole())
        continue;
      if (any_of(Declared, [&](const std::string &R) {
            return Catalog.compatible(R, E.Role);
          }))
        continue;
      Warnings.push_back(D.Origin + ": '" + sourceName(*D.F) + "' is declared " +
                         join(Declared, ", ") + ", but the driver registers it as " +
                         E.Role + " (" + E.How + ")");
    }
  }
}

std::vector<std::optional<bool>>
Discoverer::answer(ArrayRef<FieldStoreQuestion> Questions) {
  // A structure the module has no type of is never stored into; the stores
  // are read once for the questions left.
  auto InIR = [&](StringRef Struct) {
    for (StringRef Kind : {"struct.", "union."})
      for (StringRef Underscores : {"", "_", "__"})
        if (StructType::getTypeByName(M.getContext(),
                                      (Kind + Underscores + Struct).str()))
          return true;
    return false;
  };
  enum { Never, Found, Unknown };
  std::vector<int> States(Questions.size(), Never);
  SmallVector<unsigned, 4> Open;
  for (unsigned Q = 0; Q < Questions.size(); ++Q)
    if (DIStructs.count(Questions[Q].Struct) || InIR(Questions[Q].Struct))
      Open.push_back(Q);
  auto Matches = [&](const std::optional<FieldRef> &Ref, const FieldStoreQuestion &Q) {
    return Ref && Ref->Struct == Q.Struct && Ref->Field == Q.Field;
  };
  for (const Function &F : M) {
    if (Open.empty())
      break;
    for (const Instruction &I : instructions(F)) {
      const auto *SI = dyn_cast<StoreInst>(&I);
      if (!SI)
        continue;
      std::optional<FieldRef> ByDebugInfo = fieldFromDebugInfo(SI->getPointerOperand(), F);
      std::optional<FieldRef> ByIR;
      for (unsigned Q : Open) {
        const FieldStoreQuestion &Question = Questions[Q];
        if (!Matches(ByDebugInfo, Question)) {
          if (!ByIR)
            ByIR = fieldFromIR(SI->getPointerOperand());
          if (!Matches(ByIR, Question))
            continue;
        }
        const auto *C = dyn_cast<ConstantInt>(SI->getValueOperand());
        if (!Question.Value || (C && C->getSExtValue() == *Question.Value))
          States[Q] = Found;
        else if (!C)
          States[Q] = Unknown;
      }
      llvm::erase_if(Open, [&](unsigned Q) { return States[Q] == Found; });
    }
  }
  std::vector<std::optional<bool>> Answers;
  for (int State : States)
    Answers.push_back(State == Unknown ? std::nullopt : std::optional<bool>(State == Found));
  return Answers;
}

RoleDiscovery Discoverer::take() {
  RoleDiscovery R;
  R.Entries = std::move(Entries);
  llvm::sort(R.Entries, [](const EntryRoutine &A, const EntryRoutine &B) {
    return std::make_pair(sourceName(*A.F), A.F->getName()) <
           std::make_pair(sourceName(*B.F), B.F->getName());
  });
  R.Warnings = std::move(Warnings);
  return R;
}

} // namespace

Expected<RoleDiscovery> findEntryRoutines(const Module &M,
                                          const RoleCatalog &Catalog,
                                          const std::vector<DeclaredEntry> &Declared,
                                          const std::vector<FieldStoreQuestion> &Questions,
                                          ArrayRef<SequenceEntry> Sequences) {
  Discoverer D(M, Catalog);
  // Declared roles come first: they are the user's word; export lists,
  // which say only that other drivers call a routine, come last.
  std::vector<DeclaredEntry> Roles, Reached;
  for (const DeclaredEntry &E : Declared)
    (E.Reach ? Reached : Roles).push_back(E);
  if (Error E = D.addDeclared(Roles))
    return std::move(E);
  D.run();
  if (Error E = D.addDeclared(Reached))
    return std::move(E);
  for (const SequenceEntry &S : Sequences)
    D.addSequence(S);
  D.checkDeclaredAgainstRegistrations();
  std::vector<std::optional<bool>> Answers = D.answer(Questions);
  RoleDiscovery R = D.take();
  R.FieldStores = std::move(Answers);
  return R;
}

} // namespace sdv
