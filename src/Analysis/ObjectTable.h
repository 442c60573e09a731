//===- ObjectTable.h - Monitored objects by access path ---------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_OBJECTTABLE_H
#define SDV_ANALYSIS_OBJECTTABLE_H

#include "sdv/IR/AccessPath.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/Argument.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

#include <vector>

namespace sdv {

using ObjectId = uint32_t;

/// Interns access paths as small integers, for the whole driver, and maps a
/// callee's objects to its caller's at a call site.
class ObjectTable {
public:
  ObjectId intern(const NamedPath &P) {
    auto [It, Inserted] = Ids.try_emplace(P.Path, Paths.size());
    if (Inserted) {
      Paths.push_back(P);
      if (P.Path.Kind == PathBase::Opaque)
        OpaqueBases.insert(P.Path.Base);
    }
    return It->second;
  }

  /// Whether some object is named through opaque pointer \p V.
  bool isOpaqueBase(const llvm::Value *V) const { return OpaqueBases.count(V); }

  /// Whether \p Id is named, now, through opaque pointer \p Base.
  bool rootedAt(ObjectId Id, const llvm::Value *Base) const {
    const AccessPath &P = Paths[Id].Path;
    return P.Kind == PathBase::Opaque && P.Base == Base && P.Generation == 0;
  }

  /// The object standing for what \p Id's base named before it was
  /// redefined.
  ObjectId earlier(ObjectId Id) {
    NamedPath P = Paths[Id];
    P.Path.Generation = 1;
    return intern(P);
  }

  const NamedPath &path(ObjectId Id) const { return Paths[Id]; }
  size_t size() const { return Paths.size(); }

  /// Objects that callers of \p F cannot name: F's stack objects and
  /// objects behind F's opaque pointers. (An outlined `__finally` body names
  /// its parent's stack objects: to it they are like globals.)
  bool isLocalTo(ObjectId Id, const llvm::Function &F) const {
    const AccessPath &P = Paths[Id].Path;
    return P.isFunctionLocal() && !Paths[Id].KnownStart &&
           owningFunction(P.Base) == &F;
  }

  /// Objects whose state when \p F first touches them is unknown: behind
  /// one of F's opaque pointers, or behind a pointer loaded from F's stack.
  bool hasUnknownStartIn(ObjectId Id, const llvm::Function &F) const {
    const AccessPath &P = Paths[Id].Path;
    return isLocalTo(Id, F) &&
           (P.Kind == PathBase::Opaque || P.derefs() > 0);
  }

  /// Objects that die when \p F returns: its own stack objects. (Objects
  /// behind F's opaque pointers outlive it: a lock F acquired through a
  /// looked-up pointer is still held in its caller.)
  bool diesWith(ObjectId Id, const llvm::Function &F) const {
    const AccessPath &P = Paths[Id].Path;
    return P.Kind == PathBase::Local && P.derefs() == 0 &&
           owningFunction(P.Base) == &F;
  }

  /// The caller's object for object \p Id of \p Callee at call \p CB.
  /// \p PathOf gives the caller's path of a value at the call (an argument,
  /// or the call's result); \p ReturnedBase is the opaque pointer the callee
  /// returned, if any, so that objects behind it are named through the call.
  /// Translations are remembered per call site unless \p PathDependent (the
  /// caller's paths depend on its path state).
  ObjectId translate(ObjectId Id, const llvm::Function &Callee,
                     const llvm::CallBase &CB,
                     llvm::function_ref<const NamedPath &(const llvm::Value *)> PathOf,
                     const llvm::Value *ReturnedBase = nullptr,
                     bool PathDependent = false) {
    const AccessPath &P = Paths[Id].Path;
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
      return intern(rebasePath(Paths[Id], PathOf(Actual)));
    auto [It, Inserted] = Translations.try_emplace({&CB, Id}, Id);
    if (!Inserted)
      return It->second;
    NamedPath Inner = Paths[Id];
    ObjectId Result = intern(rebasePath(Inner, PathOf(Actual)));
    Translations[{&CB, Id}] = Result;
    return Result;
  }

private:
  std::vector<NamedPath> Paths;
  llvm::DenseMap<AccessPath, ObjectId> Ids;
  llvm::DenseSet<const llvm::Value *> OpaqueBases;
  llvm::DenseMap<std::pair<const llvm::CallBase *, ObjectId>, ObjectId> Translations;
};

} // namespace sdv

#endif // SDV_ANALYSIS_OBJECTTABLE_H
