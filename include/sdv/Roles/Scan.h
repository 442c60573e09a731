//===- sdv/Roles/Scan.h - Role declarations in C sources --------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads a driver's roles from its source text, where they are declared
/// (`DRIVER_DISPATCH MyRead;`, `_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH
/// MyRead;`, `HW_STARTIO MyStartIo;`) but which leaves no trace in IR, and
/// writes them as a role map in the reference tool's `sdv-map.h` format, the
/// format parseSdvMap reads back. The scan is lexical, not a parse: it skips
/// comments, string and character literals and preprocessor lines, and
/// reads every statement of the form `[annotations] ROLE_TYPE Name[, Name]*;`
/// whatever preprocessor conditionals surround it.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ROLES_SCAN_H
#define SDV_ROLES_SCAN_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace sdv {

class RoleCatalog;

/// One routine declared with a role type.
struct RoleDeclaration {
  std::string Function;
  /// The role the routine has: the type's role, or the IRP major function
  /// its `_Dispatch_type_` annotation narrows DRIVER_DISPATCH to.
  std::string Role;
  /// The role of the declaring type (DRIVER_DISPATCH for IRP_MJ_READ).
  std::string TypeRole;
  std::string File;
  unsigned Line = 0;
};

/// Appends the role declarations of one C source (or header) to \p Out,
/// and a warning to \p Warnings for each annotation it cannot use.
void scanRoleDeclarations(llvm::StringRef Text, llvm::StringRef FileName,
                          const RoleCatalog &Catalog,
                          std::vector<RoleDeclaration> &Out,
                          std::vector<std::string> &Warnings);

/// A role map: one `#define fun_<ROLE> <Function>` line per routine and
/// role, sorted by role then function. Several routines of one role are
/// numbered, `fun_DRIVER_CANCEL_1`, as the reference tool numbers them.
struct RoleMap {
  struct Line {
    std::string Macro, Function;
    /// The declaration it comes from, `file.c:12`.
    std::string Origin;
  };
  std::vector<Line> Lines;
  /// The sources scanned, in the order given.
  std::vector<std::string> Sources;
};

/// Merges the declarations of several sources into a map. Repeated
/// declarations (a prototype in a header and again in the source) are one
/// line; a plain DRIVER_DISPATCH declaration is dropped where another gives
/// the routine's IRP major function. A routine declared with two roles that
/// do not agree is a warning; both roles are kept.
RoleMap buildRoleMap(llvm::ArrayRef<RoleDeclaration> Declarations,
                     llvm::ArrayRef<std::string> Sources,
                     const RoleCatalog &Catalog,
                     std::vector<std::string> &Warnings);

/// Writes \p Map as an sdv-map.h, with a comment naming its sources.
void writeSdvMap(const RoleMap &Map, llvm::raw_ostream &OS);

} // namespace sdv

#endif // SDV_ROLES_SCAN_H
