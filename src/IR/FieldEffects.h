//===- FieldEffects.h - Which structure fields a call may write -*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A field-sensitive summary of what each driver function may write, used by
/// canonicalisation's alias analysis. A driver tests a flag, calls one of its
/// own functions, and tests the flag again:
///
///     if (Adapter->Flags & ACTIVE) KeAcquireSpinLockAtDpcLevel(...);
///     SetSpeedAndDuplex(Adapter, ...);   // writes other fields, and registers
///     if (Adapter->Flags & ACTIVE) KeReleaseSpinLockFromDpcLevel(...);
///
/// LLVM's own analysis knows only that the call writes memory, so the two
/// reads stay two values and the tool would follow the paths on which the
/// flag changed. If no function the call can reach writes `Flags` of that
/// structure type, the reads are one value.
///
/// A write is named by the structure type and byte range it falls in (the
/// structure closest to the base of the address, e.g. `ADAPTER` bytes 8-12
/// for `&Adapter->Flags`, or `&CONTAINING_RECORD(E, ADAPTER, Link)->Flags`).
/// A function that writes through an address with no structure in it (a
/// pointer parameter, `*p = 0`), calls through a pointer the driver stores
/// nothing known into (CallTargets), or runs inline assembly may write
/// anything; a call through a pointer writes what its targets write. Not
/// counted as writes of driver memory: stores to the function's own stack,
/// volatile stores through an address with no structure in it (device
/// registers: WRITE_REGISTER_ULONG), and addresses made from integers
/// (ports), and the HAL's register and port
/// accessors (WRITE_REGISTER_ULONG is a function on x86). A declared
/// (external) function writes at most the objects its pointer arguments
/// point to (but for the arguments the role catalogue's `read-only-args`
/// names), and runs the driver functions passed to it. A write through a
/// function's pointer parameter is kept as such and placed at each call
/// site on the argument (an out-parameter pointing to the caller's local is
/// no write of driver memory). The analysis is sequential, as the rest of
/// the tool is.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_IR_FIELDEFFECTS_H
#define SDV_IR_FIELDEFFECTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/IR/PassManager.h"

#include <cstdint>
#include <optional>

namespace llvm {
class CallBase;
class DataLayout;
class AllocaInst;
class Argument;
class Function;
class Module;
class StructType;
class Value;
} // namespace llvm

namespace sdv {

class FieldEffects {
public:
  /// \p ReadOnlyArg (optional) tells which pointer arguments of
  /// declared routines are never written through.
  FieldEffects(const llvm::Module &M,
               llvm::function_ref<bool(llvm::StringRef, unsigned)> ReadOnlyArg = nullptr);

  /// Whether the call \p CB may write memory at \p Loc. False only when
  /// \p Loc is a field of a structure and nothing the call can run writes
  /// that field of a structure of that type.
  bool mayWrite(const llvm::CallBase &CB, const llvm::MemoryLocation &Loc);

  /// Whether one of \p A and \p B is a device register (an address with no
  /// structure in it, only ever accessed volatile) and the other a
  /// structure field.
  bool deviceAndField(const llvm::MemoryLocation &A, const llvm::MemoryLocation &B) const;

  /// Resolves the module's calls through function pointers (CallTargets:
  /// what the driver stores where the call loads its target from), to be
  /// summarised as calls of those functions. Called once its functions'
  /// slots are SSA values and before any of its calls are summarised; a
  /// call left unresolved may write anything.
  void resolveIndirectCalls(const llvm::Module &M);

  /// Whether \p A and \p B are fields of structures that cannot overlap:
  /// other bytes of one structure type, or structures of two types neither
  /// of which contains the other (C's effective types; clang's TBAA says
  /// as much of optimised builds, which `-O0` code lacks).
  bool disjointFields(const llvm::MemoryLocation &A, const llvm::MemoryLocation &B) const;

