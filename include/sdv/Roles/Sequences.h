//===- sdv/Roles/Sequences.h - Callbacks called in sequence -----*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Some frameworks call a driver's registered callbacks in a fixed order, so
/// that one callback's effect is the next one's premise: IoCsqInsertIrp
/// calls a cancel-safe queue's acquire-lock callback, then its insert
/// callback, then its release-lock callback. None of them is an entry
/// routine alone (the acquire callback returns holding the lock by
/// contract). For each registration (`IoCsqInitialize(&Csq, Insert, ...)`)
/// this adds to the module a routine that makes those calls, one case per
/// framework routine, as the catalogue's `sequences` say; the analysis takes
/// it as an entry routine like any other.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ROLES_SEQUENCES_H
#define SDV_ROLES_SEQUENCES_H

#include "sdv/Roles/Roles.h"

#include <string>
#include <vector>

namespace llvm {
class Function;
class Instruction;
class Module;
} // namespace llvm

namespace sdv {

/// A routine added to the module for one registration of a sequence.
struct SequenceEntry {
  const llvm::Function *F = nullptr;
  std::string Role;
  /// Readable: "calls the callbacks registered by IoCsqInitialize at x.c:9".
  std::string How;
  /// The registration.
  const llvm::Instruction *Site = nullptr;
};

/// Adds a routine to \p M for each registration of each of \p Catalog's
/// sequences whose callbacks are the driver's functions; a registration
/// whose callbacks cannot be told is skipped with a line in \p Warnings.
/// The routines carry debug info at the registration when it has some.
std::vector<SequenceEntry> addSequenceEntries(llvm::Module &M,
                                              const RoleCatalog &Catalog,
                                              std::vector<std::string> &Warnings);

} // namespace sdv

#endif // SDV_ROLES_SEQUENCES_H
