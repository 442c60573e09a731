//===- SarifWriter.cpp - SARIF 2.1.0 --------------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// One run per report. Artifact URIs are relative to the `%SRCROOT%` base
// (--source-root, else the working directory) when the file lies under it,
// as GitHub code scanning expects paths relative to the repository; files
// elsewhere get absolute `file://` URIs. Results carry a partial
// fingerprint that survives edits of other lines, the trace as a code flow
// whose locations have SARIF's threadFlowLocation kinds, and the acquire and
// the entry routine as related locations.
//
//===----------------------------------------------------------------------===//

#include "Writers.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <ctime>

using namespace llvm;

namespace sdv {

namespace {

/// The key of sdv-lite's fingerprint in `partialFingerprints`.
constexpr const char *FingerprintKey = "sdvLiteFingerprint/v1";
constexpr const char *SrcRoot = "%SRCROOT%";

/// Percent-encodes \p Path for a URI (keeping `/`).
std::string encodePath(StringRef Path) {
  std::string Out;
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

std::string fileUri(StringRef AbsolutePath) { return "file://" + encodePath(AbsolutePath); }

std::string utcTime(std::chrono::system_clock::time_point T) {
  std::time_t Secs = std::chrono::system_clock::to_time_t(T);
  std::tm Tm{};
  gmtime_r(&Secs, &Tm);
  char Buf[32];
  std::strftime(Buf, sizeof(Buf), "%Y-%m-%dT%H:%M:%SZ", &Tm);
  return Buf;
}

/// A command line as one string, arguments with blanks or quotes quoted.
std::string commandLine(ArrayRef<std::string> Args) {
  std::string Out;
  for (const std::string &A : Args) {
    if (!Out.empty())
      Out += ' ';
    if (!A.empty() && A.find_first_of(" \t\"'\\") == std::string::npos) {
      Out += A;
      continue;
    }
    Out += '"';
    for (char C : A) {
      if (C == '"' || C == '\\')
        Out += '\\';
      Out += C;
    }
    Out += '"';
  }
  return Out;
}

/// SARIF threadFlowLocation kinds (SARIF 2.1.0, 3.38.8) of a trace step.
json::Array stepKinds(const TraceEntry &S) {
  auto EventKinds = [](StringRef Event) -> json::Array {
    if (Event.contains("acquire"))
      return json::Array{"acquire", "lock"};
    if (Event.contains("release"))
      return json::Array{"release", "lock"};
    return json::Array{"lock"};
  };
  if (S.Kind == "entry")
    return json::Array{"enter", "function"};
  if (S.Kind == "call")
    return json::Array{"call", "function"};
  if (S.Kind == "return")
    return json::Array{"return", "function"};
  if (S.Kind == "branch")
    return S.TakesTrue ? json::Array{"branch", *S.TakesTrue ? "true" : "false"}
                       : json::Array{"branch"};
  if (S.Kind == "violation") {
    if (S.Event.empty())
      return json::Array{"exit", "function", "danger"};
    json::Array K = EventKinds(S.Event);
    K.push_back("danger");
    return K;
  }
  return EventKinds(S.Kind);
}

StringRef stepImportance(const TraceEntry &S) {
  if (S.Kind == "violation" || S.Kind == "branch" || S.Kind == "entry")
    return "essential";
  if (S.Kind != "call" && S.Kind != "return")
    return "essential"; // a rule event: the lock changed state
  if (S.Kind == "return")
    return "unimportant";
  return "important";
}

class Sarif {
public:
  Sarif(const CheckReport &Report, const WriterOptions &Options);
  json::Value build();

private:
  json::Value artifactLocation(const SourceLoc &L);
  json::Value location(const SourceLoc &L, StringRef Message = "");
  json::Value result(const Finding &F);
  json::Value rule(const RuleInfo &Info);
  json::Value absent(const AbsentFinding &A);
  json::Value invocation();

  const CheckReport &Report;
  const WriterOptions &Options;
  SourceFiles Sources;
  /// The absolute directory `%SRCROOT%` stands for.
  std::string Root;
  StringMap<unsigned> ArtifactIndex;
  json::Array Artifacts;
};

Sarif::Sarif(const CheckReport &Report, const WriterOptions &Options)
    : Report(Report), Options(Options), Sources(Options.SourceRoot) {
  SmallString<256> Dir(Options.SourceRoot);
  if (Dir.empty())
    sys::fs::current_path(Dir);
  else
    sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  Root = std::string(Dir);
}

json::Value Sarif::artifactLocation(const SourceLoc &L) {
  SmallString<256> Path(Sources.resolve(L));
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  json::Object Loc;
  StringRef Rel = Path;
  if (Rel.consume_front(Root) && !Rel.empty() && sys::path::is_separator(Rel.front())) {
    Loc["uri"] = encodePath(Rel.drop_front());
    Loc["uriBaseId"] = SrcRoot;
  } else {
    Loc["uri"] = fileUri(Path);
  }
  std::string Key = std::string(Path);
  auto [It, Inserted] = ArtifactIndex.try_emplace(Key, Artifacts.size());
  if (Inserted)
    Artifacts.push_back(json::Object{{"location", json::Object(Loc)}});
  Loc["index"] = static_cast<int64_t>(It->second);
  return Loc;
}

json::Value Sarif::location(const SourceLoc &L, StringRef Message) {
  json::Object Loc;
  if (L.known()) {
    json::Object Region{{"startLine", static_cast<int64_t>(L.Line)}};
    if (L.Column)
      Region["startColumn"] = static_cast<int64_t>(L.Column);
    Loc["physicalLocation"] = json::Object{{"artifactLocation", artifactLocation(L)},
                                           {"region", std::move(Region)}};
  }
  if (!L.Function.empty())
    Loc["logicalLocations"] =
        json::Array{json::Object{{"name", L.Function}, {"kind", "function"}}};
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
      {"kind", "fail"},
      {"level", "error"},
      {"message", json::Object{{"text", F.Message}}},
      {"locations", json::Array{location(F.Loc)}},
      {"properties", json::Object{{"violation", F.Violation},
                                  {"entryRoutine", F.EntryRoutine},
                                  {"role", F.Role},
                                  {"lock", F.Object}}}};
  if (!F.Fingerprint.empty())
    R["partialFingerprints"] = json::Object{{FingerprintKey, F.Fingerprint}};
  if (!F.BaselineState.empty())
    R["baselineState"] = F.BaselineState;
  if (F.Suppressed)
    R["suppressions"] = json::Array{json::Object{{"kind", F.Suppressed->Kind},
                                                 {"status", "accepted"},
                                                 {"justification", F.Suppressed->Justification}}};
  json::Array Related;
  if (F.Related) {
    json::Object Acquire = *location(F.Related->Loc, F.Related->Message).getAsObject();
    Acquire["id"] = 1;
    Related.push_back(std::move(Acquire));
  }
  if (!F.Trace.empty() && F.Trace.front().Kind == "entry") {
    json::Object Entry =
        *location(F.Trace.front().Loc, F.Trace.front().Message).getAsObject();
    Entry["id"] = 2;
    Related.push_back(std::move(Entry));
  }
  int64_t NextId = 3;
  for (const TraceEntry &E : F.OtherExits) {
    json::Object Exit = *location(E.Loc, E.Message).getAsObject();
    Exit["id"] = NextId++;
    Related.push_back(std::move(Exit));
  }
  if (!Related.empty())
    R["relatedLocations"] = std::move(Related);
  json::Array Steps;
  for (const TraceEntry &S : F.Trace)
    Steps.push_back(json::Object{{"location", location(S.Loc, S.Message)},
                                 {"kinds", stepKinds(S)},
                                 {"nestingLevel", static_cast<int64_t>(S.Depth)},
                                 {"importance", stepImportance(S)}});
  R["codeFlows"] = json::Array{json::Object{
      {"message", json::Object{{"text", "from the entry routine '" + F.EntryRoutine +
                                            "' to the violation"}}},
      {"threadFlows", json::Array{json::Object{{"locations", std::move(Steps)}}}}}};
  return R;
}

json::Value Sarif::absent(const AbsentFinding &A) {
  json::Object R{{"ruleId", A.RuleId},
                 {"kind", "fail"},
                 {"level", "error"},
                 {"message", json::Object{{"text", A.Message}}},
                 {"partialFingerprints", json::Object{{FingerprintKey, A.Fingerprint}}},
                 {"baselineState", "absent"}};
  for (unsigned I = 0; I < Report.Rules.size(); ++I)
    if (Report.Rules[I].Id == A.RuleId)
      R["ruleIndex"] = static_cast<int64_t>(I);
  if (!A.Uri.empty()) {
    json::Object Art{{"uri", A.Uri}};
    if (!A.UriBaseId.empty())
      Art["uriBaseId"] = A.UriBaseId;
    json::Object Phys{{"artifactLocation", std::move(Art)}};
    if (A.Line) {
      json::Object Region{{"startLine", static_cast<int64_t>(A.Line)}};
      if (A.Column)
        Region["startColumn"] = static_cast<int64_t>(A.Column);
      Phys["region"] = std::move(Region);
    }
    R["locations"] = json::Array{json::Object{{"physicalLocation", std::move(Phys)}}};
  }
  return R;
}

json::Value Sarif::rule(const RuleInfo &Info) {
  std::string Markdown = "**" + Info.Id + "**: " + Info.Summary + "\n\n" + Info.Description;
  if (!Info.HelpUri.empty())
    Markdown += "\n\n[Rule documentation](" + Info.HelpUri + ")";
  // Code scanning filters on tags: the kind of rule, and its driver models.
  json::Array Tags{"correctness", "concurrency"};
  for (const std::string &Model : Info.Models)
    Tags.push_back(Model);
  json::Object Rule{{"id", Info.Id},
                    {"name", Info.Id},
                    {"shortDescription", json::Object{{"text", Info.Summary}}},
                    {"fullDescription", json::Object{{"text", Info.Description}}},
                    {"help", json::Object{{"text", Info.Description},
                                          {"markdown", std::move(Markdown)}}},
                    {"defaultConfiguration", json::Object{{"level", "error"}}},
                    {"properties", json::Object{{"tags", std::move(Tags)}}}};
  if (!Info.HelpUri.empty())
    Rule["helpUri"] = Info.HelpUri;
  return Rule;
}

json::Value Sarif::invocation() {
  json::Object Inv{{"executionSuccessful", true}};
  if (!Options.Arguments.empty()) {
    Inv["commandLine"] = commandLine(Options.Arguments);
    json::Array Args;
    for (const std::string &A : ArrayRef(Options.Arguments).drop_front())
      Args.push_back(A);
    Inv["arguments"] = std::move(Args);
  }
  if (Options.StartTime) {
    Inv["startTimeUtc"] = utcTime(*Options.StartTime);
    Inv["endTimeUtc"] = utcTime(std::chrono::system_clock::now());
  }
  json::Array Notes;
  for (const std::string &W : Report.Warnings)
    Notes.push_back(json::Object{{"level", "warning"}, {"message", json::Object{{"text", W}}}});
  if (!Notes.empty())
    Inv["toolExecutionNotifications"] = std::move(Notes);
  return Inv;
}

json::Value Sarif::build() {
  json::Array Rules;
  for (const RuleInfo &Info : Report.Rules)
    Rules.push_back(rule(Info));
  json::Array Results;
  for (const Finding &F : Report.Findings)
    Results.push_back(result(F));
  for (const AbsentFinding &A : Report.Absent)
    Results.push_back(absent(A));
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
      {"invocations", json::Array{invocation()}},
      {"originalUriBaseIds",
       json::Object{{SrcRoot, json::Object{{"uri", fileUri(Root + "/")}}}}},
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
  Sarif S(Report, Options);
  OS << formatv("{0:2}", S.build()) << "\n";
}

} // namespace sdv
