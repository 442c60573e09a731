//===- BatchCommands.cpp - Batch check, build and merge -------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "BatchCommands.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace sdvtool {

int fail(const Twine &Message) {
  errs() << "error: " << Message << "\n";
  return ExitError;
}

int withOutput(const std::string &Path, function_ref<void(raw_ostream &)> Write) {
  if (Path.empty() || Path == "-") {
    Write(outs());
    outs().flush();
    return ExitPass;
  }
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return fail("cannot write '" + Path + "': " + EC.message());
  Write(OS);
  OS.close();
  if (OS.has_error())
    return fail("cannot write '" + Path + "': " + OS.error().message());
  return ExitPass;
}

namespace {

/// A `\r`-rewritten line on stderr while drivers finish, when stderr is a
/// terminal.
class ProgressLine {
public:
  ProgressLine() : Enabled(sys::Process::StandardErrIsDisplayed()) {}
  void update(const sdv::BatchProgress &P) {
    if (!Enabled)
      return;
    std::string Line = formatv("[{0}/{1}] {2} defect{3} so far; done: {4}", P.Done,
                               P.Total, P.Defects, P.Defects == 1 ? "" : "s", P.Driver);
    // No wider than the terminal (when it says), or the line would wrap.
    unsigned Columns = sys::Process::StandardErrColumns();
    unsigned Width = Columns ? std::max(20u, Columns) - 1 : 79;
    if (Line.size() > Width)
      Line.resize(Width);
    Shown = std::max<size_t>(Shown, Line.size());
    errs() << "\r" << left_justify(Line, Shown);
    errs().flush();
  }
  void clear() {
    if (Enabled && Shown)
      errs() << "\r" << std::string(Shown, ' ') << "\r";
    Shown = 0;
  }

private:
  bool Enabled;
  size_t Shown = 0;
};

int writeBatch(const sdv::BatchResults &Results, const BatchCommand &Cmd,
               sdv::ReportFormat Format) {
  if (Format == sdv::ReportFormat::Text)
    return withOutput(Cmd.Output, [&](raw_ostream &OS) {
      sdv::writeBatchText(Results, !Cmd.NoTiming, OS, Cmd.Writing);
    });
  Expected<json::Value> Doc = Format == sdv::ReportFormat::Json
                                  ? sdv::batchJson(Results, sdv::toolVersion())
                                  : sdv::batchSarif(Results, sdv::toolVersion());
  if (!Doc)
    return fail(toString(Doc.takeError()));
  return withOutput(Cmd.Output,
                    [&](raw_ostream &OS) { OS << formatv("{0:2}", *Doc) << "\n"; });
}

int checkDrivers(std::vector<sdv::DriverSpec> Drivers, const sdv::CheckOptions &Check,
                 const BatchCommand &Cmd) {
  std::optional<sdv::ReportFormat> Format = sdv::parseReportFormat(Cmd.Format);
  if (!Format)
    return fail("unknown format '" + Cmd.Format + "' (expected text, json or sarif)");
  if (Error E = sdv::checkRuleOptions(Check))
    return fail(toString(std::move(E)));
  if (!Cmd.Shard.empty()) {
    Expected<sdv::Shard> S = sdv::parseShard(Cmd.Shard);
    if (!S)
      return fail(toString(S.takeError()));
    Drivers = sdv::selectShard(std::move(Drivers), *S);
  }

  sdv::BatchOptions Options;
  Options.Check = Check;
  Options.TimeoutSeconds = Cmd.TimeoutSeconds;
  Options.Jobs = Cmd.Jobs;
  if (!Cmd.NoCache)
    Options.CacheDir = Cmd.CacheDir.empty() ? sdv::defaultCacheDir() : Cmd.CacheDir;
  ProgressLine Progress;
  Options.OnProgress = [&](const sdv::BatchProgress &P) { Progress.update(P); };
  sdv::BatchResults Results = sdv::runBatch(Drivers, Options);
  Progress.clear();
  std::vector<std::string> TriageWarnings;
  if (Error E = sdv::triageBatch(Results, Cmd.Triage, Cmd.OnlyNewFail,
                                 TriageWarnings))
    return fail(toString(std::move(E)));
  for (const std::string &W : TriageWarnings)
    errs() << "warning: " << W << "\n";

  for (const sdv::DriverResult &D : Results) {
    if (!D.Report) {
      errs() << "error: driver '" << D.Name << "': " << D.Error << "\n";
      continue;
    }
    for (const std::string &W : D.Report->Warnings)
      errs() << "warning: driver '" << D.Name << "': " << W << "\n";
  }
  if (int RC = writeBatch(Results, Cmd, *Format))
    return RC;
  return sdv::batchExitCode(Results);
}

} // namespace

