//===- Triage.cpp - Baselines and suppressions ----------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// What a team does with findings once it has seen them: compare a run with
// an earlier one (a baseline SARIF log, matched by fingerprint) and silence
// the findings it has judged, in the source or in a suppressions file.
// Suppressed and unchanged findings stay in the report, marked.
//
//===----------------------------------------------------------------------===//

#include "sdv/Report/Batch.h"
#include "sdv/Report/Report.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>

using namespace llvm;

namespace sdv {

namespace {

constexpr StringLiteral FingerprintKey = "sdvLiteFingerprint/v1";
constexpr StringLiteral IgnoreMarker = "sdv-lite: ignore";

Error baselineError(StringRef Path, const Twine &Problem) {
  return createStringError(inconvertibleErrorCode(),
                           "baseline '" + Path + "': " + Problem);
}

/// The location fields of a SARIF result, when it has them.
void readLocation(const json::Object &Result, AbsentFinding &Out) {
  const json::Array *Locs = Result.getArray("locations");
  if (!Locs || Locs->empty() || !Locs->front().getAsObject())
    return;
  const json::Object *Phys = Locs->front().getAsObject()->getObject("physicalLocation");
  if (!Phys)
    return;
  if (const json::Object *Art = Phys->getObject("artifactLocation")) {
    Out.Uri = Art->getString("uri").value_or("").str();
    Out.UriBaseId = Art->getString("uriBaseId").value_or("").str();
  }
  if (const json::Object *Region = Phys->getObject("region")) {
    Out.Line = Region->getInteger("startLine").value_or(0);
    Out.Column = Region->getInteger("startColumn").value_or(0);
  }
}

} // namespace

Expected<Baseline> loadBaseline(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return baselineError(Path, "cannot read: " + Buf.getError().message());
  Expected<json::Value> Doc = json::parse((*Buf)->getBuffer());
  if (!Doc)
    return baselineError(Path, "not JSON: " + toString(Doc.takeError()));
  const json::Object *Root = Doc->getAsObject();
  const json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
  if (!Runs || Root->getString("version") != "2.1.0")
    return baselineError(Path, "not a SARIF 2.1.0 log");
  Baseline Out;
  for (const json::Value &Run : *Runs) {
    const json::Object *R = Run.getAsObject();
    const json::Array *Results = R ? R->getArray("results") : nullptr;
    if (!Results)
      continue;
    for (size_t I = 0; I < Results->size(); ++I) {
      const json::Object *Result = (*Results)[I].getAsObject();
      if (!Result)
        return baselineError(Path, "result " + Twine(I) + " is not an object");
      if (Result->getString("baselineState") == StringRef("absent"))
        continue;
      const json::Object *Prints = Result->getObject("partialFingerprints");
      std::optional<StringRef> Print = Prints ? Prints->getString(FingerprintKey) : std::nullopt;
      if (!Print)
        return baselineError(Path, "result " + Twine(I) + " has no '" + FingerprintKey +
                                       "' partial fingerprint (was it written by sdv-lite?)");
      AbsentFinding F;
      F.Fingerprint = Print->str();
      F.RuleId = Result->getString("ruleId").value_or("").str();
      if (const json::Object *Msg = Result->getObject("message"))
        F.Message = Msg->getString("text").value_or("").str();
      if (const json::Object *Props = Result->getObject("properties"))
        F.Driver = Props->getString("driver").value_or("").str();
      readLocation(*Result, F);
      Out.Results.push_back(std::move(F));
    }
  }
  return Out;
}

void applyBaseline(CheckReport &Report, const Baseline &Old) {
  Report.HasBaseline = true;
  StringSet<> Before, Now;
  for (const AbsentFinding &F : Old.Results)
    Before.insert(F.Fingerprint);
  for (Finding &F : Report.Findings) {
    F.BaselineState = Before.contains(F.Fingerprint) ? "unchanged" : "new";
    Now.insert(F.Fingerprint);
  }
  for (const AbsentFinding &F : Old.Results)
    if (!Now.contains(F.Fingerprint))
      Report.Absent.push_back(F);
}

namespace {

/// `sdv-lite: ignore RULE reason` in \p Line for \p Rule: the reason.
std::optional<std::string> ignoreComment(StringRef Line, StringRef Rule) {
  size_t At = Line.find(IgnoreMarker);
  if (At == StringRef::npos)
    return std::nullopt;
  StringRef Rest = Line.drop_front(At + IgnoreMarker.size()).ltrim();
  StringRef Id = Rest.take_until([](char C) { return C == ' ' || C == '\t'; });
  if (Id != Rule && Id != "*")
    return std::nullopt;
  StringRef Reason = Rest.drop_front(Id.size()).trim();
  Reason.consume_back("*/");
  return Reason.rtrim().str();
}

struct FileEntry {
  std::string Rule;
  /// FILE:LINE, or a fingerprint.
  std::string Path;
  unsigned Line = 0;
  std::string Fingerprint;
  std::string Justification;
  unsigned EntryLine = 0;
  bool Used = false;
};

bool isFingerprint(StringRef S) {
  StringRef Hash = S.take_until([](char C) { return C == ':'; });
  return Hash.size() == 32 && all_of(Hash, isHexDigit);
}

Expected<std::vector<FileEntry>> parseSuppressions(StringRef Path) {
  auto Fail = [&](unsigned Line, const Twine &Problem) {
    return createStringError(inconvertibleErrorCode(), "suppressions '" + Path + "' line " +
                                                           Twine(Line) + ": " + Problem);
  };
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read suppressions '" + Path +
                                                 "': " + Buf.getError().message());
  std::vector<FileEntry> Out;
  SmallVector<StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  for (unsigned N = 1; N <= Lines.size(); ++N) {
    StringRef Line = Lines[N - 1].trim();
    if (Line.empty() || Line.startswith("#"))
      continue;
    auto [Rule, Rest] = getToken(Line);
    auto [Where, Reason] = getToken(Rest);
    if (Where.empty())
      return Fail(N, "expected 'RULE FILE:LINE reason' or 'RULE FINGERPRINT reason'");
    FileEntry E;
    E.Rule = Rule.str();
    E.Justification = Reason.trim().str();
    E.EntryLine = N;
    if (isFingerprint(Where)) {
      E.Fingerprint = Where.str();
    } else {
      auto [File, LineText] = Where.rsplit(':');
      if (File.empty() || LineText.getAsInteger(10, E.Line) || E.Line == 0)
        return Fail(N, "'" + Where + "' is neither FILE:LINE nor a fingerprint");
      E.Path = File.str();
    }
    if (E.Justification.empty())
      return Fail(N, "a suppression needs a reason");
    Out.push_back(std::move(E));
  }
  return Out;
}

/// Whether \p Path ends with the path \p Suffix, at a `/` boundary.
bool pathEndsWith(StringRef Path, StringRef Suffix) {
  if (!Path.endswith(Suffix))
    return false;
  return Path.size() == Suffix.size() ||
         sys::path::is_separator(Path[Path.size() - Suffix.size() - 1]) ||
         sys::path::is_separator(Suffix.front());
}

bool matches(const FileEntry &E, const Finding &F) {
  if (E.Rule != "*" && E.Rule != F.RuleId)
    return false;
  if (!E.Fingerprint.empty())
    return E.Fingerprint.find(':') == std::string::npos
               ? StringRef(F.Fingerprint).split(':').first == E.Fingerprint
               : F.Fingerprint == E.Fingerprint;
  return F.Loc.Line == E.Line &&
         (pathEndsWith(F.Loc.File, E.Path) || pathEndsWith(F.Loc.absolutePath(), E.Path));
}

} // namespace

