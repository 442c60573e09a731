//===- ObjectTable.h - Monitored objects by name ----------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Interns the objects every rule monitors as small integers, for the whole
/// driver, and maps a callee's objects to its caller's at a call site. An
/// object belongs to one rule and is named in one of these ways:
/// - Path: by its access path (`&Ext->Lock`), or for a handle object by the
///   access path of the handle's value;
/// - Key: by a constant (a lock kind), qualified or not by an access path;
/// - KeyOfParam: by the constant a caller passes for an integer parameter
///   (a helper taking the lock kind), qualified or not;
/// - Single: the rule's one object;
/// - ViaHandle: the object bound, when the function was entered, to the lock
///   handle at an access path (a helper releasing through a handle its
///   caller filled).
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_OBJECTTABLE_H
#define SDV_ANALYSIS_OBJECTTABLE_H

#include "sdv/Analysis/EventMatcher.h"
#include "sdv/IR/AccessPath.h"
#include "sdv/Rule/Rule.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/Argument.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

#include <optional>
#include <string>
#include <vector>

namespace sdv {

using ObjectId = uint32_t;
/// No object.
constexpr ObjectId NoObject = ~ObjectId(0);

enum class ObjectKind : uint8_t { Path, Key, KeyOfParam, Single, ViaHandle };

/// An object's identity (the view for printing is kept beside it).
struct ObjectName {
  RuleIndex Rule = 0;
  ObjectKind Kind = ObjectKind::Path;
  /// Key: the constant. KeyOfParam: the parameter's number.
  int64_t Key = 0;
  /// Path, ViaHandle and a qualified key (or KeyOfParam) have a path.
  bool HasPath = false;
  AccessPath Path;

  bool operator==(const ObjectName &O) const {
    return Rule == O.Rule && Kind == O.Kind && Key == O.Key &&
           HasPath == O.HasPath && Path == O.Path;
  }
};

} // namespace sdv

namespace llvm {
template <> struct DenseMapInfo<sdv::ObjectName> {
  static sdv::ObjectName getEmptyKey() {
    sdv::ObjectName N;
    N.Path = DenseMapInfo<sdv::AccessPath>::getEmptyKey();
    N.HasPath = true;
    return N;
  }
  static sdv::ObjectName getTombstoneKey() {
    sdv::ObjectName N;
    N.Path = DenseMapInfo<sdv::AccessPath>::getTombstoneKey();
    N.HasPath = true;
    return N;
  }
  static unsigned getHashValue(const sdv::ObjectName &N) {
    return hash_combine(N.Rule, static_cast<unsigned>(N.Kind), N.Key, N.HasPath,
                        DenseMapInfo<sdv::AccessPath>::getHashValue(N.Path));
  }
  static bool isEqual(const sdv::ObjectName &A, const sdv::ObjectName &B) {
    return A == B;
  }
};
} // namespace llvm

namespace sdv {

class ObjectTable {
public:
  /// The object at \p P (rule \p R's Path naming).
  ObjectId intern(RuleIndex R, const NamedPath &P) {
    return intern(ObjectKind::Path, R, 0, &P);
  }
  /// The object of key \p Key, qualified by \p Qualifier if given.
  ObjectId internKey(RuleIndex R, int64_t Key, const NamedPath *Qualifier = nullptr) {
    return intern(ObjectKind::Key, R, Key, Qualifier);
  }
  /// The object of the key passed for parameter \p ArgNo, called \p Label.
  /// (A qualifier is not followed through a parameter.)
  ObjectId internKeyOfParam(RuleIndex R, unsigned ArgNo, llvm::StringRef Label) {
    ObjectId Id = intern(ObjectKind::KeyOfParam, R, ArgNo, nullptr);
    if (Entries[Id].Label.empty())
      Entries[Id].Label = Label.str();
    return Id;
  }
  ObjectId internSingle(RuleIndex R) { return intern(ObjectKind::Single, R, 0, nullptr); }
  /// The object bound to the handle at \p Handle on entry.
  ObjectId internViaHandle(RuleIndex R, const NamedPath &Handle) {
    return intern(ObjectKind::ViaHandle, R, 0, &Handle);
  }

  const ObjectName &name(ObjectId Id) const { return Entries[Id].Name; }
  RuleIndex rule(ObjectId Id) const { return Entries[Id].Name.Rule; }
  ObjectKind kind(ObjectId Id) const { return Entries[Id].Name.Kind; }
  bool hasPath(ObjectId Id) const { return Entries[Id].Name.HasPath; }
  /// The path naming \p Id (its own, its handle's or its qualifier's), for
  /// objects that have one; an empty view otherwise.
  const NamedPath &path(ObjectId Id) const { return Entries[Id].View; }

