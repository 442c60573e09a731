//===- Report.cpp - Report formats ----------------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Report/Report.h"

#include "Writers.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace sdv {

StringRef verdictName(Verdict V) {
  switch (V) {
  case Verdict::Defect:
    return "Defect";
  case Verdict::Pass:
    return "Pass";
  case Verdict::NotApplicable:
    return "Not Applicable";
  case Verdict::Timeout:
    return "Timeout";
  case Verdict::Spaceout:
    return "Spaceout";
  }
  llvm_unreachable("covered switch");
}

std::optional<ReportFormat> parseReportFormat(StringRef Name) {
  if (Name == "text")
    return ReportFormat::Text;
  if (Name == "json")
    return ReportFormat::Json;
  if (Name == "sarif")
    return ReportFormat::Sarif;
  return std::nullopt;
}

namespace {

void fixString(std::string &S) {
  if (!json::isUTF8(S))
    S = json::fixUTF8(S);
}

void fixLocation(SourceLoc &L) {
  fixString(L.File);
  fixString(L.Directory);
  fixString(L.Function);
}

void fixTrace(TraceEntry &T) {
  fixString(T.Kind);
  fixLocation(T.Loc);
  fixString(T.Message);
  fixString(T.Event);
}

} // namespace

void makeValidUTF8(CheckReport &Report) {
  for (std::string &S : Report.Inputs)
    fixString(S);
  for (RuleInfo &R : Report.Rules)
    for (std::string *S : {&R.Id, &R.Summary, &R.Description, &R.HelpUri})
      fixString(*S);
  for (EntryInfo &E : Report.Entries) {
    fixString(E.Function);
    fixLocation(E.Loc);
    for (EntryInfo::Role &R : E.Roles) {
      fixString(R.Name);
      fixString(R.Evidence);
    }
  }
  for (Finding &F : Report.Findings) {
    for (std::string *S : {&F.RuleId, &F.Violation, &F.Message, &F.EntryRoutine, &F.Role,
                           &F.Object, &F.Function})
      fixString(*S);
    fixLocation(F.Loc);
    if (F.Related)
      fixTrace(*F.Related);
    for (TraceEntry &T : F.Trace)
      fixTrace(T);
    for (TraceEntry &T : F.OtherExits)
      fixTrace(T);
    if (F.Suppressed)
      for (std::string *S : {&F.Suppressed->Justification, &F.Suppressed->Where})
        fixString(*S);
  }
  for (RuleVerdict &V : Report.Verdicts) {
    fixString(V.RuleId);
    fixString(V.Reason);
  }
  for (std::string &S : Report.Warnings)
    fixString(S);
  for (std::string &S : Report.SourceFiles)
    fixString(S);
  fixString(Report.ToolVersion);
}

std::unique_ptr<ReportWriter> createReportWriter(ReportFormat Format,
                                                 const WriterOptions &Options) {
  switch (Format) {
  case ReportFormat::Text:
    return std::make_unique<TextWriter>(Options);
  case ReportFormat::Json:
    return std::make_unique<JsonWriter>(Options);
  case ReportFormat::Sarif:
    return std::make_unique<SarifWriter>(Options);
  }
  llvm_unreachable("covered switch");
}

void writeRoles(const std::vector<EntryInfo> &Entries, raw_ostream &OS) {
  size_t NameWidth = 8, RoleWidth = 4;
  for (const EntryInfo &E : Entries) {
    NameWidth = std::max(NameWidth, E.Function.size());
    for (const EntryInfo::Role &R : E.Roles)
      RoleWidth = std::max(RoleWidth, R.Name.size());
  }
  OS << left_justify("FUNCTION", NameWidth) << "  " << left_justify("ROLE", RoleWidth)
     << "  EVIDENCE\n";
  for (const EntryInfo &E : Entries)
    for (const EntryInfo::Role &R : E.Roles)
      OS << left_justify(E.Function, NameWidth) << "  "
         << left_justify(R.Name, RoleWidth) << "  " << R.Evidence << "\n";
  OS << Entries.size() << (Entries.size() == 1 ? " entry routine\n" : " entry routines\n");
}

} // namespace sdv
