//===- Batch.cpp - What a check of many drivers found ---------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// The combined JSON and SARIF documents are assembled from per-driver
// pieces: a driver record (name, verdict, ...) and, for SARIF, its results
// with the artifacts and rules they refer to. A batch check cuts its
// drivers' single-driver reports into pieces; a merge cuts shards' combined
// documents back into pieces. Both then go through the same assembly, which
// sorts the drivers by name and numbers artifacts and rules by first use, so
// the two give byte-identical documents.
//
//===----------------------------------------------------------------------===//

#include "sdv/Report/Batch.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;

namespace sdv {

StringRef driverVerdictName(DriverVerdict V) {
  switch (V) {
  case DriverVerdict::Defect:
    return "Defect";
  case DriverVerdict::Pass:
    return "Pass";
  case DriverVerdict::NotApplicable:
    return "Not Applicable";
  case DriverVerdict::Error:
    return "Error";
  case DriverVerdict::Timeout:
    return "Timeout";
  case DriverVerdict::Spaceout:
    return "Spaceout";
  }
  llvm_unreachable("covered switch");
}

/// In the order the summary and the totals line list them.
static constexpr DriverVerdict AllVerdicts[] = {
    DriverVerdict::Defect,  DriverVerdict::Pass,    DriverVerdict::NotApplicable,
    DriverVerdict::Error,   DriverVerdict::Timeout, DriverVerdict::Spaceout};

DriverVerdict DriverResult::verdict() const {
  if (!Report)
    return DriverVerdict::Error;
  auto Has = [&](Verdict V) {
    return any_of(Report->Verdicts, [&](const RuleVerdict &R) { return R.Result == V; });
  };
  if (Has(Verdict::Defect))
    return DriverVerdict::Defect;
  if (Has(Verdict::Timeout))
    return DriverVerdict::Timeout;
  if (Has(Verdict::Spaceout))
    return DriverVerdict::Spaceout;
  if (Has(Verdict::Pass))
    return DriverVerdict::Pass;
  return DriverVerdict::NotApplicable;
}

unsigned DriverResult::defects() const {
  return Report ? Report->Findings.size() : 0;
}

unsigned DriverResult::failing() const {
  return Report ? failingDefects(*Report, OnlyNewFail) : 0;
}

unsigned DriverResult::entryRoutines() const {
  unsigned N = 0;
  if (Report)
    for (const RuleVerdict &V : Report->Verdicts)
      N = std::max(N, V.EntryRoutines);
  return N;
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

void writeBatchText(const BatchResults &Results, bool Timing, raw_ostream &OS,
                    const WriterOptions &Writing) {
  std::unique_ptr<ReportWriter> Text = createReportWriter(ReportFormat::Text, Writing);
  for (const DriverResult &D : Results) {
    if (!D.Report || D.Report->Findings.empty())
      continue;
    // The table below gives the verdicts.
    CheckReport FindingsOnly = *D.Report;
    FindingsOnly.Verdicts.clear();
    OS << "In driver '" << D.Name << "':\n";
    Text->write(FindingsOnly, OS);
  }
  if (any_of(Results, [](const DriverResult &D) { return D.defects(); }))
    OS << "\n";

  size_t NameWidth = 6;
  for (const DriverResult &D : Results)
    NameWidth = std::max(NameWidth, D.Name.size());
  OS << left_justify("DRIVER", NameWidth) << "  " << left_justify("VERDICT", 14)
     << "  DEFECTS  ENTRIES" << (Timing ? "     TIME" : "") << "\n";
  std::map<DriverVerdict, unsigned> Counts;
  unsigned Defects = 0, Failing = 0;
  for (const DriverResult &D : Results) {
    ++Counts[D.verdict()];
    Defects += D.defects();
    Failing += D.failing();
    // A driver that could not be checked has no counts.
    auto Count = [&](unsigned N) { return D.Report ? std::to_string(N) : "-"; };
    OS << left_justify(D.Name, NameWidth) << "  "
       << left_justify(driverVerdictName(D.verdict()), 14) << "  "
       << right_justify(Count(D.defects()), 7) << "  "
       << right_justify(Count(D.entryRoutines()), 7);
    if (Timing)
      OS << "  "
         << right_justify(D.Cached ? std::string("cached")
                                   : formatv("{0:f2}s", D.Seconds).str(),
                          7);
    OS << "\n";
  }
  OS << Results.size() << (Results.size() == 1 ? " driver" : " drivers");
  StringRef Sep = ": ";
  for (DriverVerdict V : AllVerdicts)
    if (Counts[V]) {
      OS << Sep << Counts[V] << " " << driverVerdictName(V);
      Sep = ", ";
    }
  OS << "; " << Defects << (Defects == 1 ? " defect" : " defects");
  // Suppressed ones, and with --fail-on new those in the baseline, do not.
  if (Failing != Defects)
    OS << " (" << Failing << " failing the check)";
  OS << "\n";
}

//===----------------------------------------------------------------------===//
// Pieces and their assembly
//===----------------------------------------------------------------------===//

namespace {

Error malformed(StringRef Name, const Twine &What) {
  return createStringError(inconvertibleErrorCode(),
                           "'" + Name + "': " + What);
}

/// What the combined documents say of one driver.
json::Object driverRecord(const DriverResult &D) {
  json::Array Inputs;
  for (const std::string &In : D.Inputs)
    Inputs.push_back(In);
  json::Object R{{"name", D.Name},
                 {"verdict", driverVerdictName(D.verdict())},
                 {"defects", static_cast<int64_t>(D.defects())},
                 {"failing", static_cast<int64_t>(D.failing())},
                 {"entryRoutines", static_cast<int64_t>(D.entryRoutines())},
                 {"inputs", std::move(Inputs)}};
  if (!D.Report)
    R["error"] = D.Error;
  return R;
}

std::optional<DriverVerdict> parseDriverVerdict(StringRef Name) {
  for (DriverVerdict V : AllVerdicts)
    if (driverVerdictName(V) == Name)
      return V;
  return std::nullopt;
}

/// \p Failing: the defects that fail the check (DriverResult::failing).
int exitCodeOf(const std::map<DriverVerdict, unsigned> &Counts,
               int64_t Failing) {
  auto Count = [&](DriverVerdict V) {
    auto It = Counts.find(V);
    return It == Counts.end() ? 0u : It->second;
  };
  if (Count(DriverVerdict::Error))
    return 2;
  if (Failing)
    return 1;
  if (Count(DriverVerdict::Timeout) || Count(DriverVerdict::Spaceout))
    return 3;
  return 0;
}

/// Counts of verdicts and defects over the driver records.
json::Object summary(const std::vector<json::Object> &Records) {
  std::map<DriverVerdict, unsigned> Counts;
  int64_t Defects = 0, Failing = 0;
  for (const json::Object &R : Records) {
    if (std::optional<StringRef> V = R.getString("verdict"))
      if (std::optional<DriverVerdict> DV = parseDriverVerdict(*V))
        ++Counts[*DV];
    Defects += R.getInteger("defects").value_or(0);
    Failing += R.getInteger("failing").value_or(0);
  }
  json::Object Verdicts;
  for (DriverVerdict V : AllVerdicts)
    Verdicts[driverVerdictName(V)] = static_cast<int64_t>(Counts[V]);
  return json::Object{{"drivers", static_cast<int64_t>(Records.size())},
                      {"defects", Defects},
                      {"failing", Failing},
                      {"verdicts", std::move(Verdicts)},
                      {"exitCode", exitCodeOf(Counts, Failing)}};
}

/// Sorts pieces by driver name; a driver in two documents is an error.
template <typename Piece>
Error sortPieces(std::vector<Piece> &Pieces) {
  llvm::stable_sort(Pieces, [](const Piece &A, const Piece &B) { return A.Name < B.Name; });
  for (size_t I = 1; I < Pieces.size(); ++I)
    if (Pieces[I].Name == Pieces[I - 1].Name)
      return createStringError(inconvertibleErrorCode(),
                               "driver '" + Pieces[I].Name + "' is in both '" +
                                   Pieces[I - 1].Source + "' and '" +
                                   Pieces[I].Source + "'");
  return Error::success();
}

struct JsonPiece {
  std::string Name;
  /// The document it came from, for errors.
  std::string Source;
  json::Object Record;
};

json::Value assembleJson(std::vector<JsonPiece> Pieces, StringRef ToolVersion) {
  std::vector<json::Object> Records;
  for (JsonPiece &P : Pieces)
    Records.push_back(std::move(P.Record));
  json::Object Summary = summary(Records);
  json::Array Drivers;
  for (json::Object &R : Records)
    Drivers.push_back(std::move(R));
  return json::Object{{"format", "sdv-lite-batch-report"},
                      {"version", 1},
                      {"tool", json::Object{{"name", "sdv-lite"}, {"version", ToolVersion}}},
                      {"summary", std::move(Summary)},
                      {"drivers", std::move(Drivers)}};
}

/// Renders a single-driver report with \p Format and reads it back.
Expected<json::Value> renderAsJson(const CheckReport &Report, ReportFormat Format) {
  std::string Text;
  raw_string_ostream OS(Text);
  createReportWriter(Format)->write(Report, OS);
  OS.flush();
  return json::parse(Text);
}

struct SarifPiece {
  std::string Name;
  std::string Source;
  json::Object Record;
  std::vector<json::Object> Results;
  /// The run the results come from: its artifacts (which their indexes
  /// refer to), its tool.driver (with the rules) and its other members.
  std::shared_ptr<const json::Object> Run;
};

/// Calls \p Visit on every object of \p V named `artifactLocation`.
void forEachArtifactLocation(json::Value &V, function_ref<void(json::Object &)> Visit) {
  if (json::Array *A = V.getAsArray()) {
    for (json::Value &E : *A)
      forEachArtifactLocation(E, Visit);
    return;
  }
  json::Object *O = V.getAsObject();
  if (!O)
    return;
  for (auto &KV : *O) {
    if (KV.first == "artifactLocation")
      if (json::Object *Loc = KV.second.getAsObject())
        Visit(*Loc);
    forEachArtifactLocation(KV.second, Visit);
  }
}

/// Numbers artifacts and rules anew in the order of the sorted drivers.
class SarifAssembly {
public:
  json::Value assemble(std::vector<SarifPiece> &Pieces, StringRef ToolVersion);

private:
  int64_t artifactIndex(const json::Object &Run, int64_t Old);
  void addRules(const json::Object &Run);

  StringMap<int64_t> ArtifactByUri;
  json::Array Artifacts;
  StringMap<int64_t> RuleById;
  json::Array Rules;
};

const json::Object *toolDriver(const json::Object &Run) {
  const json::Object *Tool = Run.getObject("tool");
  return Tool ? Tool->getObject("driver") : nullptr;
}

int64_t SarifAssembly::artifactIndex(const json::Object &Run, int64_t Old) {
  const json::Array *RunArtifacts = Run.getArray("artifacts");
  if (!RunArtifacts || Old < 0 || size_t(Old) >= RunArtifacts->size())
    return Old;
  const json::Value &Artifact = (*RunArtifacts)[Old];
  std::string Uri;
  if (const json::Object *A = Artifact.getAsObject())
    if (const json::Object *Loc = A->getObject("location"))
      Uri = Loc->getString("uri").value_or("").str();
  auto [It, Inserted] = ArtifactByUri.try_emplace(Uri, Artifacts.size());
  if (Inserted)
    Artifacts.push_back(Artifact);
  return It->second;
}

void SarifAssembly::addRules(const json::Object &Run) {
  const json::Object *Driver = toolDriver(Run);
  const json::Array *RunRules = Driver ? Driver->getArray("rules") : nullptr;
  if (!RunRules)
    return;
  for (const json::Value &R : *RunRules) {
    const json::Object *O = R.getAsObject();
    std::optional<StringRef> Id = O ? O->getString("id") : std::nullopt;
    if (Id && RuleById.try_emplace(*Id, Rules.size()).second)
      Rules.push_back(R);
  }
}

json::Value SarifAssembly::assemble(std::vector<SarifPiece> &Pieces,
                                    StringRef ToolVersion) {
  json::Array Results;
  std::vector<json::Object> Records;
  const json::Object *FirstRun = nullptr;
  for (SarifPiece &P : Pieces) {
    if (P.Run) {
      FirstRun = FirstRun ? FirstRun : P.Run.get();
      addRules(*P.Run);
    }
    for (json::Object &R : P.Results) {
      json::Value V(std::move(R));
      forEachArtifactLocation(V, [&](json::Object &Loc) {
        if (std::optional<int64_t> Old = Loc.getInteger("index"))
          Loc["index"] = artifactIndex(*P.Run, *Old);
      });
      json::Object &Result = *V.getAsObject();
      if (std::optional<StringRef> Id = Result.getString("ruleId"))
        if (auto It = RuleById.find(*Id); It != RuleById.end())
          Result["ruleIndex"] = It->second;
      Results.push_back(std::move(V));
    }
    Records.push_back(std::move(P.Record));
  }
  json::Object Summary = summary(Records);
  json::Array Drivers;
  for (json::Object &R : Records)
    Drivers.push_back(std::move(R));

  json::Object Run;
  json::Object ToolDriver{{"name", "sdv-lite"},
                          {"version", ToolVersion},
                          {"semanticVersion", ToolVersion}};
  if (FirstRun) {
    // What the single-driver writer puts in a run, other than what is
    // rebuilt here, is the same for every driver: the first one's is kept.
    for (const auto &KV : *FirstRun)
      if (KV.first != "tool" && KV.first != "results" && KV.first != "artifacts" &&
          KV.first != "properties")
        Run[KV.first] = KV.second;
    if (const json::Object *D = toolDriver(*FirstRun))
      for (const auto &KV : *D)
        ToolDriver[KV.first] = KV.second;
  }
  ToolDriver["rules"] = std::move(Rules);
  Run["tool"] = json::Object{{"driver", std::move(ToolDriver)}};
  Run["results"] = std::move(Results);
  Run["artifacts"] = std::move(Artifacts);
  Run["properties"] =
      json::Object{{"drivers", std::move(Drivers)}, {"summary", std::move(Summary)}};
  return json::Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", json::Array{std::move(Run)}}};
}

/// Checks that \p Doc is a batch document of \p Format and returns its
/// tool version.
Expected<std::string> batchToolVersion(const json::Value &Doc, StringRef Name) {
  const json::Object *O = Doc.getAsObject();
  if (!O || O->getString("format") != StringRef("sdv-lite-batch-report"))
    return malformed(Name, "not a batch JSON report of sdv-lite (format "
                           "'sdv-lite-batch-report')");
  if (O->getInteger("version") != 1)
    return malformed(Name, "unsupported batch report version");
  const json::Object *Tool = O->getObject("tool");
  return (Tool ? Tool->getString("version").value_or("") : "").str();
}

/// The tool versions of merged documents must agree: results of two
/// versions are not one check.
Error sameVersion(std::string &Version, StringRef Next, StringRef Name) {
  if (Version.empty() || Version == Next) {
    Version = Next.str();
    return Error::success();
  }
  return malformed(Name, "written by sdv-lite " + Next + ", the others by " + Version);
}

} // namespace

Expected<json::Value> batchJson(const BatchResults &Results, StringRef ToolVersion) {
  std::vector<JsonPiece> Pieces;
  for (const DriverResult &D : Results) {
    JsonPiece P{D.Name, "", driverRecord(D)};
    if (D.Report) {
      Expected<json::Value> Report = renderAsJson(*D.Report, ReportFormat::Json);
      if (!Report)
        return Report.takeError();
      P.Record["report"] = std::move(*Report);
    }
    Pieces.push_back(std::move(P));
  }
  if (Error E = sortPieces(Pieces))
    return std::move(E);
  return assembleJson(std::move(Pieces), ToolVersion);
}

Expected<json::Value> mergeBatchJson(ArrayRef<json::Value> Docs,
                                     ArrayRef<std::string> Names) {
  std::vector<JsonPiece> Pieces;
  std::string Version;
  for (auto [Doc, Name] : zip(Docs, Names)) {
    Expected<std::string> V = batchToolVersion(Doc, Name);
    if (!V)
      return V.takeError();
    if (Error E = sameVersion(Version, *V, Name))
      return std::move(E);
    const json::Array *Drivers = Doc.getAsObject()->getArray("drivers");
    if (!Drivers)
      return malformed(Name, "has no 'drivers' array");
    for (const json::Value &D : *Drivers) {
      const json::Object *R = D.getAsObject();
      std::optional<StringRef> DriverName = R ? R->getString("name") : std::nullopt;
      if (!DriverName)
        return malformed(Name, "a driver has no name");
      Pieces.push_back({DriverName->str(), Name, *R});
    }
  }
  if (Error E = sortPieces(Pieces))
    return std::move(E);
  return assembleJson(std::move(Pieces), Version);
}

Expected<json::Value> batchSarif(const BatchResults &Results, StringRef ToolVersion) {
  std::vector<SarifPiece> Pieces;
  for (const DriverResult &D : Results) {
    SarifPiece P{D.Name, "", driverRecord(D), {}, nullptr};
    if (D.Report) {
      Expected<json::Value> Doc = renderAsJson(*D.Report, ReportFormat::Sarif);
      if (!Doc)
        return Doc.takeError();
      json::Object *Run = nullptr;
      if (json::Array *Runs = Doc->getAsObject()->getArray("runs"))
        Run = Runs->empty() ? nullptr : (*Runs)[0].getAsObject();
      if (!Run)
        return malformed(D.Name, "the SARIF writer wrote no run");
      if (json::Object *Props = Run->getObject("properties"))
        for (auto &KV : *Props)
          if (!P.Record.get(KV.first))
            P.Record[KV.first] = std::move(KV.second);
      if (json::Array *Results = Run->getArray("results"))
        for (json::Value &R : *Results) {
          json::Object &Result = *R.getAsObject();
          if (!Result.getObject("properties"))
            Result["properties"] = json::Object{};
          (*Result.getObject("properties"))["driver"] = D.Name;
          P.Results.push_back(std::move(Result));
        }
      Run->erase("results");
      P.Run = std::make_shared<const json::Object>(std::move(*Run));
    }
    Pieces.push_back(std::move(P));
  }
  if (Error E = sortPieces(Pieces))
    return std::move(E);
  return SarifAssembly().assemble(Pieces, ToolVersion);
}

Expected<json::Value> mergeBatchSarif(ArrayRef<json::Value> Docs,
                                      ArrayRef<std::string> Names) {
  std::vector<SarifPiece> Pieces;
  std::string Version;
  for (auto [Doc, Name] : zip(Docs, Names)) {
    const json::Object *O = Doc.getAsObject();
    const json::Array *Runs = O ? O->getArray("runs") : nullptr;
    if (!Runs || O->getString("version") != StringRef("2.1.0"))
      return malformed(Name, "not a SARIF 2.1.0 document");
    for (const json::Value &RunValue : *Runs) {
      const json::Object *Run = RunValue.getAsObject();
      const json::Object *Props = Run ? Run->getObject("properties") : nullptr;
      const json::Array *Drivers = Props ? Props->getArray("drivers") : nullptr;
      const json::Object *Tool = Run ? toolDriver(*Run) : nullptr;
      if (!Drivers || !Tool)
        return malformed(Name, "a run has no 'properties.drivers': not written "
                               "by a batch check of sdv-lite");
      if (Error E = sameVersion(Version, Tool->getString("version").value_or(""), Name))
        return std::move(E);
      json::Object Shared = *Run;
      Shared.erase("results");
      auto SharedRun = std::make_shared<const json::Object>(std::move(Shared));
      std::map<std::string, size_t> PieceOf;
      for (const json::Value &D : *Drivers) {
        const json::Object *R = D.getAsObject();
        std::optional<StringRef> DriverName = R ? R->getString("name") : std::nullopt;
        if (!DriverName)
          return malformed(Name, "a driver has no name");
        PieceOf[DriverName->str()] = Pieces.size();
        Pieces.push_back({DriverName->str(), Name, *R, {}, SharedRun});
      }
      if (const json::Array *Results = Run->getArray("results"))
        for (const json::Value &R : *Results) {
          const json::Object *Result = R.getAsObject();
          const json::Object *RP = Result ? Result->getObject("properties") : nullptr;
          std::optional<StringRef> Driver = RP ? RP->getString("driver") : std::nullopt;
          auto It = Driver ? PieceOf.find(Driver->str()) : PieceOf.end();
          if (It == PieceOf.end())
            return malformed(Name, "a result names no driver of its run");
          Pieces[It->second].Results.push_back(*Result);
        }
    }
  }
  if (Error E = sortPieces(Pieces))
    return std::move(E);
  return SarifAssembly().assemble(Pieces, Version);
}

int batchExitCode(const BatchResults &Results) {
  std::map<DriverVerdict, unsigned> Counts;
  int64_t Failing = 0;
  for (const DriverResult &D : Results) {
    ++Counts[D.verdict()];
    Failing += D.failing();
  }
  return exitCodeOf(Counts, Failing);
}

int batchExitCode(const json::Value &Doc) {
  const json::Object *O = Doc.getAsObject();
  if (!O)
    return 2;
  const json::Object *Summary = O->getObject("summary");
  if (!Summary)
    if (const json::Array *Runs = O->getArray("runs"))
      if (!Runs->empty())
        if (const json::Object *Run = (*Runs)[0].getAsObject())
          if (const json::Object *Props = Run->getObject("properties"))
            Summary = Props->getObject("summary");
  return Summary ? Summary->getInteger("exitCode").value_or(2) : 2;
}

} // namespace sdv