  /// Whether some object is named through opaque pointer \p V.
  bool isOpaqueBase(const llvm::Value *V) const { return OpaqueBases.count(V); }

  /// Whether \p Id is named, now, through opaque pointer \p Base.
  bool rootedAt(ObjectId Id, const llvm::Value *Base) const {
    if (!hasPath(Id))
      return false;
    const AccessPath &P = path(Id).Path;
    return P.Kind == PathBase::Opaque && P.Base == Base && P.Generation == 0;
  }

  /// The object standing for what \p Id's base named before it was
  /// redefined.
  ObjectId earlier(ObjectId Id) {
    Entry E = Entries[Id];
    E.Name.Path.Generation = 1;
    E.View.Path.Generation = 1;
    return intern(E.Name.Kind, E.Name.Rule, E.Name.Key, &E.View);
  }

  /// \p Id named by \p P instead (an object moved to the phi that now holds
  /// its base); of the same kind, rule and key.
  ObjectId withPath(ObjectId Id, const NamedPath &P) {
    Entry E = Entries[Id];
    return intern(E.Name.Kind, E.Name.Rule, E.Name.Key, &P);
  }

  size_t size() const { return Entries.size(); }

  /// Objects that callers of \p F cannot name: F's stack objects and
  /// objects behind F's opaque pointers. (An outlined `__finally` body names
  /// its parent's stack objects: to it they are like globals.)
  bool isLocalTo(ObjectId Id, const llvm::Function &F) const {
    if (!hasPath(Id) || kind(Id) == ObjectKind::KeyOfParam)
      return false;
    const AccessPath &P = path(Id).Path;
    return P.isFunctionLocal() && !path(Id).KnownStart && owningFunction(P.Base) == &F;
  }

  /// Objects whose state when \p F first touches them is unknown: behind
  /// one of F's opaque pointers, or behind a pointer loaded from F's stack.
  bool hasUnknownStartIn(ObjectId Id, const llvm::Function &F) const {
    const AccessPath &P = path(Id).Path;
    return isLocalTo(Id, F) && (P.Kind == PathBase::Opaque || P.derefs() > 0);
  }

  /// Objects that die when \p F returns: its own stack objects (and what
  /// was bound to one of its stack handles). (Objects behind F's opaque
  /// pointers outlive it: a lock F acquired through a looked-up pointer is
  /// still held in its caller.)
  bool diesWith(ObjectId Id, const llvm::Function &F) const {
    if (!hasPath(Id) || (kind(Id) != ObjectKind::Path && kind(Id) != ObjectKind::ViaHandle))
      return false;
    const AccessPath &P = path(Id).Path;
    return P.Kind == PathBase::Local && P.derefs() == 0 && owningFunction(P.Base) == &F;
  }

  /// The caller's object for object \p Id of \p Callee at call \p CB, if the
  /// caller can name it. \p PathOf gives the caller's path of a value at the
  /// call (an argument, or the call's result); \p ReturnedBase is the opaque
  /// pointer the callee returned, if any, so that objects behind it are
  /// named through the call. Translations are remembered per call site
  /// unless \p PathDependent (the caller's paths depend on its path state).
  /// A ViaHandle object comes back as the caller's ViaHandle object: the
  /// caller resolves it through its own bindings.
  std::optional<ObjectId>
  translate(ObjectId Id, const llvm::Function &Callee, const llvm::CallBase &CB,
            llvm::function_ref<const NamedPath &(const llvm::Value *)> PathOf,
            const llvm::Value *ReturnedBase = nullptr, bool PathDependent = false) {
    const ObjectName &N = name(Id);
    if (N.Kind == ObjectKind::KeyOfParam)
      return translateKeyOfParam(Id, Callee, CB, PathOf);
    if (!N.HasPath)
      return Id;
    const AccessPath &P = N.Path;
    const llvm::Value *Actual = nullptr;
    if (P.Kind == PathBase::Param) {
      const auto *Formal = llvm::cast<llvm::Argument>(P.Base);
      // Another function's parameter (reached through localrecover)
      // already is in its own terms.
      if (Formal->getParent() == &Callee && Formal->getArgNo() < CB.arg_size())
        Actual = CB.getArgOperand(Formal->getArgNo());
    } else if (P.Kind == PathBase::Opaque && ReturnedBase && P.Base == ReturnedBase) {
      Actual = &CB;
    }
    if (!Actual)
      return Id;
    if (PathDependent)
      return rebased(Id, PathOf(Actual));
    auto [It, Inserted] = Translations.try_emplace({&CB, Id}, Id);
    if (!Inserted)
      return It->second;
    ObjectId Result = rebased(Id, PathOf(Actual));
    Translations[{&CB, Id}] = Result;
    return Result;
  }

