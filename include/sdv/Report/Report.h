//===- sdv/Report/Report.h - What a check found, and its formats -*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The plain data a check produces (findings with traces, per-rule verdicts,
/// entry routines), independent of LLVM IR, and the writers that print it:
/// compiler-style text, JSON (docs/json-format.md) and SARIF 2.1.0.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_REPORT_REPORT_H
#define SDV_REPORT_REPORT_H

#include "sdv/IR/SourceLocation.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace sdv {

/// One step of a trace, ready to print.
struct TraceEntry {
  /// `entry`, `call`, `return`, the rule's event name (`acquire`,
  /// `release`, ...), or `violation`.
  std::string Kind;
  SourceLoc Loc;
  std::string Message;
  /// Call depth below the entry routine (0 in the routine itself).
  unsigned Depth = 0;
};

struct Finding {
  std::string RuleId;
  /// The rule's violation id, e.g. `double-acquire`.
  std::string Violation;
  std::string Message;
  SourceLoc Loc;
  std::string EntryRoutine;
  std::string Role;
  /// The monitored object, e.g. `DevExt->Lock`.
  std::string Object;
  /// The monitored function called at Loc, if any.
  std::string Function;
  /// The event that put the object in the violating state, if any.
  std::optional<TraceEntry> Related;
  std::vector<TraceEntry> Trace;
};

enum class Verdict { Defect, Pass, NotApplicable, Timeout, Spaceout };
llvm::StringRef verdictName(Verdict V);

struct RuleVerdict {
  std::string RuleId;
  Verdict Result = Verdict::Pass;
  unsigned Defects = 0;
  unsigned EntryRoutines = 0;
  /// Why the rule does not apply (NotApplicable), or which budget stopped
  /// the analysis (Timeout, Spaceout); empty otherwise.
  std::string Reason;
};

struct RuleInfo {
  std::string Id, Summary, Description, HelpUri;
};

struct EntryInfo {
  std::string Function;
  SourceLoc Loc;
  struct Role {
    std::string Name, Evidence;
  };
  std::vector<Role> Roles;
};

struct CheckReport {
  std::vector<std::string> Inputs;
  std::vector<RuleInfo> Rules;
  std::vector<EntryInfo> Entries;
  /// Sorted by file, line, column, rule.
  std::vector<Finding> Findings;
  std::vector<RuleVerdict> Verdicts;
  std::vector<std::string> Warnings;
  std::string ToolVersion;
};

enum class ReportFormat { Text, Json, Sarif };

/// Parses `text`, `json` or `sarif`.
std::optional<ReportFormat> parseReportFormat(llvm::StringRef Name);

class ReportWriter {
public:
  virtual ~ReportWriter() = default;
  virtual void write(const CheckReport &Report, llvm::raw_ostream &OS) = 0;
};

std::unique_ptr<ReportWriter> createReportWriter(ReportFormat Format);

/// Replaces invalid UTF-8 in every string of \p Report (names from the IR
/// and its debug info can hold any bytes) with U+FFFD, as JSON and SARIF
/// need it.
void makeValidUTF8(CheckReport &Report);

/// `roles` output: one line per entry routine and role with its evidence.
void writeRoles(const std::vector<EntryInfo> &Entries, llvm::raw_ostream &OS);

} // namespace sdv

#endif // SDV_REPORT_REPORT_H