  /// Whether one of \p A and \p B is a stack slot whose address never
  /// reaches memory the driver reads (it is only passed to the kernel's
  /// routines: a lock handle, an IRQL variable) and the other is not on the
  /// stack.
  bool localAndElsewhere(const llvm::MemoryLocation &A, const llvm::MemoryLocation &B);

private:
  /// Bytes [Begin, End) of a structure of type S; a null S is memory of no
  /// structure type (a global array) at those offsets from its start.
  struct Region {
    llvm::StructType *S = nullptr;
    int64_t Begin = 0, End = 0;
  };
  /// Bytes [Begin, End) from where the function's parameter Arg points:
  /// an out-parameter (`*Status = 0`), in the callee's terms.
  struct ParamRegion {
    unsigned Arg = 0;
    int64_t Begin = 0, End = 0;
  };
  struct Writes {
    bool Anything = false;
    llvm::SmallVector<Region, 4> Regions;
    llvm::SmallVector<ParamRegion, 2> Params;
    void add(const Region &R);
    void add(const ParamRegion &P);
    void addAnything();
  };
  enum class Base { Field, Raw, Param, Untracked, Unknown };
  struct Address {
    Base Kind = Base::Unknown;
    /// The structure region (Field, Raw), or the bytes from the parameter
    /// (Param).
    Region R;
    /// The last byte R can start at: R.Begin for a constant offset, more
    /// for an index into an array of known length, Unbounded when the
    /// offset is unknown (R is then the whole structure).
    int64_t LastStart = 0;
    const llvm::Argument *Param = nullptr;
    /// For a pointer used as several structure types and as no other
    /// (`SRB_TYPE`: a request block read as `SCSI_REQUEST_BLOCK` and as
    /// `STORAGE_REQUEST_BLOCK`), the types besides R.S, at R's bytes. A
    /// write through it is a write of each; a read is of unknown type.
    llvm::SmallVector<llvm::StructType *, 2> Also;
    /// A field of one known structure type.
    bool oneField() const { return Kind == Base::Field && Also.empty(); }
  };

  /// Where a pointer points, for a write or read of \p Size bytes (none:
  /// unknown size).
  Address classify(const llvm::Value *Ptr, std::optional<uint64_t> Size) const;
  const Writes &writesOf(const llvm::Function &F);
  /// Adds a write through \p Ptr to \p Out, the writes of \p Owner (a
  /// write through one of its parameters is kept as such), or of a call
  /// site when Owner is null.
  void addStore(const llvm::Value *Ptr, std::optional<uint64_t> Size, bool Volatile,
                const llvm::Function *Owner, Writes &Out) const;
  /// Adds a write of \p Where, offset by \p P's range: a callee's write
  /// through its parameter, at the caller's argument.
  void addAt(const Address &Where, const ParamRegion &P, const llvm::Function *Owner,
             Writes &Out) const;
  /// Adds \p R, and the same bytes of each of \p Where's other types.
  static void addRegions(const Address &Where, const Region &R, Writes &Out);
  void addCall(const llvm::CallBase &CB, const llvm::Function *Owner, Writes &Out);
  /// Adds the writes of a call to the defined function \p Callee.
  void addCallee(const llvm::CallBase &CB, const llvm::Function &Callee,
                 const llvm::Function *Owner, Writes &Out);
  /// Adds \p W's region writes to \p Out; returns whether W has no writes
  /// through parameters (which only a call site can place).
  static bool addWrites(const Writes &W, Writes &Out);
  bool overlaps(const Region &Read, const Region &Write) const;
  /// Whether \p Object is a stack slot localAndElsewhere can rely on.
  bool privateSlot(const llvm::Value *Object);

  const llvm::DataLayout &DL;
  llvm::function_ref<bool(llvm::StringRef, unsigned)> ReadOnlyArg;
  llvm::DenseMap<const llvm::Function *, Writes> Summaries;
  llvm::DenseMap<const llvm::AllocaInst *, bool> PrivateSlots;
  llvm::DenseMap<const llvm::CallBase *, std::pair<const llvm::Value *, Writes>> CallWrites;
  llvm::DenseMap<const llvm::CallBase *, llvm::SmallVector<const llvm::Function *, 2>>
      IndirectTargets;
};

/// The alias analysis result that answers for calls from FieldEffects.
class FieldEffectsAAResult : public llvm::AAResultBase {
public:
  explicit FieldEffectsAAResult(FieldEffects &Effects) : Effects(&Effects) {}
  using AAResultBase::alias;
  using AAResultBase::getModRefInfo;
  /// A device register is no field of the driver's structures, and fields
  /// of structures that cannot overlap do not alias.
  llvm::AliasResult alias(const llvm::MemoryLocation &LocA, const llvm::MemoryLocation &LocB,
                          llvm::AAQueryInfo &AAQI, const llvm::Instruction *I);
  llvm::ModRefInfo getModRefInfo(const llvm::CallBase *Call,
                                 const llvm::MemoryLocation &Loc,
                                 llvm::AAQueryInfo &AAQI);
  bool invalidate(llvm::Function &, const llvm::PreservedAnalyses &,
                  llvm::FunctionAnalysisManager::Invalidator &) {
    return false;
  }

private:
  FieldEffects *Effects;
};

class FieldEffectsAA : public llvm::AnalysisInfoMixin<FieldEffectsAA> {
public:
  using Result = FieldEffectsAAResult;
  explicit FieldEffectsAA(FieldEffects &Effects) : Effects(&Effects) {}
  Result run(llvm::Function &, llvm::FunctionAnalysisManager &) { return Result(*Effects); }

private:
  friend llvm::AnalysisInfoMixin<FieldEffectsAA>;
  static llvm::AnalysisKey Key;
  FieldEffects *Effects;
};

} // namespace sdv

#endif // SDV_IR_FIELDEFFECTS_H
