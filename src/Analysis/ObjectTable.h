//===- ObjectTable.h - Monitored objects by access path ---------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_OBJECTTABLE_H
#define SDV_ANALYSIS_OBJECTTABLE_H

#include "sdv/IR/AccessPath.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/Argument.h"
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
    if (Inserted)
      Paths.push_back(P);
    return It->second;
  }

  const NamedPath &path(ObjectId Id) const { return Paths[Id]; }
  size_t size() const { return Paths.size(); }

  /// Objects that callers cannot name: a function's stack objects and
  /// objects behind its opaque pointers.
  bool isFunctionLocal(ObjectId Id) const {
    return Paths[Id].Path.isFunctionLocal();
  }

  /// Objects whose state when the function first touches them is unknown:
  /// behind an opaque pointer, or behind a pointer loaded from a local.
  bool hasUnknownStart(ObjectId Id) const {
    const AccessPath &P = Paths[Id].Path;
    return P.Kind == PathBase::Opaque ||
           (P.Kind == PathBase::Local && P.derefs() > 0);
  }

  /// The caller's object for callee object \p Id at call \p CB. \p PathOf
  /// gives the caller's path of an actual argument.
  ObjectId translate(ObjectId Id, const llvm::CallBase &CB,
                     llvm::function_ref<const NamedPath &(const llvm::Value *)> PathOf) {
    if (Paths[Id].Path.Kind != PathBase::Param)
      return Id;
    auto [It, Inserted] = Translations.try_emplace({&CB, Id}, Id);
    if (!Inserted)
      return It->second;
    unsigned ArgNo = llvm::cast<llvm::Argument>(Paths[Id].Path.Base)->getArgNo();
    if (ArgNo >= CB.arg_size())
      return Id;
    NamedPath Callee = Paths[Id];
    ObjectId Result = intern(substituteParam(Callee, PathOf(CB.getArgOperand(ArgNo))));
    Translations[{&CB, Id}] = Result;
    return Result;
  }

private:
  std::vector<NamedPath> Paths;
  llvm::DenseMap<AccessPath, ObjectId> Ids;
  llvm::DenseMap<std::pair<const llvm::CallBase *, ObjectId>, ObjectId> Translations;
};

} // namespace sdv

#endif // SDV_ANALYSIS_OBJECTTABLE_H
