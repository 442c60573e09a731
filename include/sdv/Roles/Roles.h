//===- sdv/Roles/Roles.h - Driver entry routines ----------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the routines the OS calls a driver through, and their roles. Role
/// declarations (`DRIVER_DISPATCH MyRead;`) leave no trace in IR, so roles
/// come from how a routine is registered (a store into
/// `DriverObject->MajorFunction[IRP_MJ_READ]`, a call to `KeInitializeDpc`,
/// a `HW_INITIALIZATION_DATA` field ...), from `--entry FUNC=ROLE`, and from
/// the reference tool's `sdv-map.h`. What counts as a registration is data:
/// rules/roles.yaml.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ROLES_ROLES_H
#define SDV_ROLES_ROLES_H

#include "sdv/IR/MethodTable.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class Function;
class Instruction;
class Module;
} // namespace llvm

namespace sdv {

namespace rolesyaml {
struct CatalogSpec;
} // namespace rolesyaml

/// How a driver registers routines, as read from a roles catalogue.
class RoleCatalog {
public:
  struct FieldRule {
    std::string Struct, Field, Role;
    std::vector<std::string> IndexRoles;
    /// Matches the fields of every structure derived from `Struct` too
    /// (`derived-tables`); an empty `Field` matches any field.
    bool Derived = false;
  };
  /// How a structure derives from a base (`derived-tables`): its first
  /// member is of the base's type, or its first members are `Fields`.
  struct Derivation {
    std::string Base;
    std::vector<std::string> Fields;
  };
  struct CallRule {
    std::string Function;
    unsigned Arg = 0;
    std::string Role;
    std::optional<unsigned> WhenArg;
    uint64_t Equals = 0;
    /// For a fill (RtlFillMemoryUlong of a dispatch table): the argument
    /// pointing into the table; the role is the table field's.
    std::optional<unsigned> IntoArg;
  };
  struct ByName {
    std::string Function, Role;
  };
  /// One call of a sequence: the routine the registration passed as its
  /// argument `Arg`, called with `Args` (a sequence parameter's name, `&x`
  /// for the address of the sequence's local `x`, `x` for its value).
  struct SequenceStep {
    unsigned Arg = 0;
    std::vector<std::string> Args;
  };
  /// The calls a framework routine (`Via`) makes, in order.
  struct SequenceCase {
    std::string Via;
    std::vector<SequenceStep> Steps;
  };
  /// Routines a framework calls in fixed orders on each registration, which
  /// are one entry routine together: IoCsqInsertIrp calls a cancel-safe
  /// queue's acquire-lock, insert and release-lock callbacks in turn.
  struct SequenceRule {
    std::string RegisteredBy, Name, Role;
    std::vector<SequenceCase> Cases;
  };
  /// A framework method called through its method table (KMDF).
  using MethodSlot = sdv::MethodSlot;

  static llvm::Expected<RoleCatalog> parse(llvm::StringRef Yaml,
                                           llvm::StringRef BufferName);
  /// The catalogue built into the binary (rules/roles.yaml), with the
  /// entries of each file of \p Extensions added (a driver's own
  /// registrations or sequences, in the same format; every key optional).
  static llvm::Expected<RoleCatalog> builtin(llvm::ArrayRef<std::string> Extensions = {});

  /// The canonical role for \p Name (a role, or an alias such as
  /// `DriverUnload`), if known.
  std::optional<std::string> resolveRole(llvm::StringRef Name) const;

  /// The role a declaration `TYPE Routine;` gives its routine: a role's own
  /// name or one of the catalogue's `declaration-types`. Aliases and the
  /// roles that refine another (IRP_MJ_READ) are not types.
  std::optional<std::string> declarationRole(llvm::StringRef Type) const;

  /// The roles that narrow \p Role down to one slot of its registration
  /// table: IRP_MJ_READ ... for DRIVER_DISPATCH (a field's `index-roles`).
  std::vector<std::string> refinements(llvm::StringRef Role) const;

  /// Whether routines of roles \p A and \p B agree: the same role, one a
  /// refinement of the other, or listed as `equivalent-roles`.
  bool compatible(llvm::StringRef A, llvm::StringRef B) const;

  /// The name role maps give \p Role: its first alias (`DriverUnload` for
  /// DRIVER_UNLOAD, as the reference tool writes it), or the role itself.
  std::string mapName(llvm::StringRef Role) const;

