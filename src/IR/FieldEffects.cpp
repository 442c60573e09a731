//===- FieldEffects.cpp - Which structure fields a call may write ---------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "FieldEffects.h"

#include "sdv/IR/CallTargets.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/ValueTracking.h"

#include "sdv/IR/Symbols.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/GetElementPtrTypeIterator.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

#include <limits>

using namespace llvm;

namespace sdv {

AnalysisKey FieldEffectsAA::Key;

namespace {

constexpr int64_t Unbounded = std::numeric_limits<int64_t>::max();
/// Past this many distinct regions a function is taken to write anything.
constexpr unsigned MaxRegions = 64;
/// How deep structures are searched for one another.
constexpr unsigned MaxNesting = 6;

bool intersect(int64_t A, int64_t B, int64_t C, int64_t D) { return A < D && C < B; }

bool sameType(StructType *A, StructType *B) {
  return A == B || (A && B && A->isLayoutIdentical(B));
}

/// The scalar (or opaque) member of \p T that byte \p Offset falls in, and
/// where in it; none outside T.
std::optional<std::pair<Type *, int64_t>> leafAt(const DataLayout &DL, Type *T,
                                                 int64_t Offset) {
  while (Offset >= 0) {
    if (auto *ST = dyn_cast<StructType>(T)) {
      if (ST->isOpaque())
        return std::make_pair(T, Offset);
      const StructLayout *L = DL.getStructLayout(ST);
      if (static_cast<uint64_t>(Offset) >= L->getSizeInBytes())
        return std::nullopt;
      unsigned I = L->getElementContainingOffset(static_cast<uint64_t>(Offset));
      Offset -= static_cast<int64_t>(L->getElementOffset(I));
      T = ST->getElementType(I);
    } else if (auto *AT = dyn_cast<ArrayType>(T)) {
      int64_t Size = static_cast<int64_t>(DL.getTypeAllocSize(AT->getElementType()));
      if (Size <= 0 || Offset >= Size * static_cast<int64_t>(AT->getNumElements()))
        return std::nullopt;
      Offset %= Size;
      T = AT->getElementType();
    } else {
      return std::make_pair(T, Offset);
    }
  }
  return std::nullopt;
}

/// Calls \p Visit with each offset at which an \p Inner occurs inside an
/// \p Outer placed at offset \p At, and the size of the place (an array
/// holding Inners: the array's start and size). Returns true as soon as
/// Visit does.
bool forEachEmbedding(const DataLayout &DL, Type *Outer, StructType *Inner, int64_t At,
                      int64_t Span, unsigned Depth,
                      function_ref<bool(int64_t, int64_t)> Visit) {
  if (Depth > MaxNesting)
    return false;
  if (auto *ST = dyn_cast<StructType>(Outer)) {
    if (Depth > 0 && sameType(ST, Inner) && Visit(At, Span))
      return true;
    if (ST->isOpaque())
      return false;
    const StructLayout *Layout = DL.getStructLayout(ST);
    for (unsigned I = 0; I < ST->getNumElements(); ++I) {
      Type *Elt = ST->getElementType(I);
      int64_t Off = At + static_cast<int64_t>(Layout->getElementOffset(I));
      int64_t Size = static_cast<int64_t>(DL.getTypeAllocSize(Elt));
      if (forEachEmbedding(DL, Elt, Inner, Off, Size, Depth + 1, Visit))
        return true;
    }
    return false;
  }
  if (auto *AT = dyn_cast<ArrayType>(Outer)) {
    // Any element may hold it: the whole array is the place.
    Type *Elt = AT->getElementType();
    auto *EltStruct = dyn_cast<StructType>(Elt);
    bool Holds = (EltStruct && sameType(EltStruct, Inner)) ||
                 forEachEmbedding(DL, Elt, Inner, 0, 0, Depth + 1,
                                  [](int64_t, int64_t) { return true; });
    return Holds && Visit(At, static_cast<int64_t>(DL.getTypeAllocSize(AT)));
  }
  return false;
}

/// Whether \p Inner occurs in \p Outer at a place where its bytes
/// [Begin, End) meet \p Outer's bytes [OuterBegin, OuterEnd).
bool embeddedOverlap(const DataLayout &DL, StructType *Outer, int64_t OuterBegin,
                     int64_t OuterEnd, StructType *Inner, int64_t Begin, int64_t End) {
  if (Outer->isOpaque() || Inner->isOpaque())
    return true;
  int64_t InnerSize = static_cast<int64_t>(DL.getTypeAllocSize(Inner));
  return forEachEmbedding(DL, Outer, Inner, 0, InnerSize, 0, [&](int64_t At, int64_t Span) {
    // Within an array of Inner any element may be the one: the array's
    // whole span counts.
    if (Span > InnerSize)
      return intersect(OuterBegin, OuterEnd, At, At + Span);
    int64_t B = Begin, E = End;
    return intersect(OuterBegin, OuterEnd, At + B,
                     E == Unbounded ? At + InnerSize : At + E);
  });
}

/// The structure types \p Base is used as (the sources of the GEPs it is
/// the base of), each once, in the order of its uses: `Adapter->Flags` at
/// offset 0 is a read of Adapter with no GEP, beside `&Adapter->SendLock`'s
/// GEP of ADAPTER.
SmallVector<StructType *, 2> structsUsedAt(const Value *Base) {
  SmallVector<StructType *, 2> Found;
  for (const User *U : Base->users()) {
    const auto *GEP = dyn_cast<GEPOperator>(U);
    if (!GEP || GEP->getPointerOperand() != Base)
      continue;
    auto *ST = dyn_cast<StructType>(GEP->getSourceElementType());
    if (ST && none_of(Found, [&](StructType *F) { return sameType(F, ST); }))
      Found.push_back(ST);
  }
  return Found;
}

/// The HAL's device-register and port accessors (WRITE_REGISTER_ULONG,
/// READ_PORT_UCHAR, WRITE_PORT_BUFFER_USHORT, ...), and the port drivers'
/// (StorPortReadRegisterUlong, ScsiPortWritePortUchar, ...): they touch the
/// device, not the driver's memory, except the buffer reads, which fill the
/// driver's buffer.
bool accessesDeviceOnly(StringRef Name) {
  bool Read = Name.startswith("READ_REGISTER_") || Name.startswith("READ_PORT_");
  bool Write = Name.startswith("WRITE_REGISTER_") || Name.startswith("WRITE_PORT_");
  for (StringRef Port : {"StorPort", "ScsiPort"}) {
    if (!Name.startswith(Port))
      continue;
    StringRef Rest = Name.drop_front(Port.size());
    Read |= Rest.startswith("ReadRegister") || Rest.startswith("ReadPort");
    Write |= Rest.startswith("WriteRegister") || Rest.startswith("WritePort");
  }
  return Write || (Read && !Name.contains("_BUFFER_") && !Name.contains("Buffer"));
}

/// Whether every load and store through \p Ptr is volatile: a device
/// register's address (an inlined WRITE_REGISTER_ULONG).
bool onlyVolatileAccess(const Value *Ptr) {
  bool Any = false;
  for (const User *U : Ptr->users()) {
    if (const auto *LI = dyn_cast<LoadInst>(U)) {
      if (!LI->isVolatile())
        return false;
      Any = true;
    } else if (const auto *SI = dyn_cast<StoreInst>(U)) {
      if (!SI->isVolatile() || SI->getValueOperand() == Ptr)
        return false;
      Any = true;
    } else {
      return false;
    }
  }
  return Any;
}

} // namespace

FieldEffects::FieldEffects(const Module &M,
                           function_ref<bool(StringRef, unsigned)> ReadOnlyArg)
    : DL(M.getDataLayout()), ReadOnlyArg(ReadOnlyArg) {}

void FieldEffects::Writes::addAnything() {
  Anything = true;
  Regions.clear();
  Params.clear();
}

void FieldEffects::Writes::add(const Region &R) {
  if (Anything)
    return;
  for (Region &Old : Regions)
    if (Old.S == R.S && R.Begin <= Old.End && Old.Begin <= R.End) {
      Old.Begin = std::min(Old.Begin, R.Begin);
      Old.End = std::max(Old.End, R.End);
      return;
    }
  if (Regions.size() >= MaxRegions)
    return addAnything();
  Regions.push_back(R);
}

void FieldEffects::Writes::add(const ParamRegion &P) {
  if (Anything)
    return;
  for (ParamRegion &Old : Params)
    if (Old.Arg == P.Arg) {
      Old.Begin = std::min(Old.Begin, P.Begin);
      Old.End = std::max(Old.End, P.End);
      return;
    }
  Params.push_back(P);
}

FieldEffects::Address FieldEffects::classify(const Value *Ptr,
                                             std::optional<uint64_t> Size) const {
  // The address's GEPs from the outermost to the base; the structure is the
  // one closest to the base (`&CONTAINING_RECORD(E, ADAPTER, Link)->Flags`
  // is an ADAPTER field, whatever E points into).
  // Offsets from V as a range of starts [Offset, OffsetMax]: an index into
  // an array of known length moves within the array (`&Ext->Dpc[Queue]`).
  int64_t Offset = 0, OffsetMax = 0, FieldOffset = 0, FieldOffsetMax = 0;
  bool Variable = false, FieldVariable = false;
  StructType *S = nullptr;
  const Value *V = Ptr->stripPointerCasts();
  while (const auto *GEP = dyn_cast<GEPOperator>(V)) {
    // The offset within the source element (all indices but the first),
    // and the first index's step over whole elements.
    int64_t Within = 0, WithinMax = 0, Step = 0;
    bool WithinVariable = false, StepVariable = false;
    unsigned Index = 0;
    // The aggregate the current index selects in (the source element for
    // the second index).
    Type *Aggregate = GEP->getSourceElementType();
    for (gep_type_iterator I = gep_type_begin(GEP), E = gep_type_end(GEP); I != E;
         ++I, ++Index) {
      const auto *C = dyn_cast<ConstantInt>(I.getOperand());
      Type *In = Aggregate;
      if (Index > 0)
        Aggregate = I.getIndexedType();
      if (StructType *ST = I.getStructTypeOrNull()) {
        int64_t Field = static_cast<int64_t>(
            DL.getStructLayout(ST)->getElementOffset(cast<ConstantInt>(C)->getZExtValue()));
        Within += Field;
        WithinMax += Field;
        continue;
      }
      int64_t Size = static_cast<int64_t>(DL.getTypeAllocSize(I.getIndexedType()));
      if (Index == 0) {
        if (C)
          Step += C->getSExtValue() * Size;
        else
          StepVariable = true;
      } else if (C) {
        Within += C->getSExtValue() * Size;
        WithinMax += C->getSExtValue() * Size;
      } else if (const auto *AT = dyn_cast<ArrayType>(In); AT && AT->getNumElements() > 1) {
        // (A one-element array is often the header's way to say "any
        // length": `ULONG Data[ANYSIZE_ARRAY]`.)
        WithinMax += static_cast<int64_t>(AT->getNumElements() - 1) * Size;
      } else {
        WithinVariable = true;
      }
    }
    if (auto *ST = dyn_cast<StructType>(GEP->getSourceElementType())) {
      S = ST;
      FieldOffset = Offset + Within;
      FieldOffsetMax = OffsetMax + WithinMax;
      FieldVariable = Variable || WithinVariable;
    }
    Offset += Within + Step;
    OffsetMax += WithinMax + Step;
    Variable |= WithinVariable || StepVariable;
    V = GEP->getPointerOperand()->stripPointerCasts();
  }

  Address A;
  if (isa<AllocaInst>(V) || isa<ConstantPointerNull>(V) || isa<IntToPtrInst>(V) ||
      (isa<ConstantExpr>(V) && cast<ConstantExpr>(V)->getOpcode() == Instruction::IntToPtr)) {
    A.Kind = Base::Untracked; // The function's stack, or device memory.
    return A;
  }
  const auto *G = dyn_cast<GlobalVariable>(V);
  if (G && G->isConstant()) {
    A.Kind = Base::Untracked;
    return A;
  }
  if (!S && G) {
    // A global's own fields, or a global of no structure type.
    S = dyn_cast<StructType>(G->getValueType());
    FieldOffset = Offset;
    FieldOffsetMax = OffsetMax;
    FieldVariable = Variable;
    A.Kind = S ? Base::Field : Base::Raw;
  } else if (SmallVector<StructType *, 2> Used =
                 S || G ? SmallVector<StructType *, 2>() : structsUsedAt(V);
             !Used.empty()) {
    // A field at offset 0 has no GEP: the pointer is the structure's.
    S = Used.front();
    A.Also.assign(std::next(Used.begin()), Used.end());
    FieldOffset = Offset;
    FieldOffsetMax = OffsetMax;
    FieldVariable = Variable;
    A.Kind = Base::Field;
  } else if (!S && isa<Argument>(V)) {
    A.Kind = Base::Param;
    A.Param = cast<Argument>(V);
    FieldOffset = Offset;
    FieldOffsetMax = OffsetMax;
    FieldVariable = Variable;
  } else {
    A.Kind = S ? Base::Field : Base::Unknown;
  }
  if (A.Kind == Base::Unknown)
    return A;
  A.R.S = S;
  if (FieldVariable || FieldOffset < 0) {
    A.R.Begin = 0;
    A.R.End = Unbounded;
    A.LastStart = Unbounded;
  } else {
    A.LastStart = FieldOffsetMax;
    A.R.Begin = FieldOffset;
    A.R.End = Size ? FieldOffsetMax + static_cast<int64_t>(*Size) : Unbounded;
  }
  return A;
}

void FieldEffects::addStore(const Value *Ptr, std::optional<uint64_t> Size,
                            bool Volatile, const Function *Owner, Writes &Out) const {
  Address A = classify(Ptr, Size);
  switch (A.Kind) {
  case Base::Untracked:
    return;
  case Base::Field:
  case Base::Raw:
    addRegions(A, A.R, Out);
    return;
  case Base::Param:
  case Base::Unknown:
    // A volatile store through an address with no structure in it is a
    // device register's (WRITE_REGISTER_ULONG).
    if (Volatile)
      return;
    if (A.Kind == Base::Param && A.Param->getParent() == Owner)
      Out.add(ParamRegion{A.Param->getArgNo(), A.R.Begin, A.R.End});
    else
      Out.addAnything();
    return;
  }
}

void FieldEffects::addRegions(const Address &Where, const Region &R, Writes &Out) {
  Out.add(R);
  for (StructType *Other : Where.Also)
    Out.add(Region{Other, R.Begin, R.End});
}

void FieldEffects::addAt(const Address &Where, const ParamRegion &P,
                         const Function *Owner, Writes &Out) const {
  auto Shift = [&](int64_t At, int64_t Off) {
    return At == Unbounded || Off == Unbounded ? Unbounded : At + Off;
  };
  // The callee's bytes, from each place the argument may point to (an
  // argument at an unknown offset: anywhere in its structure).
  int64_t Begin = Where.LastStart == Unbounded ? 0 : Shift(Where.R.Begin, P.Begin);
  int64_t End = Shift(Where.LastStart, P.End);
  if (Begin == Unbounded)
    Begin = 0;
  switch (Where.Kind) {
  case Base::Untracked:
    return;
  case Base::Field:
  case Base::Raw: {
    Region R = Where.R;
    R.Begin = Begin;
    R.End = End;
    addRegions(Where, R, Out);
    return;
  }
  case Base::Param:
    if (Where.Param->getParent() == Owner) {
      Out.add(ParamRegion{Where.Param->getArgNo(), Begin, End});
      return;
    }
    [[fallthrough]];
  case Base::Unknown:
    Out.addAnything();
    return;
  }
}

void FieldEffects::addCall(const CallBase &CB, const Function *Owner, Writes &Out) {
  if (CB.isInlineAsm())
    return Out.addAnything();
  if (const auto *MI = dyn_cast<AnyMemIntrinsic>(&CB)) {
    std::optional<uint64_t> Size;
    if (const auto *Len = dyn_cast<ConstantInt>(MI->getLength()))
      Size = Len->getZExtValue();
    addStore(MI->getRawDest(), Size, MI->isVolatile(), Owner, Out);
    return;
  }
  const Function *Callee = CB.getCalledFunction();
  if (!Callee) {
    auto It = IndirectTargets.find(&CB);
    if (It == IndirectTargets.end())
      return Out.addAnything();
    // Copied: summarising a target may grow the map.
    SmallVector<const Function *, 2> Targets = It->second;
    for (const Function *Target : Targets) {
      addCallee(CB, *Target, Owner, Out);
      if (Out.Anything)
        return;
    }
    return;
  }
  if (!Callee->isDeclaration())
    return addCallee(CB, *Callee, Owner, Out);
  if (accessesDeviceOnly(normalizeSymbol(Callee->getName())))
    return;
  MemoryEffects ME = Callee->getMemoryEffects();
  if (!ME.doesAccessArgPointees() && ME.getModRef(MemoryEffects::Other) == ModRefInfo::NoModRef)
    return; // Reads only, or touches only memory the driver cannot name.
  if (!isModSet(ME.getModRef()))
    return;
  // An external function (or intrinsic) writes at most what its pointer
  // arguments point to, and runs the driver functions it is given.
  for (const Use &ArgUse : CB.args()) {
    const Value *Arg = ArgUse.get();
    if (!Arg->getType()->isPointerTy())
      continue;
    // The kernel's routines do not write the driver's memory they are
    // handed only to read, or to know the caller by (Storport's
    // HwDeviceExtension).
    if (ReadOnlyArg &&
        ReadOnlyArg(normalizeSymbol(Callee->getName()), CB.getArgOperandNo(&ArgUse)))
      continue;
    if (const auto *F = dyn_cast<Function>(Arg->stripPointerCasts())) {
      // A callback: what it writes through its own parameters is unknown
      // here (the arguments are the external function's).
      if (!F->isDeclaration() && (Out.Anything || !addWrites(writesOf(*F), Out)))
        Out.addAnything();
      continue;
    }
    std::optional<uint64_t> Size;
    if (const auto *GEP = dyn_cast<GEPOperator>(Arg->stripPointerCasts());
        GEP && GEP->getResultElementType()->isSized())
      Size = DL.getTypeAllocSize(GEP->getResultElementType());
    addStore(Arg, Size, /*Volatile=*/false, Owner, Out);
  }
}

bool FieldEffects::addWrites(const Writes &W, Writes &Out) {
  if (W.Anything) {
    Out.addAnything();
    return true;
  }
  for (const Region &R : W.Regions)
    Out.add(R);
  return W.Params.empty();
}

void FieldEffects::resolveIndirectCalls(const Module &M) {
  CallTargets Targets(M);
  for (const Function &F : M)
    for (const Instruction &I : instructions(F)) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || CB->getCalledFunction() || CB->isInlineAsm())
        continue;
      ArrayRef<const Function *> Found = Targets.targetsOf(*CB);
      // A target that takes other arguments than the call passes is no
      // evidence of where it goes.
      if (!Found.empty() && all_of(Found, [&](const Function *T) {
            return T->isVarArg() ? T->arg_size() <= CB->arg_size()
                                 : T->arg_size() == CB->arg_size();
          }))
        IndirectTargets[CB].assign(Found.begin(), Found.end());
    }
}

