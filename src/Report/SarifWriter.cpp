//===- SarifWriter.cpp - SARIF 2.1.0 --------------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Writers.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace sdv {

namespace {

/// RFC 3986 URI of a file path: absolute paths become `file://` URIs,
/// relative ones stay relative references.
std::string fileUri(StringRef Path) {
  std::string Out;
  bool Absolute = sys::path::is_absolute(Path, sys::path::Style::posix);
  if (Absolute)
    Out = "file://";
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("-._~/").contains(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += hexdigit(C >> 4, /*LowerCase=*/false);
    Out += hexdigit(C & 15, false);
  }
  return Out;
}

class Sarif {
public:
  explicit Sarif(const CheckReport &Report) : Report(Report) {}
  json::Value build();

private:
  json::Value physical(const SourceLoc &L);
  json::Value location(const SourceLoc &L, StringRef Message = "");
  json::Value result(const Finding &F);
  unsigned artifact(const SourceLoc &L);

  const CheckReport &Report;
  StringMap<unsigned> ArtifactIndex;
  json::Array Artifacts;
};

unsigned Sarif::artifact(const SourceLoc &L) {
  std::string Uri = fileUri(L.absolutePath());
  auto [It, Inserted] = ArtifactIndex.try_emplace(Uri, Artifacts.size());
  if (Inserted)
    Artifacts.push_back(json::Object{{"location", json::Object{{"uri", Uri}}}});
  return It->second;
}

json::Value Sarif::physical(const SourceLoc &L) {
  json::Object Region{{"startLine", static_cast<int64_t>(L.Line)}};
  if (L.Column)
    Region["startColumn"] = static_cast<int64_t>(L.Column);
  unsigned Index = artifact(L);
  return json::Object{
      {"artifactLocation",
       json::Object{{"uri", fileUri(L.absolutePath())},
                    {"index", static_cast<int64_t>(Index)}}},
      {"region", std::move(Region)}};
}

json::Value Sarif::location(const SourceLoc &L, StringRef Message) {
  json::Object Loc;
  if (L.known())
    Loc["physicalLocation"] = physical(L);
  if (!L.Function.empty())
    Loc["logicalLocations"] = json::Array{
        json::Object{{"name", L.Function}, {"kind", "function"}}};
  if (!Message.empty())
    Loc["message"] = json::Object{{"text", Message}};
  return Loc;
}

json::Value Sarif::result(const Finding &F) {
  unsigned RuleIndex = 0;
  for (unsigned I = 0; I < Report.Rules.size(); ++I)
    if (Report.Rules[I].Id == F.RuleId)
      RuleIndex = I;
  json::Object R{
      {"ruleId", F.RuleId},
      {"ruleIndex", static_cast<int64_t>(RuleIndex)},
      {"level", "error"},
      {"message", json::Object{{"text", F.Message}}},
      {"locations", json::Array{location(F.Loc)}},
      {"properties", json::Object{{"violation", F.Violation},
                                  {"entryRoutine", F.EntryRoutine},
                                  {"role", F.Role},
                                  {"lock", F.Object}}}};
  if (F.Related) {
    json::Object Related = *location(F.Related->Loc, F.Related->Message).getAsObject();
    Related["id"] = 1;
    R["relatedLocations"] = json::Array{std::move(Related)};
  }
  json::Array Steps;
  for (const TraceEntry &S : F.Trace)
    Steps.push_back(json::Object{{"location", location(S.Loc, S.Message)},
                                 {"kinds", json::Array{S.Kind}},
                                 {"nestingLevel", static_cast<int64_t>(S.Depth)}});
  R["codeFlows"] = json::Array{json::Object{
      {"threadFlows", json::Array{json::Object{{"locations", std::move(Steps)}}}}}};
  return R;
}

json::Value Sarif::build() {
  json::Array Rules;
  for (const RuleInfo &Info : Report.Rules) {
    json::Object Rule{{"id", Info.Id},
                      {"name", Info.Id},
                      {"shortDescription", json::Object{{"text", Info.Summary}}},
                      {"fullDescription", json::Object{{"text", Info.Description}}},
                      {"help", json::Object{{"text", Info.Description}}},
                      {"defaultConfiguration", json::Object{{"level", "error"}}}};
    if (!Info.HelpUri.empty())
      Rule["helpUri"] = Info.HelpUri;
    Rules.push_back(std::move(Rule));
  }
  json::Array Results;
  for (const Finding &F : Report.Findings)
    Results.push_back(result(F));
  json::Array Verdicts;
  for (const RuleVerdict &V : Report.Verdicts) {
    json::Object O{{"rule", V.RuleId},
                   {"verdict", verdictName(V.Result)},
                   {"defects", static_cast<int64_t>(V.Defects)},
                   {"entryRoutines", static_cast<int64_t>(V.EntryRoutines)}};
    if (!V.Reason.empty())
      O["reason"] = V.Reason;
    Verdicts.push_back(std::move(O));
  }
  json::Array Inputs;
  for (const std::string &In : Report.Inputs)
    Inputs.push_back(In);

  json::Object Run{
      {"tool",
       json::Object{{"driver",
                     json::Object{{"name", "sdv-lite"},
                                  {"version", Report.ToolVersion},
                                  {"semanticVersion", Report.ToolVersion},
                                  {"rules", std::move(Rules)}}}}},
      {"results", std::move(Results)},
      {"properties",
       json::Object{{"inputs", std::move(Inputs)}, {"verdicts", std::move(Verdicts)}}}};
  Run["artifacts"] = std::move(Artifacts);
  return json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}}};
}

} // namespace

void SarifWriter::write(const CheckReport &Report, raw_ostream &OS) {
  Sarif S(Report);
  OS << formatv("{0:2}", S.build()) << "\n";
}

} // namespace sdv
