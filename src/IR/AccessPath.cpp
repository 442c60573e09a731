//===- AccessPath.cpp - Objects named by access paths ---------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/IR/AccessPath.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace sdv {

//===----------------------------------------------------------------------===//
// Debug-info types
//===----------------------------------------------------------------------===//

const Value *stripConversions(const Value *V) {
  for (;;) {
    V = V->stripPointerCasts();
    if (const auto *Op = dyn_cast<Operator>(V);
        Op && (Op->getOpcode() == Instruction::PtrToInt ||
               Op->getOpcode() == Instruction::IntToPtr ||
               Op->getOpcode() == Instruction::ZExt ||
               Op->getOpcode() == Instruction::Trunc)) {
      V = Op->getOperand(0);
      continue;
    }
    return V;
  }
}

SmallVector<std::pair<const CallBase *, const Value *>, 4>
actualArguments(const Argument &A) {
  SmallVector<std::pair<const CallBase *, const Value *>, 4> Out;
  const Function *F = A.getParent();
  for (const User *U : F->users())
    if (const auto *CB = dyn_cast<CallBase>(U);
        CB && CB->getCalledOperand() == F && A.getArgNo() < CB->arg_size())
      Out.push_back({CB, CB->getArgOperand(A.getArgNo())});
  return Out;
}

std::string canonicalTypeName(StringRef Name) {
  Name.consume_front("struct.");
  Name.consume_front("union.");
  while (Name.consume_front("_"))
    ;
  size_t Dot = Name.find('.');
  if (Dot != StringRef::npos && all_of(Name.substr(Dot + 1), isDigit))
    Name = Name.take_front(Dot);
  return Name.str();
}

const DIType *stripTypedefs(const DIType *Ty) {
  while (const auto *D = dyn_cast_or_null<DIDerivedType>(Ty)) {
    switch (D->getTag()) {
    case dwarf::DW_TAG_typedef:
    case dwarf::DW_TAG_const_type:
    case dwarf::DW_TAG_volatile_type:
    case dwarf::DW_TAG_restrict_type:
    case dwarf::DW_TAG_atomic_type:
      Ty = D->getBaseType();
      continue;
    default:
      return Ty;
    }
  }
  return Ty;
}

const DIType *pointeeType(const DIType *Ty) {
  const auto *D = dyn_cast_or_null<DIDerivedType>(stripTypedefs(Ty));
  if (!D)
    return nullptr;
  if (D->getTag() != dwarf::DW_TAG_pointer_type &&
      D->getTag() != dwarf::DW_TAG_reference_type)
    return nullptr;
  return D->getBaseType();
}

StringRef structName(const DICompositeType *Ty) {
  StringRef Name = Ty->getName();
  while (Name.consume_front("_"))
    ;
  return Name;
}

static uint64_t sizeInBytes(const DIType *Ty) {
  Ty = stripTypedefs(Ty);
  return Ty ? Ty->getSizeInBits() / 8 : 0;
}

static bool isAggregate(const DIType *Ty) {
  const auto *C = dyn_cast_or_null<DICompositeType>(stripTypedefs(Ty));
  if (!C)
    return false;
  unsigned Tag = C->getTag();
  return Tag == dwarf::DW_TAG_structure_type ||
         Tag == dwarf::DW_TAG_union_type || Tag == dwarf::DW_TAG_class_type ||
         Tag == dwarf::DW_TAG_array_type;
}

std::string FieldChain::str() const {
  std::string S;
  for (const FieldStep &Step : Steps) {
    if (Step.Index) {
      S += "[" + std::to_string(*Step.Index) + "]";
      continue;
    }
    if (!S.empty())
      S += ".";
    S += Step.Name.str();
  }
  if (Residue)
    S += "@" + std::to_string(Residue);
  return S;
}

