//===- sdv-lite.cpp - The command line ------------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// Parses options into the library's option structs, calls it, prints the
// result and picks the exit code: 0 no defect, 1 defects, 2 usage or input
// error, 3 stopped at a budget. The batch commands are in BatchCommands.cpp.
//
//===----------------------------------------------------------------------===//

#include "BatchCommands.h"

#include "sdv/Driver/Check.h"
#include "sdv/Driver/Stats.h"
#include "sdv/Report/Report.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

using namespace llvm;
using namespace sdvtool;

namespace {

void printWarnings(const std::vector<std::string> &Warnings) {
  for (const std::string &W : Warnings)
    errs() << "warning: " << W << "\n";
}

/// Whether \p Args name drivers without INPUT (--driver, --manifest), so
/// that INPUT may be left out.
bool namesDriversByOption(int Argc, char **Argv) {
  for (int I = 1; I < Argc; ++I) {
    StringRef A = Argv[I];
    if (A == "--")
      return false;
    if (A == "--driver" || A.startswith("--driver=") || A == "--manifest" ||
        A.startswith("--manifest="))
      return true;
  }
  return false;
}

/// -v: what suppressions and the baseline left.
void logTriage(const sdv::CheckReport &Report, StringRef BaselineFile) {
  unsigned Suppressed = 0, New = 0, Unchanged = 0;
  for (const sdv::Finding &F : Report.Findings) {
    Suppressed += F.Suppressed.has_value();
    New += F.BaselineState == "new";
    Unchanged += F.BaselineState == "unchanged";
  }
  spdlog::info("{} defect(s), {} suppressed", Report.Findings.size(), Suppressed);
  if (Report.HasBaseline)
    spdlog::info("baseline '{}': {} new, {} unchanged, {} absent", BaselineFile.str(), New,
                 Unchanged, Report.Absent.size());
}

const char *Footer = R"(Exit status:
  0  no defect found
  1  at least one defect found (suppressed ones do not count; with
     --fail-on new, only defects not in the --baseline count)
  2  usage error, or an input that cannot be read, linked or parsed
  3  no defect found, but a rule's analysis stopped at a budget (verdict
     Timeout or Spaceout: --timeout, --memory-limit, --max-path-states)

Inputs are LLVM bitcode (.bc) or textual IR (.ll) from clang, e.g.
  clang-16 --target=x86_64-pc-windows-msvc -g -c -emit-llvm driver.c
Several inputs are one driver: they are linked together.

Batch mode (an INPUT that is a directory, --driver, --manifest, or any of
-j, --shard, --cache-dir, --no-cache, --no-timing; and 'build') checks many
drivers in parallel and prints a summary table. Each directory's own .bc/.ll
files are one driver, named by its path relative to the argument. Exit
status of a batch: 2 if any driver could not be checked (verdict Error; the
others are still checked), else 1 if any driver has a defect that counts
(as above: not suppressed; with --fail-on new, not in the --baseline), else
3 if any analysis stopped at a budget, else 0.

Run 'sdv-lite <command> --help' for the options of a command.)";

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);

  CLI::App App{"sdv-lite: checks Windows kernel drivers' spin-lock discipline "
               "(the lock rules of Microsoft's Static Driver Verifier) on LLVM IR, "
               "from the driver's entry routines."};
  App.footer(Footer);
  App.set_version_flag("--version", sdv::toolVersion().str());
  App.require_subcommand(1);
  int Verbosity = 0;
  App.add_flag("-v,--verbose", Verbosity,
               "print stages, timings and counts on stderr (-vv: also why "
               "each routine is an entry routine)");

  sdv::CheckOptions Check;
#ifndef SDV_SANITIZE
  // The process exits right after the check. (Sanitizer builds free it, so
  // that the leak checker sees only real leaks.)
  Check.FreeModule = false;