void FieldEffects::addCallee(const CallBase &CB, const Function &Callee,
                             const Function *Owner, Writes &Out) {
  // Copied: summarising the callee may grow the map.
  Writes W = writesOf(Callee);
  addWrites(W, Out);
  for (const ParamRegion &P : W.Params) {
    if (P.Arg >= CB.arg_size())
      return Out.addAnything();
    addAt(classify(CB.getArgOperand(P.Arg), std::nullopt), P, Owner, Out);
  }
}

const FieldEffects::Writes &FieldEffects::writesOf(const Function &F) {
  auto [It, Inserted] = Summaries.try_emplace(&F);
  if (!Inserted)
    return It->second;
  // A recursive call, while F is being summarised, sees "anything".
  It->second.addAnything();
  Writes W;
  for (const Instruction &I : instructions(F)) {
    if (W.Anything)
      break;
    if (const auto *SI = dyn_cast<StoreInst>(&I))
      addStore(SI->getPointerOperand(),
               DL.getTypeStoreSize(SI->getValueOperand()->getType()).getFixedValue(),
               SI->isVolatile(), &F, W);
    else if (const auto *RMW = dyn_cast<AtomicRMWInst>(&I))
      addStore(RMW->getPointerOperand(),
               DL.getTypeStoreSize(RMW->getValOperand()->getType()).getFixedValue(),
               RMW->isVolatile(), &F, W);
    else if (const auto *CX = dyn_cast<AtomicCmpXchgInst>(&I))
      addStore(CX->getPointerOperand(),
               DL.getTypeStoreSize(CX->getNewValOperand()->getType()).getFixedValue(),
               CX->isVolatile(), &F, W);
    else if (const auto *CB = dyn_cast<CallBase>(&I); CB && !isa<DbgInfoIntrinsic>(CB))
      addCall(*CB, &F, W);
  }
  // The map may have grown: look the slot up again.
  Writes &Slot = Summaries[&F];
  Slot = std::move(W);
  return Slot;
}