int runBatchCheck(const sdv::BatchInputs &Inputs, const sdv::CheckOptions &Check,
                  const BatchCommand &Cmd) {
  Expected<std::vector<sdv::DriverSpec>> Drivers = sdv::collectDrivers(Inputs);
  if (!Drivers)
    return fail(toString(Drivers.takeError()));
  if (Drivers->empty())
    return fail("no driver to check");
  return checkDrivers(std::move(*Drivers), Check, Cmd);
}

int runBuild(sdv::BuildOptions Build, const sdv::CheckOptions &Check,
             const BatchCommand &Cmd) {
  ErrorOr<std::string> Clang = sys::findProgramByName(Build.Clang);
  if (!Clang)
    return fail("cannot find the compiler '" + Build.Clang + "' (use --clang PATH)");
  Build.Clang = *Clang;
  if (Build.OutputDir.empty()) {
    std::string Cache = Cmd.CacheDir.empty() ? sdv::defaultCacheDir() : Cmd.CacheDir;
    if (Cache.empty())
      return fail("no folder for the bitcode: set --bitcode-dir or --cache-dir");
    Build.OutputDir = Cache + "/bitcode";
  }
  Build.Jobs = Cmd.Jobs;
  if (!Cmd.Shard.empty()) {
    // Each machine compiles only its shard's units.
    Expected<sdv::Shard> S = sdv::parseShard(Cmd.Shard);
    if (!S)
      return fail(toString(S.takeError()));
    Build.OnlyShard = *S;
  }
  Expected<sdv::BuildResult> Built = sdv::buildDrivers(Build);
  if (!Built)
    return fail(toString(Built.takeError()));
  for (const std::string &W : Built->Warnings)
    errs() << "warning: " << W << "\n";
  for (const std::string &E : Built->CompileErrors)
    errs() << "error: " << E << "\n";
  if (Built->Drivers.empty() && Build.Changed && Built->Untouched)
    // Nothing to check is a pass; the report (empty) is still written.
    errs() << "note: the changed files touch no driver of '" << Build.CompileDatabase
           << "'\n";
  else if (Built->Drivers.empty() && !Build.OnlyShard)
    return fail("'" + Build.CompileDatabase + "': no translation unit");
  return checkDrivers(std::move(Built->Drivers), Check, Cmd);
}

int runMerge(const std::vector<std::string> &Inputs, std::string Format,
             const std::string &Output) {
  std::vector<json::Value> Docs;
  for (const std::string &Path : Inputs) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path, true);
    if (!Buffer)
      return fail("cannot read '" + Path + "': " + Buffer.getError().message());
    Expected<json::Value> Doc = json::parse((*Buffer)->getBuffer());
    if (!Doc)
      return fail("'" + Path + "': not valid JSON: " + toString(Doc.takeError()));
    Docs.push_back(std::move(*Doc));
  }
  if (Format.empty()) {
    const json::Object *First = Docs.front().getAsObject();
    Format = First && First->get("runs") ? "sarif" : "json";
  }
  Expected<json::Value> Merged = Format == "json"    ? sdv::mergeBatchJson(Docs, Inputs)
                                 : Format == "sarif" ? sdv::mergeBatchSarif(Docs, Inputs)
                                                     : Expected<json::Value>(createStringError(
                                                           inconvertibleErrorCode(),
                                                           "unknown format '" + Format +
                                                               "' (expected json or sarif)"));
  if (!Merged)
    return fail(toString(Merged.takeError()));
  if (int RC = withOutput(Output,
                          [&](raw_ostream &OS) { OS << formatv("{0:2}", *Merged) << "\n"; }))
    return RC;
  return sdv::batchExitCode(*Merged);
}

} // namespace sdvtool
