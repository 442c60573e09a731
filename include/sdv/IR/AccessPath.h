//===- sdv/IR/AccessPath.h - Objects named by access paths ------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// An access path names the object a pointer points to by how it is reached:
/// a base (a parameter, a global, a local, or an opaque value) followed by
/// constant byte offsets separated by loads. `&Ext->Channel->Lock` inside
/// `f(PEXT Ext)` is `param0 +8 * +16`. Two pointers with equal paths point
/// to the same object as long as the memory along the path is not rewritten
/// in between, which is the approximation every lock-discipline checker makes.
///
/// Byte offsets, not field indices, make the path independent of how the
/// address was computed: `&S->Lock` with Lock at offset 0 and `(PKSPIN_LOCK)S`
/// are one path, as they are one object.
///
/// Paths carry a view for printing (debug-info types and variable names met
/// along the way) that takes no part in identity.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_IR_ACCESSPATH_H
#define SDV_IR_ACCESSPATH_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DebugInfoMetadata.h"

#include <memory>
#include <optional>
#include <string>

namespace llvm {
class AllocaInst;
class Argument;
class CallBase;
class DataLayout;
class Function;
class Value;
} // namespace llvm

namespace sdv {

enum class PathBase : uint8_t {
  /// A formal parameter of the function the path belongs to.
  Param,
  /// The address of a global variable.
  Global,
  /// The address of a stack object (an alloca) of the function.
  Local,
  /// Any other pointer value of the function: a call result, a phi, ...
  Opaque,
};

struct AccessPath {
  PathBase Kind = PathBase::Opaque;
  /// The Argument, GlobalVariable, AllocaInst or opaque Value.
  const llvm::Value *Base = nullptr;
  /// Byte offsets; between two consecutive offsets the pointer is loaded.
  /// Never empty: a path without loads has one offset.
  llvm::SmallVector<int64_t, 2> Offsets{0};
  /// 0 for the object the base names now; 1 for the objects it named before
  /// it was last redefined (earlier iterations of a loop), taken together.
  uint8_t Generation = 0;

  bool operator==(const AccessPath &O) const {
    return Kind == O.Kind && Base == O.Base && Offsets == O.Offsets &&
           Generation == O.Generation;
  }
  bool operator!=(const AccessPath &O) const { return !(*this == O); }

  /// Paths rooted in a function's own stack or values mean nothing outside
  /// that function.
  bool isFunctionLocal() const {
    return Kind == PathBase::Local || Kind == PathBase::Opaque;
  }
  unsigned derefs() const { return Offsets.size() - 1; }
};

/// One field step inside a debug-info type: `.Name`, or `[Index]`.
struct FieldStep {
  /// The struct or union the field belongs to (null for an array index);
  /// for a member of an anonymous struct or union, the named one around it.
  const llvm::DICompositeType *Parent = nullptr;
  llvm::StringRef Name;
  std::optional<uint64_t> Index;
  /// The field's byte offset within Parent.
  uint64_t Offset = 0;
};

/// The fields found at a byte offset inside a type, outermost first, and the
/// type reached.
struct FieldChain {
  llvm::SmallVector<FieldStep, 2> Steps;
  const llvm::DIType *Type = nullptr;
  /// Bytes left over inside a scalar (0 when the offset is a field start),
  /// or an offset outside the type (CONTAINING_RECORD's negative one).
  int64_t Residue = 0;
  std::string str() const;
};

/// A struct's name as registrations and call targets compare it: without
/// `struct.`, leading underscores, or the `.N` suffix the IR linker adds to
/// renamed types (`struct._OPS.12` and debug info's `_OPS` are both `OPS`).
std::string canonicalTypeName(llvm::StringRef Name);

/// Looks through pointer casts and the pointer-integer conversions drivers
/// use on routine addresses (interlocked exchanges, `(ULONG_PTR)Routine` as
/// a fill pattern).
const llvm::Value *stripConversions(const llvm::Value *V);

/// The direct calls of \p A's function, each with what it passes for \p A
/// (what a wrapper's parameter stands for at each of its callers).
llvm::SmallVector<std::pair<const llvm::CallBase *, const llvm::Value *>, 4>
actualArguments(const llvm::Argument &A);

/// Removes typedefs and cv-qualifiers.
const llvm::DIType *stripTypedefs(const llvm::DIType *Ty);
/// The type a pointer type points to, or null.
const llvm::DIType *pointeeType(const llvm::DIType *Ty);
/// Descends from \p Ty to the innermost scalar field at byte \p Offset, or
/// only as far as a field of type \p ObjectType (a typedef or struct name)
/// when one is given: at offset 0 the object is then the first field of that
/// type, or the pointee itself if there is none.
FieldChain fieldsAt(const llvm::DIType *Ty, uint64_t Offset,
                    llvm::StringRef ObjectType = "");
/// Whether \p Ty is, or is a typedef of, the type named \p Name.
bool isNamedType(const llvm::DIType *Ty, llvm::StringRef Name);
/// The name a struct type is known by (its tag or typedef name), without a
/// leading underscore: `_HW_INITIALIZATION_DATA` is `HW_INITIALIZATION_DATA`.
llvm::StringRef structName(const llvm::DICompositeType *Ty);

/// What printing a path needs, segment by segment.
struct PathSegmentView {
  /// Debug-info type of the object the segment's pointer points to.
  const llvm::DIType *Pointee = nullptr;
  /// Source variable holding the segment's pointer, if any.
  std::string Var;
  /// Set when the pointer was cast to Pointee after adding this many bytes
  /// (a callee's `PCTX` parameter given `CONTAINING_RECORD(E, CTX, Link)`,
  /// which is E minus Link's offset): fields are named from there.
  std::optional<int64_t> CastAt;
  /// Source variable holding the pointer after that cast, if any
  /// (`DevExt = CONTAINING_RECORD(Csq, DEVICE_EXTENSION, Csq)`).
  std::string CastVar;
};

struct NamedPath {
  AccessPath Path;
  /// For an opaque base chosen among parameters' and globals' objects (a phi
  /// of `GlobalA` and `GlobalB`): its objects exist before the function, in
  /// a state its caller knows.
  bool KnownStart = false;
  std::string BaseName;
  llvm::SmallVector<PathSegmentView, 2> Segments{PathSegmentView()};