bool FieldEffects::overlaps(const Region &Read, const Region &Write) const {
  // The same bytes of the same base: the same field, or one structure
  // type read through another's (two layouts of one request block that
  // share a header: the same scalar at the same offset). Not so for a write
  // of unknown extent into a structure of another type (an array at a
  // variable index, a request block a routine fills), nor where the two
  // types hold different members at those bytes: that would be every field
  // of every type.
  bool Related = !Write.S || sameType(Read.S, Write.S);
  if (intersect(Read.Begin, Read.End, Write.Begin, Write.End)) {
    if (Related)
      return true;
    if (Write.End != Unbounded) {
      int64_t From = std::max(Read.Begin, Write.Begin);
      int64_t To = std::min(Read.End, Write.End);
      if (To - From > 64)
        return true;
      for (int64_t Byte = From; Byte < To; ++Byte) {
        auto ReadLeaf = leafAt(DL, Read.S, Byte);
        auto WriteLeaf = leafAt(DL, Write.S, Byte);
        if (!ReadLeaf || !WriteLeaf || isa<StructType>(ReadLeaf->first) ||
            isa<StructType>(WriteLeaf->first) || *ReadLeaf == *WriteLeaf)
          return true;
      }
    }
  }
  if (Related)
    return false;
  // One structure inside the other (the written one a member of the read
  // one, or the other way round).
  return embeddedOverlap(DL, Read.S, Read.Begin, Read.End, Write.S, Write.Begin,
                         Write.End) ||
         embeddedOverlap(DL, Write.S, Write.Begin, Write.End, Read.S, Read.Begin,
                         Read.End);
}