namespace {

/// Suppresses the findings of \p Report by comments and by \p Entries
/// (from \p File), marking the entries used.
void suppress(CheckReport &Report, SourceFiles &Sources, StringRef File,
              std::vector<FileEntry> &Entries) {
  for (Finding &F : Report.Findings) {
    for (unsigned Line : {F.Loc.Line, F.Loc.Line - 1}) {
      if (!F.Loc.known() || Line == 0)
        break;
      std::optional<StringRef> Text = Sources.line(F.Loc, Line);
      if (!Text)
        break;
      if (std::optional<std::string> Reason = ignoreComment(*Text, F.RuleId)) {
        F.Suppressed = Finding::Suppression{"inSource", *Reason,
                                            F.Loc.File + ":" + std::to_string(Line)};
        break;
      }
    }
    if (F.Suppressed)
      continue;
    for (FileEntry &E : Entries)
      if (matches(E, F)) {
        E.Used = true;
        F.Suppressed = Finding::Suppression{"external", E.Justification,
                                            File.str() + ":" + std::to_string(E.EntryLine)};
        break;
      }
  }
}

Expected<std::vector<FileEntry>> readSuppressions(StringRef File) {
  if (File.empty())
    return std::vector<FileEntry>();
  return parseSuppressions(File);
}

void warnUnused(ArrayRef<FileEntry> Entries, StringRef File,
                std::vector<std::string> &Warnings) {
  for (const FileEntry &E : Entries)
    if (!E.Used)
      Warnings.push_back("suppression at " + File.str() + ":" +
                         std::to_string(E.EntryLine) + " matches no defect");
}

} // namespace