  /// The object the path points to as a C expression: `Ext->Lock`,
  /// `g_Ext.Locks[1]`, `*Lock`. \p ObjectType is the object's C type name,
  /// if known (see fieldsAt).
  std::string render(llvm::StringRef ObjectType = "") const;
  /// The pointer value the path is, as a C expression: where it was loaded
  /// from (`DevCtx->Lock` for a handle kept in a context field, whatever
  /// variable held it on the way), the variable holding it, or its address
  /// (`&Ext->Lock`).
  std::string renderValue() const;
  /// The fields addressed by the final offset, if the type is known.
  FieldChain lastFields() const;
};

/// The part of \p Object's path after \p Prefix, as a path whose base is
/// the pointer \p Prefix names (`E->Next->Lock` after `E->Next` is
/// `<base>->Lock`), if Object extends Prefix.
std::optional<NamedPath> pathAfter(const NamedPath &Object, const NamedPath &Prefix);

/// \p Inner's path with its base replaced by \p Actual: a callee's path
/// rooted at a parameter, rebased on the argument passed at a call site, or
/// one rooted at the pointer the callee returns, rebased on the call.
NamedPath rebasePath(const NamedPath &Inner, const NamedPath &Actual);

/// Computes (and remembers) the access paths of pointers used in one
/// function. Paths may reach into another function's frame: an outlined
/// `__finally` body reaches its parent's locals through `llvm.localrecover`.
class AccessPathBuilder {
public:
  AccessPathBuilder(const llvm::Function &F, const llvm::DataLayout &DL);
  ~AccessPathBuilder();

  const NamedPath &pathOf(const llvm::Value *Ptr);
  const llvm::Function &function() const { return F; }

private:
  struct FunctionVars;

  NamedPath compute(const llvm::Value *Ptr);
  NamedPath opaque(const llvm::Value *Ptr);
  /// Names the last segment of \p P, a pointer moved back from its base
  /// (CONTAINING_RECORD), after the variable holding \p Ptr, when there is
  /// one whose type says what it points to.
  void viewAsContainer(NamedPath &P, const llvm::Value *Ptr);
  /// What a call to a defined function returns, in this function's terms:
  /// `GetLock(Dev)` whose every `return` is `&Param->Lock` names
  /// `Dev->Lock`; a global it returns names that global.
  std::optional<NamedPath> returnedPath(const llvm::CallBase &CB);
  const FunctionVars &varsOf(const llvm::Function &Fn);
  /// The source variable whose value is \p V (a pointer), preferring one
  /// whose type says what it points to.
  const llvm::DILocalVariable *variableOf(const llvm::Value *V);
  /// The value every load from stack slot \p Slot reads, if the slot is
  /// written once and never escapes.
  const llvm::Value *onlyStoredValue(const llvm::AllocaInst &Slot);

  const llvm::Function &F;
  const llvm::DataLayout &DL;
  llvm::DenseMap<const llvm::Value *, NamedPath> Cache;
  llvm::SmallPtrSet<const llvm::Value *, 8> InProgress;
  llvm::DenseMap<const llvm::Function *, std::unique_ptr<FunctionVars>> Vars;
  /// Builders of the callees whose returned pointers are named, and how
  /// deep this builder sits in such a chain (bounded).
  llvm::DenseMap<const llvm::Function *, std::unique_ptr<AccessPathBuilder>> Callees;
  unsigned Depth = 0;
};

/// The function a function-local value belongs to, or null (globals,
/// constants).
const llvm::Function *owningFunction(const llvm::Value *V);

} // namespace sdv

namespace llvm {
template <> struct DenseMapInfo<sdv::AccessPath> {
  static sdv::AccessPath getEmptyKey() {
    sdv::AccessPath P;
    P.Base = DenseMapInfo<const Value *>::getEmptyKey();
    return P;
  }
  static sdv::AccessPath getTombstoneKey() {
    sdv::AccessPath P;
    P.Base = DenseMapInfo<const Value *>::getTombstoneKey();
    return P;
  }
  static unsigned getHashValue(const sdv::AccessPath &P) {
    return hash_combine(static_cast<unsigned>(P.Kind), P.Base, P.Generation,
                        hash_combine_range(P.Offsets.begin(), P.Offsets.end()));
  }
  static bool isEqual(const sdv::AccessPath &A, const sdv::AccessPath &B) {
    return A == B;
  }
};
} // namespace llvm

#endif // SDV_IR_ACCESSPATH_H