bool FieldEffects::mayWrite(const CallBase &CB, const MemoryLocation &Loc) {
  std::optional<uint64_t> Size;
  if (Loc.Size.hasValue())
    Size = Loc.Size.getValue();
  Address Read = classify(Loc.Ptr, Size);
  if (!Read.oneField())
    return true;
  // What the call writes, as seen at the call site, is asked for once per
  // location read after it; remembered with the callee it was made for (no
  // canonicalisation pass creates calls, but an address may be reused).
  const Value *Callee = CB.getCalledOperand();
  auto It = CallWrites.find(&CB);
  if (It == CallWrites.end() || It->second.first != Callee) {
    Writes W;
    addCall(CB, /*Owner=*/nullptr, W);
    auto &Slot = CallWrites[&CB];
    Slot = std::make_pair(Callee, std::move(W));
    It = CallWrites.find(&CB);
  }
  const Writes &W = It->second.second;
  if (W.Anything)
    return true;
  return any_of(W.Regions, [&](const Region &R) { return overlaps(Read.R, R); });
}

bool FieldEffects::deviceAndField(const MemoryLocation &A, const MemoryLocation &B) const {
  if (!A.Ptr || !B.Ptr)
    return false;
  Address AddrA = classify(A.Ptr, std::nullopt), AddrB = classify(B.Ptr, std::nullopt);
  return (AddrA.Kind == Base::Unknown && AddrB.oneField() && onlyVolatileAccess(A.Ptr)) ||
         (AddrB.Kind == Base::Unknown && AddrA.oneField() && onlyVolatileAccess(B.Ptr));
}