Error applySuppressions(CheckReport &Report, SourceFiles &Sources,
                        StringRef File) {
  Expected<std::vector<FileEntry>> Entries = readSuppressions(File);
  if (!Entries)
    return Entries.takeError();
  suppress(Report, Sources, File, *Entries);
  warnUnused(*Entries, File, Report.Warnings);
  return Error::success();
}

Error triage(CheckReport &Report, const TriageOptions &Options) {
  SourceFiles Sources(Options.SourceRoot);
  if (Error E = applySuppressions(Report, Sources, Options.SuppressionsFile))
    return E;
  if (Options.BaselineFile.empty())
    return Error::success();
  Expected<Baseline> Old = loadBaseline(Options.BaselineFile);
  if (!Old)
    return Old.takeError();
  applyBaseline(Report, *Old);
  return Error::success();
}

namespace {

bool fails(const Finding &F, bool OnlyNew) {
  return !F.Suppressed && (!OnlyNew || F.BaselineState != "unchanged");
}

} // namespace

bool hasFailingDefect(const CheckReport &Report, bool OnlyNew) {
  return any_of(Report.Findings,
                [&](const Finding &F) { return fails(F, OnlyNew); });
}

unsigned failingDefects(const CheckReport &Report, bool OnlyNew) {
  return count_if(Report.Findings,
                  [&](const Finding &F) { return fails(F, OnlyNew); });
}

Error triageBatch(BatchResults &Results, const TriageOptions &Options,
                  bool OnlyNew, std::vector<std::string> &Warnings) {
  for (DriverResult &D : Results)
    D.OnlyNewFail = OnlyNew;
  Expected<std::vector<FileEntry>> Entries =
      readSuppressions(Options.SuppressionsFile);
  if (!Entries)
    return Entries.takeError();
  SourceFiles Sources(Options.SourceRoot);
  for (DriverResult &D : Results)
    if (D.Report)
      suppress(*D.Report, Sources, Options.SuppressionsFile, *Entries);
  warnUnused(*Entries, Options.SuppressionsFile, Warnings);
  if (Options.BaselineFile.empty())
    return Error::success();
  Expected<Baseline> Old = loadBaseline(Options.BaselineFile);
  if (!Old)
    return Old.takeError();
  std::map<std::string, Baseline> ByDriver;
  for (AbsentFinding &F : Old->Results) {
    if (F.Driver.empty())
      return createStringError(
          inconvertibleErrorCode(),
          "baseline '" + Options.BaselineFile +
              "': a result names no driver (properties.driver): "
              "not the log of a batch check");
    ByDriver[F.Driver].Results.push_back(F);
  }
  // The baseline's drivers missing here are left alone: a shard checks
  // only its own, and a driver that cannot be checked has no findings.
  for (DriverResult &D : Results)
    if (D.Report)
      applyBaseline(*D.Report, ByDriver[D.Name]);
  return Error::success();
}

} // namespace sdv