  /// \p Id as a C expression or a name, for messages: `Ext->Lock`,
  /// `StartIoLock`, `cancel spin lock`.
  std::string render(ObjectId Id, const Rule &R) const {
    const Entry &E = Entries[Id];
    switch (E.Name.Kind) {
    case ObjectKind::Path:
      return R.objectIsHandle() ? E.View.renderValue() : E.View.render(R.objectType());
    case ObjectKind::Key: {
      unsigned Space = Rule::keySpaceOf(E.Name.Key);
      int64_t Value = Rule::keyValueOf(E.Name.Key);
      std::optional<unsigned> K = Space ? std::nullopt : R.keyIndex(Value);
      std::string Name = K ? R.keys()[*K].Name : Space ? R.keySpaceName(Space).str() : "lock";
      if (Value == Rule::ValueKey)
        return Name + " " + E.View.render();
      if (!K)
        Name += " " + std::to_string(Value);
      if (E.Name.HasPath)
        Name += " of " + E.View.render(R.qualifierType());
      return Name;
    }
    case ObjectKind::KeyOfParam:
      return "lock " + E.Label;
    case ObjectKind::Single:
      return R.singleName().str();
    case ObjectKind::ViaHandle:
      return "lock of " + E.View.render(R.handleType());
    }
    return "";
  }

private:
  struct Entry {
    ObjectName Name;
    NamedPath View;
    /// KeyOfParam: the parameter's name.
    std::string Label;
  };

  ObjectId intern(ObjectKind Kind, RuleIndex R, int64_t Key, const NamedPath *P) {
    ObjectName N;
    N.Rule = R;
    N.Kind = Kind;
    N.Key = Key;
    if (P) {
      N.HasPath = true;
      N.Path = P->Path;
    }
    auto [It, Inserted] = Ids.try_emplace(N, Entries.size());
    if (Inserted) {
      // (P may point into Entries, e.g. another object's path: read it
      // before the table grows.)
      if (P && P->Path.Kind == PathBase::Opaque)
        OpaqueBases.insert(P->Path.Base);
      Entries.push_back({N, P ? *P : NamedPath(), ""});
    }
    return It->second;
  }

  /// \p Id with its path's base replaced by \p Actual.
  ObjectId rebased(ObjectId Id, const NamedPath &Actual) {
    Entry E = Entries[Id];
    NamedPath Moved = rebasePath(E.View, Actual);
    return intern(E.Name.Kind, E.Name.Rule, E.Name.Key, &Moved);
  }

  std::optional<ObjectId>
  translateKeyOfParam(ObjectId Id, const llvm::Function &Callee, const llvm::CallBase &CB,
                      llvm::function_ref<const NamedPath &(const llvm::Value *)> PathOf) {
    unsigned Space = Rule::keySpaceOf(Entries[Id].Name.Key);
    unsigned ArgNo = Rule::keyValueOf(Entries[Id].Name.Key);
    RuleIndex R = Entries[Id].Name.Rule;
    if (ArgNo >= CB.arg_size() || ArgNo >= Callee.arg_size())
      return std::nullopt;
    const llvm::Value *Actual = CB.getArgOperand(ArgNo);
    if (const auto *C = llvm::dyn_cast<llvm::ConstantInt>(Actual))
      return internKey(R, Rule::spacedKey(Space, C->getSExtValue()));
    if (const auto *A = llvm::dyn_cast<llvm::Argument>(Actual))
      return internKeyOfParam(R, Rule::spacedKey(Space, A->getArgNo()), PathOf(A).BaseName);
    return std::nullopt;
  }

  std::vector<Entry> Entries;
  llvm::DenseMap<ObjectName, ObjectId> Ids;
  llvm::DenseSet<const llvm::Value *> OpaqueBases;
  llvm::DenseMap<std::pair<const llvm::CallBase *, ObjectId>, ObjectId> Translations;
};

} // namespace sdv

#endif // SDV_ANALYSIS_OBJECTTABLE_H