  const std::vector<FieldRule> &fieldRules() const { return Fields; }
  const std::vector<CallRule> &callRules() const { return Calls; }
  const std::vector<ByName> &byName() const { return Named; }
  const std::vector<MethodSlot> &methodSlots() const { return Methods; }
  const std::vector<SequenceRule> &sequenceRules() const { return Sequences; }
  const std::vector<Derivation> &derivations() const { return Derivations; }
  /// The role of a function the driver exports (`exported-role`).
  llvm::StringRef exportedRole() const { return ExportedRole; }
  /// Whether the kernel routine \p Function never writes through its
  /// pointer argument \p Arg (from 0) (`read-only-args`).
  bool readOnlyArg(llvm::StringRef Function, unsigned Arg) const;
  /// Documented field names of \p Struct in declaration order, if listed.
  const std::vector<std::string> *fieldOrder(llvm::StringRef Struct) const;

private:
  static llvm::Expected<RoleCatalog> build(rolesyaml::CatalogSpec &Spec,
                                           llvm::StringRef BufferName);

  std::vector<std::string> Roles;
  llvm::StringMap<std::string> Aliases;
  /// Aliases in catalogue order, for mapName.
  std::vector<std::pair<std::string, std::string>> AliasList;
  llvm::StringMap<std::string> DeclarationTypes;
  std::vector<std::vector<std::string>> Equivalent;
  std::vector<FieldRule> Fields;
  std::vector<CallRule> Calls;
  std::vector<ByName> Named;
  std::vector<MethodSlot> Methods;
  std::vector<SequenceRule> Sequences;
  std::vector<Derivation> Derivations;
  std::string ExportedRole;
  llvm::StringMap<std::vector<std::string>> FieldOrders;
  llvm::StringMap<llvm::SmallVector<unsigned, 1>> ReadOnly;
};

/// Why a routine has a role.
struct RoleEvidence {
  std::string Role;
  /// Readable, e.g. "stored into DriverObject->MajorFunction[IRP_MJ_READ]".
  std::string How;
  /// The registering instruction, if the evidence is in the IR.
  const llvm::Instruction *Site = nullptr;
};

struct EntryRoutine {
  const llvm::Function *F = nullptr;
  std::vector<RoleEvidence> Evidence;
  /// The role used in messages: the first one found.
  llvm::StringRef role() const { return Evidence.front().Role; }
};

/// A `FUNC=ROLE` pair given by the user, and where it came from.
struct DeclaredEntry {
  std::string Function, Role;
  /// `--entry` or `sdv-map.h:12`.
  std::string Origin;
  /// A strict declaration naming a function the module does not define is
  /// an error; a lax one (from a role map shared by several builds) is a
  /// warning.
  bool Strict = true;
  /// Says how the routine is reached rather than declaring its role (an
  /// export list): the driver may also register it in other roles.
  bool Reach = false;
};

/// The functions an export list names, as lax entries of role \p Role: a
/// module-definition file (`EXPORTS` then `Name[=Internal] [@N] [NONAME]
/// [PRIVATE] [DATA]`) or a spec file (`@ stdcall Name(args) [Internal]`).
/// Data and stubs are left out, and so are exports forwarded to another
/// module (`Module.Name`).
std::vector<DeclaredEntry> parseExports(llvm::StringRef Text, llvm::StringRef FileName,
                                        llvm::StringRef Role);

/// Reads the reference tool's role map format (`#define fun_HW_STARTIO
/// MyStartIo`, one per line). Roles are resolved against \p Catalog.
llvm::Expected<std::vector<DeclaredEntry>>
parseSdvMap(llvm::StringRef Text, llvm::StringRef FileName,
            const RoleCatalog &Catalog);

/// A question about how the driver configures itself: does it store into
/// field `Field` of structure `Struct` (the constant `Value`, if given)?
struct FieldStoreQuestion {
  std::string Struct, Field;
  std::optional<int64_t> Value;
};

struct RoleDiscovery {
  /// Sorted by function name.
  std::vector<EntryRoutine> Entries;
  std::vector<std::string> Warnings;
  /// The answers to the questions asked, in order: true if the driver
  /// stores (that constant) into the field, false if it never stores into
  /// it, unknown if it stores only values that are not constants.
  std::vector<std::optional<bool>> FieldStores;
};

struct SequenceEntry;

/// Finds the entry routines of \p M: registrations in the IR plus
/// \p Declared and the routines made for \p Sequences (see
/// Sequences.h), and answers \p Questions from the same reading of the
/// module. A declared entry naming a function the module does not define,
/// or an unknown role, is an error.
llvm::Expected<RoleDiscovery>
findEntryRoutines(const llvm::Module &M, const RoleCatalog &Catalog,
                  const std::vector<DeclaredEntry> &Declared,
                  const std::vector<FieldStoreQuestion> &Questions = {},
                  llvm::ArrayRef<SequenceEntry> Sequences = {});

} // namespace sdv

#endif // SDV_ROLES_ROLES_H
