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

#include "sdv/IR/SourceFiles.h"
#include "sdv/IR/SourceLocation.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <chrono>
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
  /// For a violation at a monitored call, the rule event of that call
  /// (`acquire`, `release`, ...); empty otherwise.
  std::string Event;
  /// For a `branch` step, whether the path takes the condition's true
  /// branch; unset when the optimised IR does not tell (and for other
  /// steps).
  std::optional<bool> TakesTrue;
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
  /// Whether the violation is the entry routine's return (Loc is a return).
  bool AtExit = false;
  /// For a violation at the entry routine's return: the routine's other
  /// returns in a violating state that are the same mistake (kind `exit`;
  /// the message names the object), in source order; Loc is the one the
  /// trace reaches.
  std::vector<TraceEntry> OtherExits;
  /// Identifies the finding across edits of unrelated lines (see
  /// fingerprintFindings); empty until computed.
  std::string Fingerprint;
  /// Against a baseline: `new` or `unchanged`; empty without one.
  std::string BaselineState;
  /// Why the finding is not to be acted on, when it is suppressed.
  struct Suppression {
    /// `inSource` (a comment) or `external` (a suppressions file).
    std::string Kind;
    std::string Justification;
    /// `file:line` of the comment or of the suppressions file's entry.
    std::string Where;
  };
  std::optional<Suppression> Suppressed;
};

/// A baseline result that the check no longer finds.
struct AbsentFinding {
  std::string RuleId, Message, Fingerprint;
  /// The driver of a batch log's result (`properties.driver`); empty in a
  /// log of one driver.
  std::string Driver;
  /// As the baseline gives them: the artifact URI (and its base id), line
  /// and column; empty or 0 when it gives none.
  std::string Uri, UriBaseId;
  unsigned Line = 0, Column = 0;
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
  /// The driver models the rule applies to (WDM, KMDF, NDIS, Storport).
  std::vector<std::string> Models;
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
  /// Source files whose text the analysis looked at (to tell `return;`
  /// statements apart), sorted; not printed. A cached report stays valid
  /// only while they are unchanged.
  std::vector<std::string> SourceFiles;
  /// Whether the findings were compared with a baseline.
  bool HasBaseline = false;
  /// With a baseline: its results not found any more, in its order.
  std::vector<AbsentFinding> Absent;
};

enum class ReportFormat { Text, Json, Sarif };

/// Parses `text`, `json` or `sarif`.
std::optional<ReportFormat> parseReportFormat(llvm::StringRef Name);

/// How a report is written.
struct WriterOptions {
  /// Where source files are read from: see SourceFiles (empty: where the
  /// debug info says).
  std::string SourceRoot;
  /// Text: ANSI colours.
  bool Color = false;
  /// Text: one line per defect and nothing else.
  bool Brief = false;
  /// Text: show each diagnostic's source line with a caret under its column.
  bool ShowSource = true;
  /// Text: list suppressed findings too (otherwise only their count).
  bool ShowSuppressed = false;
  /// SARIF: the command line, recorded as the run's invocation.
  std::vector<std::string> Arguments;
  /// SARIF: when the run started. Recorded, with the time the report is
  /// written, only when set: times make outputs differ between runs.
  std::optional<std::chrono::system_clock::time_point> StartTime;
};

class ReportWriter {
public:
  virtual ~ReportWriter() = default;
  virtual void write(const CheckReport &Report, llvm::raw_ostream &OS) = 0;
};

std::unique_ptr<ReportWriter>
createReportWriter(ReportFormat Format, const WriterOptions &Options = {});

/// Sets each finding's Fingerprint: a hash of the rule, the violation, the
/// entry routine, the lock, the function holding the primary location and
/// the primary source line's text (blanks collapsed, a trailing `//`
/// comment dropped; empty when the source cannot be read), followed by
/// `:N`, the finding's index among those with the same hash in report
/// order. Line numbers are left out, so that editing other lines keeps it.
void fingerprintFindings(std::vector<Finding> &Findings, SourceFiles &Sources);

/// The results of an earlier SARIF log of sdv-lite, by fingerprint.
struct Baseline {
  std::vector<AbsentFinding> Results;
};

/// Reads \p Path, a SARIF log written by `sdv-lite check --format sarif`.
/// Results the log itself marks `absent` are left out.
llvm::Expected<Baseline> loadBaseline(llvm::StringRef Path);

/// Marks each finding `new` or `unchanged` (its fingerprint is in \p Old)
/// and lists the baseline's results not found any more as absent.
void applyBaseline(CheckReport &Report, const Baseline &Old);

/// Suppresses findings: by a comment `sdv-lite: ignore RULE reason` on the
/// primary location's line or the line above it, and by the entries of the
/// suppressions file \p File (none when empty), one per line:
///
///     RULE FILE:LINE reason       FILE a path or a suffix of one, at `/`
///     RULE FINGERPRINT reason     as in the SARIF's partialFingerprints,
///                                 with or without its `:N`
///
/// RULE may be `*`. Blank lines and lines starting with `#` are ignored.
/// \returns a malformed file's error; an entry that suppresses nothing
/// adds a warning to the report.
llvm::Error applySuppressions(CheckReport &Report, SourceFiles &Sources,
                              llvm::StringRef File);

/// What a team has already judged: suppressions and a baseline.
struct TriageOptions {
  /// Where sources are read from, for suppression comments (see
  /// SourceFiles).
  std::string SourceRoot;
  /// A suppressions file (see applySuppressions); empty for none.
  std::string SuppressionsFile;
  /// A SARIF log to compare with (see loadBaseline); empty for none.
  std::string BaselineFile;
};

/// Applies the suppressions (comments, and the file if given) and the
/// baseline if given; \returns an unreadable or malformed file's error.
llvm::Error triage(CheckReport &Report, const TriageOptions &Options);

/// Whether the report has a defect that fails the check: one not
/// suppressed and, with \p OnlyNew, not `unchanged` against the baseline.
bool hasFailingDefect(const CheckReport &Report, bool OnlyNew);

/// The defects of \p Report that fail the check (see hasFailingDefect).
unsigned failingDefects(const CheckReport &Report, bool OnlyNew);

/// Writes the HTML defect viewer into directory \p Dir (created if
/// needed): index.html and one defect-N.html per finding, self-contained.
llvm::Error writeHtmlReport(const CheckReport &Report, const WriterOptions &Options,
                            llvm::StringRef Dir);

/// Replaces invalid UTF-8 in every string of \p Report (names from the IR
/// and its debug info can hold any bytes) with U+FFFD, as JSON and SARIF
/// need it.
void makeValidUTF8(CheckReport &Report);

/// `roles` output: one line per entry routine and role with its evidence.
void writeRoles(const std::vector<EntryInfo> &Entries, llvm::raw_ostream &OS);

} // namespace sdv

#endif // SDV_REPORT_REPORT_H