bool FieldEffects::disjointFields(const MemoryLocation &A, const MemoryLocation &B) const {
  if (!A.Ptr || !B.Ptr)
    return false;
  auto SizeOf = [](const MemoryLocation &L) -> std::optional<uint64_t> {
    if (L.Size.hasValue())
      return L.Size.getValue();
    return std::nullopt;
  };
  Address RA = classify(A.Ptr, SizeOf(A)), RB = classify(B.Ptr, SizeOf(B));
  return RA.oneField() && RB.oneField() && !overlaps(RA.R, RB.R);
}

bool FieldEffects::privateSlot(const Value *Object) {
  const auto *Slot = dyn_cast<AllocaInst>(Object);
  if (!Slot)
    return false;
  auto [It, Inserted] = PrivateSlots.try_emplace(Slot, true);
  if (!Inserted)
    return It->second;
  // The slot's address (or one into it) is only loaded from, stored to,
  // and passed to routines the driver does not define: no pointer the
  // driver loads from memory can reach it.
  SmallVector<const Value *, 8> Work{Slot};
  SmallPtrSet<const Value *, 8> Seen{Slot};
  bool Private = true;
  while (!Work.empty() && Private) {
    const Value *V = Work.pop_back_val();
    for (const Use &U : V->uses()) {
      const auto *User = dyn_cast<Instruction>(U.getUser());
      if (!User) {
        Private = false;
        break;
      }
      if (isa<LoadInst>(User))
        continue;
      if (const auto *S = dyn_cast<StoreInst>(User)) {
        Private &= S->getPointerOperand() == V;
        continue;
      }
      if (isa<GetElementPtrInst>(User) || isa<BitCastInst>(User)) {
        if (Seen.insert(User).second)
          Work.push_back(User);
        continue;
      }
      if (const auto *CB = dyn_cast<CallBase>(User)) {
        const Function *Callee = CB->getCalledFunction();
        Private &= !Callee || Callee->isDeclaration();
        continue;
      }
      Private = false;
    }
  }
  PrivateSlots[Slot] = Private;
  return Private;
}

