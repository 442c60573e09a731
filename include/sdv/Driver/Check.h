//===- sdv/Driver/Check.h - The verifier as a library call ------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The stages in order: load and link the IR, canonicalise it, find the
/// entry routines, check each rule, and turn the result into a report. The
/// command line only parses options into these structs and prints what comes
/// back.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_DRIVER_CHECK_H
#define SDV_DRIVER_CHECK_H

#include "sdv/Analysis/Engine.h"
#include "sdv/Report/Report.h"
#include "sdv/Roles/Scan.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"

#include <optional>
#include <string>
#include <vector>

namespace sdv {

/// The tool's version, as printed in reports.
llvm::StringRef toolVersion();

struct RoleOptions {
  std::vector<std::string> Inputs;
  /// Inputs already in memory, read instead of Inputs when there are any
  /// (each buffer's identifier names it in messages).
  std::vector<llvm::MemoryBufferRef> InputBuffers;
  /// `FUNCTION=ROLE`, as given to --entry.
  std::vector<std::string> Entries;
  /// An sdv-map.h role map; empty for none.
  std::string MapFile;
  /// Without MapFile, read the `sdv-map.h` in the first input's directory,
  /// if there is one.
  bool AutoMap = true;
  /// Export lists (`.def` or `.spec`): the functions other drivers call.
  std::vector<std::string> ExportFiles;
  /// Roles files whose registrations and sequences add to the built-in
  /// catalogue's.
  std::vector<std::string> RolesFiles;
  /// Write the canonicalised module here (textual IR), to see what the
  /// analysis sees; empty for none.
  std::string DumpCanonicalIR;
};

/// The role map a check reads: --map's, else (unless --no-auto-map) the
/// sdv-map.h beside the first input if there is one; empty for none.
std::string roleMapFile(const RoleOptions &Options);

struct CheckOptions {
  RoleOptions Roles;
  /// Rule ids to check; empty means every built-in and loaded rule.
  std::vector<std::string> Rules;
  /// Extra rule files; a rule with a built-in rule's id replaces it.
  std::vector<std::string> RuleFiles;
  EngineOptions Engine;
  /// Where the sources are read from when the trace quotes them (branch
  /// conditions): see SourceFiles. Empty: where the debug info says.
  std::string SourceRoot;
  /// Free the driver's IR when the check is done. A tool that exits right
  /// after may leave it to the process's end, as clang's -disable-free does:
  /// tearing a large module down costs a tenth of reading it.
  bool FreeModule = true;
};

struct RunStats;

/// Checks one driver (the linked inputs); records the stages' times and
/// counts in \p Stats, if given.
llvm::Expected<CheckReport> runCheck(const CheckOptions &Options,
                                     RunStats *Stats = nullptr);

/// Finds the entry routines of one driver.
llvm::Expected<std::vector<EntryInfo>> runRoles(const RoleOptions &Options,
                                                std::vector<std::string> &Warnings);

/// Checks that the rule files of \p Options load and that its rule ids
/// exist: the same for every driver of a batch, so checked once.
llvm::Error checkRuleOptions(const CheckOptions &Options);

/// Reads the role-type declarations of C sources (`sdv-lite scan`) into a
/// role map; a source that cannot be read is an error.
llvm::Expected<RoleMap> runScan(const std::vector<std::string> &Sources,
                                std::vector<std::string> &Warnings);

/// The built-in rules and those of \p RuleFiles.
llvm::Expected<std::vector<RuleInfo>>
listRules(const std::vector<std::string> &RuleFiles);

/// The directory of the rule files installed with the tool (the sources of
/// the built-in rules, to start one's own --rule-file from), found relative
/// to the executable so that a moved installation still finds it; nullopt
/// when there is none.
std::optional<std::string> installedRuleFilesDir();

} // namespace sdv

#endif // SDV_DRIVER_CHECK_H
