//===- Report.cpp - Report formats ----------------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Report/Report.h"

#include "Writers.h"

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