bool isNamedType(const DIType *Ty, StringRef Name) {
  if (Name.empty())
    return false;
  while (Ty) {
    StringRef TyName = Ty->getName();
    while (TyName.consume_front("_"))
      ;
    if (!TyName.empty() && TyName == Name)
      return true;
    const auto *D = dyn_cast<DIDerivedType>(Ty);
    if (!D)
      return false;
    switch (D->getTag()) {
    case dwarf::DW_TAG_typedef:
    case dwarf::DW_TAG_const_type:
    case dwarf::DW_TAG_volatile_type:
    case dwarf::DW_TAG_restrict_type:
    case dwarf::DW_TAG_atomic_type:
      Ty = D->getBaseType();
      continue;
    default:
      return false;
    }
  }
  return false;
}

FieldChain fieldsAt(const DIType *Ty, uint64_t Offset, StringRef ObjectType) {
  FieldChain Chain;
  Chain.Type = Ty;
  uint64_t Start = Offset;
  bool Matched = false;
  // The nearest named struct around the current one, and where the current
  // one starts inside it.
  const DICompositeType *Named = nullptr;
  uint64_t NamedBase = 0;
  // Descend while the offset lies inside an aggregate: the innermost scalar
  // at the offset is the object (a lock at offset 0 of a struct is the lock,
  // not the struct).
  for (unsigned Depth = 0; Depth < 32; ++Depth) {
    if (isNamedType(Chain.Type, ObjectType)) {
      Matched = true;
      break;
    }
    const auto *C = dyn_cast_or_null<DICompositeType>(stripTypedefs(Chain.Type));
    if (!C || !isAggregate(C))
      break;
    if (C->getTag() == dwarf::DW_TAG_array_type) {
      uint64_t ElemSize = sizeInBytes(C->getBaseType());
      if (ElemSize == 0)
        break;
      Chain.Steps.push_back({nullptr, "", Offset / ElemSize, 0});
      Offset %= ElemSize;
      Chain.Type = C->getBaseType();
      Named = nullptr;
      continue;
    }
    const DIDerivedType *Found = nullptr;
    for (const DINode *N : C->getElements()) {
      const auto *M = dyn_cast_or_null<DIDerivedType>(N);
      if (!M || M->getTag() != dwarf::DW_TAG_member || M->isStaticMember() ||
          M->isBitField())
        continue;
      uint64_t Begin = M->getOffsetInBits() / 8;
      uint64_t Size = M->getSizeInBits() / 8;
      if (Size == 0)
        Size = sizeInBytes(M->getBaseType());
      if (Offset >= Begin && (Offset < Begin + Size || (Size == 0 && Offset == Begin))) {
        Found = M;
        break;
      }
    }
    if (!Found)
      break;
    uint64_t MemberOffset = Found->getOffsetInBits() / 8;
    Offset -= MemberOffset;
    if (!C->getName().empty() || !Named) {
      Named = C;
      NamedBase = 0;
    }
    // Members of anonymous structs and unions are named as if they were
    // members of the enclosing one, as in C.
    if (!Found->getName().empty())
      Chain.Steps.push_back({Named, Found->getName(), std::nullopt,
                             NamedBase + MemberOffset});
    NamedBase += MemberOffset;
    Chain.Type = Found->getBaseType();
  }
  if (!ObjectType.empty() && !Matched && Start == 0) {
    // No field of the object's type here: the object is the pointee itself.
    FieldChain Whole;
    Whole.Type = Ty;
    return Whole;
  }
  Chain.Residue = Offset;
  return Chain;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

/// The C name of a type, for a cast: its typedef name, or its tag without
/// the leading underscores of the `typedef struct _X {...} X;` convention.
static std::string typeName(const DIType *Ty) {
  for (const DIType *T = Ty; T;) {
    if (const auto *C = dyn_cast<DICompositeType>(T))
      return C->getName().empty() ? "void" : structName(C).str();
    if (!T->getName().empty())
      return T->getName().str();
    const auto *D = dyn_cast<DIDerivedType>(T);
    if (!D)
      break;
    T = D->getBaseType();
  }
  return "void";
}

/// The outermost member of Ty that starts at byte Offset.
static StringRef memberStartingAt(const DIType *Ty, uint64_t Offset) {
  const auto *C = dyn_cast_or_null<DICompositeType>(stripTypedefs(Ty));
  if (!C)
    return "";
  for (const DINode *N : C->getElements())
    if (const auto *M = dyn_cast_or_null<DIDerivedType>(N);
        M && M->getTag() == dwarf::DW_TAG_member && !M->isBitField() &&
        M->getOffsetInBits() / 8 == Offset && !M->getName().empty())
      return M->getName();
  return "";
}

/// `Ptr` moved by Bytes and cast to a pointer to Ty, as the driver wrote it:
/// `CONTAINING_RECORD(Ptr, Ty, Field)` when Ptr points to a field of Ty.
static std::string castPointer(const std::string &Ptr, bool PtrIsObject,
                               int64_t Bytes, const DIType *Ty) {
  std::string Address = PtrIsObject ? "&" + Ptr : Ptr;
  std::string Name = typeName(Ty);
  if (Bytes < 0)
    if (StringRef Field = memberStartingAt(Ty, uint64_t(-Bytes)); !Field.empty())
      return "CONTAINING_RECORD(" + Address + ", " + Name + ", " + Field.str() + ")";
  if (Bytes == 0)
    return "((" + Name + " *)" + Address + ")";
  return "((" + Name + " *)((char *)" + Address + (Bytes < 0 ? " - " : " + ") +
         std::to_string(Bytes < 0 ? -Bytes : Bytes) + "))";
}

std::string NamedPath::render(StringRef ObjectType) const {
  // `Cur` is either the name of a pointer value (Deref is pending) or the
  // name of an object whose address the path holds.
  bool IsObject = Path.Kind == PathBase::Global || Path.Kind == PathBase::Local;
  std::string Cur = BaseName;
  std::string Object;
  for (unsigned I = 0; I < Path.Offsets.size(); ++I) {
    const PathSegmentView &Seg = Segments[I];
    if (I > 0) {
      // The previous object was loaded: it is now a pointer value.
      IsObject = false;
      Cur = Seg.Var.empty() ? Object : Seg.Var;
    }
    int64_t Off = Path.Offsets[I];
    if (Seg.CastAt && Seg.Pointee) {
      Cur = Seg.CastVar.empty() ? castPointer(Cur, IsObject, *Seg.CastAt, Seg.Pointee)
                                : Seg.CastVar;
      IsObject = false;
      Off -= *Seg.CastAt;
    }
    FieldChain Chain;
    bool Last = I + 1 == Path.Offsets.size();
    if (Seg.Pointee && Off >= 0)
      Chain = fieldsAt(Seg.Pointee, Off, Last ? ObjectType : StringRef());
    if (!Seg.Pointee || Off < 0) {
      Chain.Residue = Off;
    }
    std::string Fields = Chain.str();
    if (Fields.empty()) {
      Object = IsObject ? Cur : "*" + Cur;
    } else if (Fields.front() == '[' || Fields.front() == '@') {
      Object = IsObject ? Cur + Fields : (Fields.front() == '['
                                              ? Cur + Fields
                                              : "(*" + Cur + ")" + Fields);
    } else {
      Object = Cur + (IsObject ? "." : "->") + Fields;
    }
  }
  return Object;
}

std::string NamedPath::renderValue() const {
  if (Path.Offsets.back() != 0 || Segments.back().CastAt)
    return "&" + render();
  if (Path.derefs() == 0 && !Segments.back().Var.empty())
    return Segments.back().Var;
  if (Path.derefs() == 0)
    return Path.Kind == PathBase::Global || Path.Kind == PathBase::Local ? "&" + BaseName
                                                                         : BaseName;
  // The value was loaded: it is the object at the path before the load.
  NamedPath Holder = *this;
  Holder.Path.Offsets.pop_back();
  Holder.Segments.pop_back();
  return Holder.render();
}

FieldChain NamedPath::lastFields() const {
  const PathSegmentView &Seg = Segments.back();
  // After a cast the type describes the object from where it was cast.
  int64_t Offset = Path.Offsets.back() - Seg.CastAt.value_or(0);
  if (!Seg.Pointee || Offset < 0)
    return FieldChain();
  return fieldsAt(Seg.Pointee, Offset);
}

std::optional<NamedPath> pathAfter(const NamedPath &Object, const NamedPath &Prefix) {
  const AccessPath &O = Object.Path, &Q = Prefix.Path;
  if (O.Kind != Q.Kind || O.Base != Q.Base || O.Generation != Q.Generation ||
      O.Offsets.size() < Q.Offsets.size())
    return std::nullopt;
  size_t M = Q.Offsets.size();
  for (size_t I = 0; I + 1 < M; ++I)
    if (O.Offsets[I] != Q.Offsets[I])
      return std::nullopt;
  NamedPath Rest;
  Rest.Path.Offsets.assign(O.Offsets.begin() + (M - 1), O.Offsets.end());
  Rest.Path.Offsets.front() -= Q.Offsets.back();
  Rest.Segments.assign(Object.Segments.begin() + (M - 1), Object.Segments.end());
  return Rest;
}

NamedPath rebasePath(const NamedPath &Callee, const NamedPath &Actual) {
  NamedPath R = Actual;
  PathSegmentView &Joint = R.Segments.back();
  const DIType *CalleeType = Callee.Segments.front().Pointee;
  int64_t Start = R.Path.Offsets.back();
  if (!Joint.Pointee && Start == 0) {
    Joint.Pointee = CalleeType;
  } else if (const PathSegmentView &Front = Callee.Segments.front();
             Front.CastAt && Front.Pointee && !Joint.CastAt) {
    // The callee moved back to a container it knows the type of.
    Joint.Pointee = Front.Pointee;
    Joint.CastAt = Start + *Front.CastAt;
  } else if (CalleeType && Joint.Pointee && !Joint.CastAt) {
    // The caller's type cannot name what the callee reaches (a negative
    // offset, or past its end): name it from the callee's type instead.
    const DIType *Outer = stripTypedefs(Joint.Pointee);
    uint64_t Size = Outer ? Outer->getSizeInBits() / 8 : 0;
    if (Start < 0 || (Size && uint64_t(Start) >= Size)) {
      Joint.Pointee = CalleeType;
      Joint.CastAt = Start;
    }
  }
  R.Path.Offsets.back() += Callee.Path.Offsets.front();
  for (unsigned I = 1; I < Callee.Path.Offsets.size(); ++I) {
    R.Path.Offsets.push_back(Callee.Path.Offsets[I]);
    // The callee's local variable names mean nothing in the caller.
    R.Segments.push_back({Callee.Segments[I].Pointee, ""});
  }
  return R;
}

//===----------------------------------------------------------------------===//
// Building paths
//===----------------------------------------------------------------------===//

const Function *owningFunction(const Value *V) {
  if (const auto *I = dyn_cast<Instruction>(V))
    return I->getFunction();
  if (const auto *A = dyn_cast<Argument>(V))
    return A->getParent();
  return nullptr;
}

/// What the debug intrinsics of one function say about its values.
struct AccessPathBuilder::FunctionVars {
  DenseMap<unsigned, const DILocalVariable *> Params;
  /// Variables whose value is the key (a pointer), in program order.
  DenseMap<const Value *, SmallVector<const DILocalVariable *, 1>> Values;
  /// Variables stored in the key (a stack slot).
  DenseMap<const Value *, const DILocalVariable *> Objects;

  explicit FunctionVars(const Function &Fn) {
    for (const Instruction &I : instructions(Fn)) {
      const auto *DVI = dyn_cast<DbgVariableIntrinsic>(&I);
      if (!DVI || !DVI->getVariable())
        continue;
      const DILocalVariable *Var = DVI->getVariable();
      const DIExpression *Expr = DVI->getExpression();
      bool Plain = !Expr || Expr->getNumElements() == 0;
      // `dbg.value(ptr %slot, DW_OP_deref)` says the variable lives in
      // *%slot, as a dbg.declare does.
      bool InMemory = isa<DbgDeclareInst>(DVI)
                          ? Plain
                          : Expr && Expr->getNumElements() == 1 &&
                                Expr->getElement(0) == dwarf::DW_OP_deref;
      if (Var->getArg() > 0)
        Params.try_emplace(Var->getArg() - 1, Var);
      for (Value *Loc : DVI->location_ops()) {
        if (!Loc)
          continue;
        if (isa<AllocaInst>(Loc)) {
          if (InMemory)
            Objects.try_emplace(Loc, Var);
          continue;
        }
        if (Plain && !isa<DbgDeclareInst>(DVI)) {
          auto &List = Values[Loc];
          if (!is_contained(List, Var))
            List.push_back(Var);
        }
      }
    }
  }
};

AccessPathBuilder::AccessPathBuilder(const Function &F, const DataLayout &DL)
    : F(F), DL(DL) {}

AccessPathBuilder::~AccessPathBuilder() = default;

const AccessPathBuilder::FunctionVars &
AccessPathBuilder::varsOf(const Function &Fn) {
  std::unique_ptr<FunctionVars> &V = Vars[&Fn];
  if (!V)
    V = std::make_unique<FunctionVars>(Fn);
  return *V;
}

/// Whether a pointer variable's type says what it points to (`PEXT`, not
/// `PVOID`).
static bool pointsToKnownType(const DILocalVariable *Var) {
  const DIType *Pointee = stripTypedefs(pointeeType(Var->getType()));
  return Pointee && !isa<DIBasicType>(Pointee);
}

/// The size of what a pointer variable points to, in bits.
static uint64_t pointeeBits(const DILocalVariable *Var) {
  const DIType *Pointee = stripTypedefs(pointeeType(Var->getType()));
  return Pointee ? Pointee->getSizeInBits() : 0;
}

/// Whether pointer variable \p A names what it points to better than \p B
/// (null for none): its type says what that is, and B's does not or says
/// less. `DevExt = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq)` is the
/// same pointer as `Csq` when the queue is the extension's first member,
/// and only DevExt's type names the extension's other fields.
static bool namesMore(const DILocalVariable *A, const DILocalVariable *B) {
  return pointsToKnownType(A) &&
         (!B || !pointsToKnownType(B) || pointeeBits(A) > pointeeBits(B));
}

const DILocalVariable *AccessPathBuilder::variableOf(const Value *V) {
  const Function *Fn = owningFunction(V);
  if (!Fn)
    return nullptr;
  const FunctionVars &FV = varsOf(*Fn);
  auto It = FV.Values.find(V);
  if (It == FV.Values.end())
    return nullptr;
  // Of the variables holding the pointer, the one whose type names the most.
  const DILocalVariable *Best = nullptr;
  for (const DILocalVariable *Var : It->second)
    if (namesMore(Var, Best))
      Best = Var;
  return Best ? Best : It->second.front();
}

const Value *AccessPathBuilder::onlyStoredValue(const AllocaInst &Slot) {
  const Value *Stored = nullptr;
  for (const User *U : Slot.users()) {
    if (const auto *SI = dyn_cast<StoreInst>(U)) {
      if (SI->getPointerOperand() != &Slot || Stored || SI->isVolatile())
        return nullptr;
      Stored = SI->getValueOperand();
      continue;
    }
    if (isa<LoadInst>(U) || isa<DbgInfoIntrinsic>(U))
      continue;
    if (const auto *II = dyn_cast<IntrinsicInst>(U))
      if (II->getIntrinsicID() == Intrinsic::localescape ||
          II->isLifetimeStartOrEnd())
        continue;
    return nullptr;
  }
  if (!Stored || !Stored->getType()->isPointerTy())
    return nullptr;
  return Stored;
}

const NamedPath &AccessPathBuilder::pathOf(const Value *Ptr) {
  auto It = Cache.find(Ptr);
  if (It != Cache.end())
    return It->second;
  // A phi reached again while its own path is computed (a loop-carried
  // pointer) is opaque.
  if (!InProgress.insert(Ptr).second)
    return Cache.try_emplace(Ptr, opaque(Ptr)).first->second;
  NamedPath P = compute(Ptr);
  InProgress.erase(Ptr);
  NamedPath &Slot = Cache[Ptr];
  Slot = std::move(P);
  return Slot;
}

void AccessPathBuilder::viewAsContainer(NamedPath &P, const Value *Ptr) {
  const DILocalVariable *Var = variableOf(Ptr);
  PathSegmentView &Seg = P.Segments.back();
  if (!Var || !pointsToKnownType(Var) || Seg.CastAt)
    return;
  Seg.Pointee = pointeeType(Var->getType());
  Seg.CastAt = P.Path.Offsets.back();
  Seg.CastVar = Var->getName().str();
}

NamedPath AccessPathBuilder::opaque(const Value *Ptr) {
  NamedPath P;
  P.Path.Kind = PathBase::Opaque;
  P.Path.Base = Ptr;
  if (const DILocalVariable *Var = variableOf(Ptr)) {
    P.BaseName = Var->getName().str();
    P.Segments[0].Pointee = pointeeType(Var->getType());
  } else if (Ptr->hasName()) {
    P.BaseName = Ptr->getName().str();
  } else {
    P.BaseName = "<pointer>";
  }
  return P;
}

std::optional<NamedPath> AccessPathBuilder::returnedPath(const CallBase &CB) {
  const auto *Callee = dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts());
  if (!Callee || Callee->isDeclaration() || Callee == &F || Depth >= 4 ||
      !Callee->getReturnType()->isPointerTy())
    return std::nullopt;
  std::unique_ptr<AccessPathBuilder> &B = Callees[Callee];
  if (!B) {
    B = std::make_unique<AccessPathBuilder>(*Callee, DL);
    B->Depth = Depth + 1;
  }
  std::optional<NamedPath> Returned;
  for (const BasicBlock &BB : *Callee) {
    const auto *Ret = dyn_cast<ReturnInst>(BB.getTerminator());
    if (!Ret)
      continue;
    NamedPath P = B->pathOf(Ret->getReturnValue());
    if (P.Path.Kind != PathBase::Param && P.Path.Kind != PathBase::Global)
      return std::nullopt;
    if (Returned && !(Returned->Path == P.Path))
      return std::nullopt;
    Returned = std::move(P);
  }
  if (!Returned || Returned->Path.Kind == PathBase::Global)
    return Returned;
  unsigned ArgNo = cast<Argument>(Returned->Path.Base)->getArgNo();
  if (ArgNo >= CB.arg_size())
    return std::nullopt;
  NamedPath Actual = pathOf(CB.getArgOperand(ArgNo));
  return rebasePath(*Returned, Actual);
}