#endif
  BatchCommand Batch;
  std::string StatsFile;
  std::string Color = "auto";
  sdv::WriterOptions Writing;
  bool NoSource = false;
  sdv::TriageOptions Triage;
  std::string FailOn = "any";
  bool SarifTimes = false;
  double TimeoutSeconds = 0;
  uint64_t MemoryLimitMiB = 8192;
  uint64_t MaxPathStates = 50'000'000;

  auto AddRoleOptions = [](CLI::App *Cmd, sdv::RoleOptions &Roles) {
    Cmd->add_option("--entry", Roles.Entries,
                    "declare FUNCTION=ROLE an entry routine, e.g. "
                    "MyRead=IRP_MJ_READ (repeatable)")
        ->type_name("FUNC=ROLE")
        ->allow_extra_args(false);
    Cmd->add_option("--map", Roles.MapFile,
                    "read entry routines from a role map in the sdv-map.h "
                    "format ('#define fun_HW_STARTIO MyStartIo'); without it, "
                    "an sdv-map.h in the first input's directory is read")
        ->type_name("FILE");
    Cmd->add_flag("--no-auto-map", [&Roles](std::int64_t) { Roles.AutoMap = false; },
                  "do not read the sdv-map.h next to the first input");
    Cmd->add_option("--exports", Roles.ExportFiles,
                    "an export driver's export list, a module-definition (.def) or "
                    "spec (.spec) file: each function it exports is an entry "
                    "routine, called by other drivers (functions marked "
                    "dllexport are found without it; repeatable)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    Cmd->add_option("--roles-file", Roles.RolesFiles,
                    "add the registrations and sequences of FILE, in the format of "
                    "rules/roles.yaml, to the built-in ones (a driver's own callback "
                    "pairs, e.g. a port driver's acquire and release routines; "
                    "repeatable)")
        ->type_name("FILE")
        ->allow_extra_args(false);
  };
  auto AddDumpOption = [](CLI::App *Cmd, sdv::RoleOptions &Roles) {
    Cmd->add_option("--dump-canonical-ir", Roles.DumpCanonicalIR,
                    "write the IR as the analysis sees it (after canonicalisation) "
                    "to FILE, for debugging")
        ->type_name("FILE");
  };

  // The options of a check, shared by `check` and `build`.
  auto AddCheckOptions = [&](CLI::App *Cmd) {
    Cmd->add_option("--rule", Check.Rules,
                    "check only this rule (repeatable; default: all)")
        ->type_name("RULE")
        ->allow_extra_args(false);
    Cmd->add_option("--rule-file", Check.RuleFiles,
                    "load a rule from a YAML file (repeatable); it replaces "
                    "a built-in rule of the same name")
        ->type_name("FILE")
        ->allow_extra_args(false);
    Cmd->add_option("--format", Batch.Format,
                    "output format: text, json, sarif, or html (a static defect "
                    "viewer written into the directory -o DIR; one driver only)")
        ->type_name("FORMAT")
        ->default_str("text");
    Cmd->add_option("-o,--output", Batch.Output,
                    "write the report to FILE (default: stdout)")
        ->type_name("FILE");
    Cmd->add_option("--max-states", Check.Engine.MaxStatesPerBlock,
                    "distinct lock-state combinations kept apart per basic "
                    "block before they are joined")
        ->type_name("N")
        ->default_val(Check.Engine.MaxStatesPerBlock)
        ->check(CLI::Range(1u, 1u << 16));
    Cmd->add_option("--timeout", TimeoutSeconds,
                    "stop a rule's analysis after SECONDS and report the verdict "
                    "Timeout (0: no limit); in batch mode, per driver, counted "
                    "from the driver's start")
        ->type_name("SECONDS")
        ->default_val(0)
        ->check(CLI::Validator(
            [](std::string &In) -> std::string {
              double V = 0;
              if (!CLI::detail::lexical_cast(In, V) || !(V >= 0))
                return "'" + In + "' is not a number of seconds >= 0";
              return "";
            },
            "SECONDS"));
    Cmd->add_option("--memory-limit", MemoryLimitMiB,
                    "stop the analysis once the process uses more than MIB "
                    "mebibytes and report the verdict Spaceout (0: no limit); "
                    "in batch mode the whole process's memory, shared by the "
                    "drivers checked at once")
        ->type_name("MIB")
        ->default_val(MemoryLimitMiB);
    Cmd->add_option("--max-path-states", MaxPathStates,
                    "stop the analysis after processing N path states and report "
                    "the verdict Spaceout (0: no limit)")
        ->type_name("N")
        ->default_val(MaxPathStates);
    AddRoleOptions(Cmd, Check.Roles);
  };
  // Batch mode's own options; on `check`, any of them selects batch mode.
  auto AddBatchOptions = [&](CLI::App *Cmd) {
    std::vector<CLI::Option *> Opts;
    Opts.push_back(Cmd->add_option("-j,--jobs", Batch.Jobs,
                                   "check N drivers at once (default: one per "
                                   "hardware thread)")
                       ->type_name("N"));
    Opts.push_back(Cmd->add_option("--shard", Batch.Shard,
                                   "check only shard K of N: the drivers whose "
                                   "name hashes to K (stable as drivers come and "
                                   "go); merge the shards' outputs with 'merge'")
                       ->type_name("K/N"));
    Opts.push_back(Cmd->add_option("--cache-dir", Batch.CacheDir,
                                   "keep results in DIR (default: "
                                   "$XDG_CACHE_HOME/sdv-lite, else "
                                   "~/.cache/sdv-lite), keyed by the inputs' "
                                   "contents, rules, role options and the tool")
                       ->type_name("DIR"));
    Opts.push_back(Cmd->add_flag("--no-cache", Batch.NoCache,
                                 "neither read nor write the result cache"));
    Opts.push_back(Cmd->add_flag("--no-timing", Batch.NoTiming,
                                 "leave the TIME column out of the text summary "
                                 "(which is then the same run after run)"));
    return Opts;
  };

  // Suppressions and baselines, for one driver or a batch.
  auto AddTriageOptions = [&](CLI::App *Cmd) {
    Cmd->add_option(
           "--baseline", Triage.BaselineFile,
           "compare with an earlier SARIF report of sdv-lite (in batch "
           "mode, of a batch: matched per driver): each defect is "
           "marked new or unchanged (matched by fingerprint), and the "
           "baseline's defects no longer found are listed as absent")
        ->type_name("SARIF");
    Cmd->add_option(
           "--fail-on", FailOn,
           "which defects make the exit status 1: any (default) or new "
           "(only those not in --baseline; without a baseline every "
           "defect is new). Suppressed defects never count")
        ->type_name("WHICH")
        ->default_str("any")
        ->check(CLI::IsMember({"any", "new"}));
    Cmd->add_option(
           "--suppressions", Triage.SuppressionsFile,
           "suppress the defects listed in FILE, one per line: 'RULE "
           "FILE:LINE reason' or 'RULE FINGERPRINT reason' (comments "
           "'// sdv-lite: ignore RULE reason' on or above the line work "
           "without it)")
        ->type_name("FILE");
  };
  CLI::App *CheckCmd = App.add_subcommand(
      "check", "check the driver and report every defect with its trace; "
               "with directories, --driver or --manifest, check many drivers "
               "(batch mode)");
  sdv::BatchInputs BatchInputs;
  CheckCmd->add_option("INPUT", BatchInputs.Paths,
                       "bitcode or textual IR files of one driver, or "
                       "directories of drivers (batch mode)")
      ->required(!namesDriversByOption(argc, argv))
      ->type_name("FILE");
  AddCheckOptions(CheckCmd);
  CheckCmd->add_option("--source-root", Writing.SourceRoot,
                       "read the driver's sources under DIR, which stands for the "
                       "compilation directory recorded in the debug info (for "
                       "source lines, branch conditions, fingerprints and "
                       "suppression comments); also SARIF's %SRCROOT%")
      ->type_name("DIR");
  CheckCmd->add_option("--color", Color,
                       "colour the text output: auto (when stdout is a terminal "
                       "and no -o FILE is given), always or never")
      ->type_name("WHEN")
      ->default_str("auto")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  CheckCmd->add_flag("--brief", Writing.Brief,
                     "text output: one line per defect "
                     "('file:line:col: error: [RULE] message'), no trace, no verdicts");
  CheckCmd->add_flag("--no-source", NoSource,
                     "text output: do not show the source line and caret under "
                     "each diagnostic");
  AddTriageOptions(CheckCmd);
  CheckCmd->add_flag("--sarif-times", SarifTimes,
                     "SARIF: record the run's start and end times in its "
                     "invocation (off by default so that reports of the same "
                     "inputs are byte-identical)");
  CheckCmd->add_option("--stats-json", StatsFile,
                       "write each stage's time and the analysis counts to FILE "
                       "as JSON (for bench/; not in batch mode)")
      ->type_name("FILE");
  AddDumpOption(CheckCmd, Check.Roles);
  CLI::Option *DriverOpt =
      CheckCmd
          ->add_option("--driver", BatchInputs.DriverSpecs,
                       "check the files as one driver named NAME (repeatable; "
                       "batch mode)")
          ->type_name("NAME=FILE[,FILE...]")
          ->allow_extra_args(false);
  CLI::Option *ManifestOpt =
      CheckCmd
          ->add_option("--manifest", BatchInputs.ManifestFile,
                       "check the drivers a YAML manifest lists (batch mode; "
                       "format in README.md)")
          ->type_name("FILE");
  std::vector<CLI::Option *> BatchOpts = AddBatchOptions(CheckCmd);

  sdv::BuildOptions Build;
  Build.Clang = "clang-16";
  CLI::App *BuildCmd = App.add_subcommand(
      "build", "compile every translation unit of a compile database to "
               "bitcode, group them into drivers and check them (batch mode)");
  BuildCmd->add_option("-p,--compile-commands", Build.CompileDatabase,
                       "the compile database (compile_commands.json)")
      ->required()
      ->type_name("FILE");
  BuildCmd->add_option("--clang", Build.Clang,
                       "the clang that compiles (default: clang-16 on PATH); "
                       "cl.exe and clang-cl commands run as --driver-mode=cl")
      ->type_name("PATH");
  BuildCmd->add_option("--bitcode-dir", Build.OutputDir,
                       "write the bitcode under DIR, a folder per driver "
                       "(default: the cache directory's bitcode/)")
      ->type_name("DIR");
  std::vector<std::string> PathMaps;
  BuildCmd->add_option("--path-map", PathMaps,
                       "rewrite paths of the database that start with FROM (a "
                       "Windows path: any case, \\ or /) to start with TO, in "
                       "'directory', 'file', the commands' path options, inputs "
                       "and response files; backslashes become slashes; header "
                       "lookup then ignores case (repeatable, first match wins)")
      ->type_name("FROM=TO");
  BuildCmd->add_flag("--case-insensitive-includes,!--case-sensitive-includes",
                     [&Build](std::int64_t N) { Build.CaseInsensitiveIncludes = N > 0; },
                     "header lookup ignores case under the include folders, the "
                     "sources' folders and the --path-map targets (default: on "
                     "with --path-map)");
  BuildCmd->add_option("--changed", Build.Changed,
                       "compile and check only the drivers these files touch: a "
                       "unit's source its driver; a header the drivers with a "
                       "unit in its folder or below, else every driver")
      ->type_name("FILE");
  BuildCmd->add_option("--extra-arg", Build.ExtraArgs,
                       "add ARG to every compile command, after its own options "
                       "(repeatable; -I, -D, --target=...; cl.exe commands take "
                       "what clang-cl takes)")
      ->type_name("ARG")
      ->allow_extra_args(false);
  AddCheckOptions(BuildCmd);
  AddTriageOptions(BuildCmd);
  AddBatchOptions(BuildCmd);

  sdv::RoleOptions Roles;
  CLI::App *RolesCmd = App.add_subcommand(
      "roles", "list the driver's entry routines, their roles, and why");
  AddRoleOptions(RolesCmd, Roles);
  AddDumpOption(RolesCmd, Roles);
  RolesCmd->add_option("INPUT", Roles.Inputs, "bitcode or textual IR files of one driver")
      ->required()
      ->type_name("FILE");

  std::vector<std::string> ListRuleFiles;
  CLI::App *RulesCmd = App.add_subcommand(
      "rules", "list the available rules, then where their rule files are "
               "installed ('rule files: DIR', found relative to sdv-lite: "
               "copies to start one's own --rule-file from)");
  RulesCmd->add_option("--rule-file", ListRuleFiles, "also load a rule from a YAML file")
      ->type_name("FILE")
      ->allow_extra_args(false);

  std::vector<std::string> MergeInputs;
  std::string MergeFormat, MergeOutput;
  CLI::App *MergeCmd = App.add_subcommand(
      "merge", "merge the JSON or SARIF outputs of shards (--shard) into the "
               "output of the whole; exits as the whole's check would");
  MergeCmd->add_option("OUTPUT", MergeInputs, "the shards' outputs")
      ->required()
      ->type_name("FILE");
  MergeCmd->add_option("--format", MergeFormat,
                       "json or sarif (default: told from the first file)")
      ->type_name("FORMAT");
  MergeCmd->add_option("-o,--output", MergeOutput,
                       "write the merged output to FILE (default: stdout)")
      ->type_name("FILE");

  //===--- scan: a role map from the sources' role-type declarations -----===//
  std::vector<std::string> ScanSources;
  std::string ScanOutput;
  CLI::App *ScanCmd = App.add_subcommand(
      "scan", "write a role map (sdv-map.h) from the role-type declarations "
              "in C sources ('DRIVER_DISPATCH MyRead;', "
              "'_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH MyRead;')");
  ScanCmd->footer(R"(Exit status:
  0  map written (warnings, such as a routine declared with two roles, on stderr)
  2  usage error, a source that cannot be read or a map that cannot be written

The scan is lexical: comments, strings and preprocessor lines are skipped, and
declarations in every branch of an #if are read.)");
  ScanCmd->add_option("-o,--output", ScanOutput,
                      "write the map to FILE (default: stdout), e.g. next to "
                      "the driver's bitcode, where check finds it")
      ->type_name("FILE");
  ScanCmd->add_option("SOURCES", ScanSources, "C sources and headers of one driver")
      ->required()
      ->type_name("FILE");
  //===--- end of scan ---------------------------------------------------===//

  try {
    App.parse(argc, argv);
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForAllHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForVersion &E) {
    return App.exit(E);
  } catch (const CLI::ParseError &E) {
    errs() << "error: " << E.what() << "\n"
           << "run 'sdv-lite --help' for usage\n";
    return ExitError;
  }

  // Batch mode checks drivers on several threads.
  auto Logger = spdlog::stderr_color_mt("sdv-lite");
  spdlog::set_default_logger(Logger);
  spdlog::set_pattern("%^%l%$: %v");
  spdlog::set_level(Verbosity >= 2   ? spdlog::level::debug
                    : Verbosity == 1 ? spdlog::level::info
                                     : spdlog::level::warn);

  if (RulesCmd->parsed()) {
    Expected<std::vector<sdv::RuleInfo>> Rules = sdv::listRules(ListRuleFiles);
    if (!Rules)
      return fail(toString(Rules.takeError()));
    // One rule a line: its id, the driver models it applies to, and what it
    // checks.
    size_t IdWidth = 0, ModelWidth = 0;
    auto Models = [](const sdv::RuleInfo &R) {
      return R.Models.empty() ? std::string("all models") : join(R.Models, ", ");
    };
    for (const sdv::RuleInfo &R : *Rules) {
      IdWidth = std::max(IdWidth, R.Id.size());
      ModelWidth = std::max(ModelWidth, Models(R).size());
    }
    for (const sdv::RuleInfo &R : *Rules)
      outs() << left_justify(R.Id, IdWidth) << "  " << left_justify(Models(R), ModelWidth)
             << "  " << R.Summary << "\n";
    if (std::optional<std::string> Dir = sdv::installedRuleFilesDir())
      outs() << "\nrule files: " << *Dir << "\n";
    return ExitPass;
  }

  //===--- scan ----------------------------------------------------------===//
  if (ScanCmd->parsed()) {
    std::vector<std::string> Warnings;
    Expected<sdv::RoleMap> Map = sdv::runScan(ScanSources, Warnings);
    if (!Map)
      return fail(toString(Map.takeError()));
    printWarnings(Warnings);
    return withOutput(ScanOutput, [&](raw_ostream &OS) { sdv::writeSdvMap(*Map, OS); });
  }
  //===--- end of scan ---------------------------------------------------===//

  if (RolesCmd->parsed()) {
    std::vector<std::string> Warnings;
    Expected<std::vector<sdv::EntryInfo>> Entries = sdv::runRoles(Roles, Warnings);
    if (!Entries)
      return fail(toString(Entries.takeError()));
    printWarnings(Warnings);
    sdv::writeRoles(*Entries, outs());
    return ExitPass;
  }

  if (MergeCmd->parsed())
    return runMerge(MergeInputs, MergeFormat, MergeOutput);

  Check.Engine.MaxMemoryBytes = MemoryLimitMiB << 20;
  Check.Engine.MaxPathStates = MaxPathStates;
  Batch.TimeoutSeconds = TimeoutSeconds;
  Batch.Triage = Triage;
  Batch.Triage.SourceRoot = Writing.SourceRoot;
  Batch.OnlyNewFail = FailOn == "new";
  if (BuildCmd->parsed()) {
    for (const std::string &Spec : PathMaps) {
      Expected<sdv::PathMapping> M = sdv::parsePathMapping(Spec);
      if (!M)
        return fail(toString(M.takeError()));
      Build.PathMaps.push_back(std::move(*M));
    }
    return runBuild(Build, Check, Batch);
  }

  bool BatchMode = DriverOpt->count() || ManifestOpt->count() ||
                   any_of(BatchOpts, [](CLI::Option *O) { return O->count(); }) ||
                   any_of(BatchInputs.Paths,
                          [](const std::string &P) { return sys::fs::is_directory(P); });
  if (BatchMode) {
    if (!StatsFile.empty() || !Check.Roles.DumpCanonicalIR.empty())
      return fail("--stats-json and --dump-canonical-ir check one driver: not in "
                  "batch mode");
    if (CheckCmd->get_option("--sarif-times")->count())
      return fail("--sarif-times checks one driver: not in batch mode");
    if (Batch.Format == "html")
      return fail("--format html checks one driver: not in batch mode");
  }
  // How diagnostics are written, for one driver or a tree.
  if (!Writing.SourceRoot.empty() && !sys::fs::is_directory(Writing.SourceRoot))
    return fail("--source-root '" + Writing.SourceRoot + "' is not a directory");
  Check.SourceRoot = Writing.SourceRoot;
  Writing.ShowSource = !NoSource;
  bool ToStdout = Batch.Output.empty() || Batch.Output == "-";
  Writing.Color = Color == "always" || (Color == "auto" && ToStdout && outs().is_displayed());
  if (BatchMode) {
    Batch.Writing = Writing;
    return runBatchCheck(BatchInputs, Check, Batch);
  }
  Check.Roles.Inputs = BatchInputs.Paths;

  std::optional<sdv::ReportFormat> Fmt = sdv::parseReportFormat(Batch.Format);
  bool Html = Batch.Format == "html";
  if (!Fmt && !Html)
    return fail("unknown format '" + Batch.Format + "' (expected text, json, sarif or html)");
  if (Html && ToStdout)
    return fail("--format html writes a directory: give it with -o DIR");
  if (TimeoutSeconds > 0)
    Check.Engine.Deadline =
        std::chrono::steady_clock::now() +
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(TimeoutSeconds));
  Writing.Arguments.assign(argv, argv + argc);
  if (SarifTimes)
    Writing.StartTime = std::chrono::system_clock::now();
  sdv::RunStats Stats;
  Expected<sdv::CheckReport> Report = sdv::runCheck(Check, &Stats);
  if (!Report)
    return fail(toString(Report.takeError()));
  Triage.SourceRoot = Writing.SourceRoot;
  if (Error E = sdv::triage(*Report, Triage))
    return fail(toString(std::move(E)));
  logTriage(*Report, Triage.BaselineFile);
  Writing.ShowSuppressed = Verbosity >= 1;
  printWarnings(Report->Warnings);
  if (Html) {
    sdv::StageTimer T("output", &Stats);
    if (Error E = sdv::writeHtmlReport(*Report, Writing, Batch.Output))
      return fail(toString(std::move(E)));
  } else {
    std::unique_ptr<sdv::ReportWriter> Writer = sdv::createReportWriter(*Fmt, Writing);
    sdv::StageTimer T("output", &Stats);
    if (int RC = withOutput(Batch.Output, [&](raw_ostream &OS) { Writer->write(*Report, OS); }))
      return RC;
  }
  if (!StatsFile.empty())
    if (int RC = withOutput(StatsFile,
                            [&](raw_ostream &OS) { sdv::writeStatsJson(Stats, OS); }))
      return RC;
  if (sdv::hasFailingDefect(*Report, /*OnlyNew=*/FailOn == "new"))
    return ExitDefects;
  bool Stopped = llvm::any_of(Report->Verdicts, [](const sdv::RuleVerdict &V) {
    return V.Result == sdv::Verdict::Timeout || V.Result == sdv::Verdict::Spaceout;
  });
  return Stopped ? ExitInconclusive : ExitPass;
}