bool FieldEffects::localAndElsewhere(const MemoryLocation &A, const MemoryLocation &B) {
  if (!A.Ptr || !B.Ptr)
    return false;
  const Value *OA = getUnderlyingObject(A.Ptr), *OB = getUnderlyingObject(B.Ptr);
  if (OA == OB)
    return false;
  return (privateSlot(OA) && !isa<AllocaInst>(OB)) || (privateSlot(OB) && !isa<AllocaInst>(OA));
}

AliasResult FieldEffectsAAResult::alias(const MemoryLocation &LocA,
                                        const MemoryLocation &LocB, AAQueryInfo &AAQI,
                                        const Instruction *I) {
  return Effects->deviceAndField(LocA, LocB) || Effects->disjointFields(LocA, LocB) ||
                 Effects->localAndElsewhere(LocA, LocB)
             ? AliasResult::NoAlias
             : AliasResult::MayAlias;
}

ModRefInfo FieldEffectsAAResult::getModRefInfo(const CallBase *Call,
                                               const MemoryLocation &Loc,
                                               AAQueryInfo &AAQI) {
  if (!Loc.Ptr || Effects->mayWrite(*Call, Loc))
    return ModRefInfo::ModRef;
  return ModRefInfo::Ref;
}

} // namespace sdv