NamedPath AccessPathBuilder::compute(const Value *Ptr) {
  NamedPath P;
  if (const auto *CB = dyn_cast<CallBase>(Ptr))
    if (std::optional<NamedPath> Returned = returnedPath(*CB))
      return std::move(*Returned);
  if (const auto *A = dyn_cast<Argument>(Ptr)) {
    P.Path.Kind = PathBase::Param;
    P.Path.Base = A;
    const DIType *Ty = nullptr;
    const FunctionVars &FV = varsOf(*A->getParent());
    auto It = FV.Params.find(A->getArgNo());
    const DILocalVariable *Var = It == FV.Params.end() ? nullptr : It->second;
    // `PEXT Ext = Context;` names a PVOID parameter better than it does.
    // So does `PEXT Ext = CONTAINING_RECORD(Queue, EXT, Queue)` a PQUEUE one
    // when the queue is Ext's first member.
    if (const DILocalVariable *Local = variableOf(A); Local && (!Var || namesMore(Local, Var)))
      Var = Local;
    if (Var) {
      P.BaseName = Var->getName().str();
      Ty = Var->getType();
    } else if (const DISubprogram *SP = A->getParent()->getSubprogram()) {
      if (const DISubroutineType *ST = SP->getType()) {
        DITypeRefArray Types = ST->getTypeArray();
        if (A->getArgNo() + 1 < Types.size())
          Ty = Types[A->getArgNo() + 1];
      }
    }
    if (P.BaseName.empty())
      P.BaseName = A->hasName() ? A->getName().str()
                                : "param" + std::to_string(A->getArgNo() + 1);
    P.Segments[0].Pointee = pointeeType(Ty);
    return P;
  }
  if (const auto *G = dyn_cast<GlobalVariable>(Ptr)) {
    P.Path.Kind = PathBase::Global;
    P.Path.Base = G;
    SmallVector<DIGlobalVariableExpression *, 1> GVs;
    G->getDebugInfo(GVs);
    if (!GVs.empty() && GVs.front()->getVariable()) {
      P.BaseName = GVs.front()->getVariable()->getName().str();
      P.Segments[0].Pointee = GVs.front()->getVariable()->getType();
    } else {
      P.BaseName = G->getName().str();
    }
    return P;
  }
  if (const auto *AI = dyn_cast<AllocaInst>(Ptr)) {
    P.Path.Kind = PathBase::Local;
    P.Path.Base = AI;
    const FunctionVars &FV = varsOf(*AI->getFunction());
    auto It = FV.Objects.find(AI);
    if (const DILocalVariable *Var = It == FV.Objects.end() ? nullptr : It->second) {
      P.BaseName = Var->getName().str();
      P.Segments[0].Pointee = Var->getType();
    } else {
      P.BaseName = AI->hasName() ? AI->getName().str() : "<local>";
    }
    return P;
  }
  // `c ? &E->Lock : &E->Lock`, or a phi whose incoming pointers all name
  // one object (clang -O2 sinks two identical calls into one): that object.
  if (isa<PHINode>(Ptr) || isa<SelectInst>(Ptr)) {
    SmallVector<const Value *, 4> Incoming;
    if (const auto *Phi = dyn_cast<PHINode>(Ptr))
      append_range(Incoming, Phi->incoming_values());
    else
      Incoming = {cast<SelectInst>(Ptr)->getTrueValue(),
                  cast<SelectInst>(Ptr)->getFalseValue()};
    std::optional<NamedPath> Common;
    bool Distinct = false, AllKnown = true;
    for (const Value *In : Incoming) {
      if (In == Ptr)
        continue;
      NamedPath Q = pathOf(In);
      // Known when each choice is a pointer computed on its own branch from
      // a parameter or global (`DevExt = Primary` in each arm).
      AllKnown &= isa<Instruction>(In) &&
                  (Q.Path.Kind == PathBase::Param || Q.Path.Kind == PathBase::Global);
      if (Common && Q.Path != Common->Path)
        Distinct = true;
      if (!Common)
        Common = std::move(Q);
    }
    if (Common && !Distinct &&
        !(Common->Path.Kind == PathBase::Opaque && Common->Path.Base == Ptr))
      return *Common;
    NamedPath P = opaque(Ptr);
    P.KnownStart = Common && AllKnown;
    return P;
  }
  if (const auto *Cast = dyn_cast<BitCastOperator>(Ptr))
    return pathOf(Cast->getOperand(0));
  // An address moved as an integer: `(T *)((ULONG_PTR)P - FIELD_OFFSET(T, F))`,
  // CONTAINING_RECORD as some headers write it.
  if (const auto *Cast = dyn_cast<Operator>(Ptr);
      Cast && Cast->getOpcode() == Instruction::IntToPtr) {
    const Value *Int = Cast->getOperand(0);
    int64_t Delta = 0;
    if (const auto *Op = dyn_cast<BinaryOperator>(Int);
        Op && (Op->getOpcode() == Instruction::Sub || Op->getOpcode() == Instruction::Add))
      if (const auto *C = dyn_cast<ConstantInt>(Op->getOperand(1));
          C && C->getBitWidth() <= 64 && isa<PtrToIntOperator>(Op->getOperand(0))) {
        Delta = Op->getOpcode() == Instruction::Sub ? -C->getSExtValue() : C->getSExtValue();
        Int = Op->getOperand(0);
      }
    if (const auto *Address = dyn_cast<PtrToIntOperator>(Int)) {
      P = pathOf(Address->getPointerOperand());
      P.Path.Offsets.back() += Delta;
      if (Delta < 0)
        viewAsContainer(P, Ptr);
      return P;
    }
    return opaque(Ptr);
  }
  if (const auto *Cast = dyn_cast<AddrSpaceCastOperator>(Ptr))
    return pathOf(Cast->getOperand(0));
  if (const auto *GEP = dyn_cast<GEPOperator>(Ptr)) {
    APInt Offset(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
    if (!GEP->accumulateConstantOffset(DL, Offset))
      return opaque(Ptr);
    P = pathOf(GEP->getPointerOperand());
    P.Path.Offsets.back() += Offset.getSExtValue();
    if (Offset.isNegative())
      viewAsContainer(P, Ptr);
    return P;
  }
  // An outlined __finally body reaches its parent's stack slots through
  // llvm.localrecover(@Parent, %fp, Index): the Index-th escaped slot.
  if (const auto *II = dyn_cast<IntrinsicInst>(Ptr);
      II && II->getIntrinsicID() == Intrinsic::localrecover) {
    const auto *Parent = dyn_cast<Function>(II->getArgOperand(0)->stripPointerCasts());
    const auto *Index = dyn_cast<ConstantInt>(II->getArgOperand(2));
    if (Parent && Index && !Parent->isDeclaration())
      for (const Instruction &I : Parent->getEntryBlock())
        if (const auto *Escape = dyn_cast<IntrinsicInst>(&I);
            Escape && Escape->getIntrinsicID() == Intrinsic::localescape &&
            Index->getZExtValue() < Escape->arg_size())
          return pathOf(Escape->getArgOperand(Index->getZExtValue())->stripPointerCasts());
    return opaque(Ptr);
  }
  if (const auto *Load = dyn_cast<LoadInst>(Ptr)) {
    if (!Load->getType()->isPointerTy())
      return opaque(Ptr);
    P = pathOf(Load->getPointerOperand());
    // A pointer kept in a slot written once (an address-taken or escaped
    // local at -O0, reached directly or through localrecover): the load
    // reads what was stored.
    const auto *Slot = dyn_cast<AllocaInst>(P.Path.Base);
    if (P.Path.Kind == PathBase::Local && P.Path.Offsets.size() == 1 &&
        P.Path.Offsets[0] == 0 && Slot)
      if (const Value *Stored = onlyStoredValue(*Slot)) {
        P = pathOf(Stored);
        // Name the pointer after the variable that lives in the slot.
        const FunctionVars &FV = varsOf(*Slot->getFunction());
        auto It = FV.Objects.find(Slot);
        if (It != FV.Objects.end() && P.Path.Offsets.back() == 0) {
          const DIType *Ty = pointeeType(It->second->getType());
          bool PointerBase = P.Path.Kind == PathBase::Param ||
                             P.Path.Kind == PathBase::Opaque;
          if (P.Path.Offsets.size() > 1)
            P.Segments.back().Var = It->second->getName().str();
          else if (PointerBase)
            P.BaseName = It->second->getName().str();
          if (Ty && (P.Path.Offsets.size() > 1 || PointerBase))
            P.Segments.back().Pointee = Ty;
        }
        return P;
      }
    PathSegmentView Seg;
    FieldChain Loaded = P.lastFields();
    if (Loaded.Type && Loaded.Residue == 0)
      Seg.Pointee = pointeeType(Loaded.Type);
    if (const DILocalVariable *Var = variableOf(Load)) {
      Seg.Var = Var->getName().str();
      if (const DIType *Ty = pointeeType(Var->getType()))
        Seg.Pointee = Ty;
    }
    P.Path.Offsets.push_back(0);
    P.Segments.push_back(std::move(Seg));
    return P;
  }
  return opaque(Ptr);
}

} // namespace sdv
