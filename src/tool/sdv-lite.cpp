//===- sdv-lite.cpp - The command line ------------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// Parses options into the library's option structs, calls it, prints the
// result and picks the exit code: 0 no defect, 1 defects, 2 usage or input
// error.
//
//===----------------------------------------------------------------------===//

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

namespace {

enum ExitCode : int { ExitPass = 0, ExitDefects = 1, ExitError = 2, ExitInconclusive = 3 };

int fail(const Twine &Message) {
  errs() << "error: " << Message << "\n";
  return ExitError;
}

void printWarnings(const std::vector<std::string> &Warnings) {
  for (const std::string &W : Warnings)
    errs() << "warning: " << W << "\n";
}

/// Writes through \p Write to \p Path, or to stdout when Path is empty or "-".
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

const char *Footer = R"(Exit status:
  0  no defect found
  1  at least one defect found
  2  usage error, or an input that cannot be read, linked or parsed
  3  no defect found, but a rule's analysis stopped at a budget (verdict
     Timeout or Spaceout: --timeout, --memory-limit, --max-path-states)

Inputs are LLVM bitcode (.bc) or textual IR (.ll) from clang, e.g.
  clang-16 --target=x86_64-pc-windows-msvc -g -c -emit-llvm driver.c
Several inputs are one driver: they are linked together.

Run 'sdv-lite <command> --help' for the options of a command.)";

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);

  CLI::App App{"sdv-lite: checks Windows kernel drivers' spin-lock discipline "
               "(the SpinLockDpc rule) on LLVM IR, from the driver's entry "
               "routines."};
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
  std::string Format = "text";
  std::string Output;
  std::string StatsFile;

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
    Cmd->add_option("--dump-canonical-ir", Roles.DumpCanonicalIR,
                    "write the IR as the analysis sees it (after canonicalisation) "
                    "to FILE, for debugging")
        ->type_name("FILE");
    Cmd->add_option("INPUT", Roles.Inputs, "bitcode or textual IR files of one driver")
        ->required()
        ->type_name("FILE");
  };

  CLI::App *CheckCmd = App.add_subcommand(
      "check", "check the driver and report every defect with its trace");
  CheckCmd->add_option("--rule", Check.Rules,
                       "check only this rule (repeatable; default: all)")
      ->type_name("RULE")
      ->allow_extra_args(false);
  CheckCmd->add_option("--rule-file", Check.RuleFiles,
                       "load a rule from a YAML file (repeatable); it replaces "
                       "a built-in rule of the same name")
      ->type_name("FILE")
      ->allow_extra_args(false);
  CheckCmd->add_option("--format", Format, "output format: text, json or sarif")
      ->type_name("FORMAT")
      ->default_str("text");
  CheckCmd->add_option("-o,--output", Output, "write the report to FILE (default: stdout)")
      ->type_name("FILE");
  CheckCmd->add_option("--stats-json", StatsFile,
                       "write each stage's time and the analysis counts to FILE "
                       "as JSON (for bench/)")
      ->type_name("FILE");
  CheckCmd->add_option("--max-states", Check.Engine.MaxStatesPerBlock,
                       "distinct lock-state combinations kept apart per basic "
                       "block before they are joined")
      ->type_name("N")
      ->default_val(Check.Engine.MaxStatesPerBlock)
      ->check(CLI::Range(1u, 1u << 16));
  double TimeoutSeconds = 0;
  CheckCmd->add_option("--timeout", TimeoutSeconds,
                       "stop a rule's analysis after SECONDS and report the verdict "
                       "Timeout (0: no limit)")
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
  uint64_t MemoryLimitMiB = 8192;
  CheckCmd->add_option("--memory-limit", MemoryLimitMiB,
                       "stop the analysis once the process uses more than MIB "
                       "mebibytes and report the verdict Spaceout (0: no limit)")
      ->type_name("MIB")
      ->default_val(MemoryLimitMiB);
  uint64_t MaxPathStates = 50'000'000;
  CheckCmd->add_option("--max-path-states", MaxPathStates,
                       "stop the analysis after processing N path states and report "
                       "the verdict Spaceout (0: no limit)")
      ->type_name("N")
      ->default_val(MaxPathStates);
  AddRoleOptions(CheckCmd, Check.Roles);

  sdv::RoleOptions Roles;
  CLI::App *RolesCmd = App.add_subcommand(
      "roles", "list the driver's entry routines, their roles, and why");
  AddRoleOptions(RolesCmd, Roles);

  std::vector<std::string> ListRuleFiles;
  CLI::App *RulesCmd =
      App.add_subcommand("rules", "list the available rules");
  RulesCmd->add_option("--rule-file", ListRuleFiles, "also load a rule from a YAML file")
      ->type_name("FILE")
      ->allow_extra_args(false);

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

  auto Logger = spdlog::stderr_color_st("sdv-lite");
  spdlog::set_default_logger(Logger);
  spdlog::set_pattern("%^%l%$: %v");
  spdlog::set_level(Verbosity >= 2   ? spdlog::level::debug
                    : Verbosity == 1 ? spdlog::level::info
                                     : spdlog::level::warn);

  if (RulesCmd->parsed()) {
    Expected<std::vector<sdv::RuleInfo>> Rules = sdv::listRules(ListRuleFiles);
    if (!Rules)
      return fail(toString(Rules.takeError()));
    for (const sdv::RuleInfo &R : *Rules)
      outs() << R.Id << "  " << R.Summary << "\n";
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

  std::optional<sdv::ReportFormat> Fmt = sdv::parseReportFormat(Format);
  if (!Fmt)
    return fail("unknown format '" + Format + "' (expected text, json or sarif)");
  if (TimeoutSeconds > 0)
    Check.Engine.Deadline =
        std::chrono::steady_clock::now() +
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(TimeoutSeconds));
  Check.Engine.MaxMemoryBytes = MemoryLimitMiB << 20;
  Check.Engine.MaxPathStates = MaxPathStates;
  sdv::RunStats Stats;
  Expected<sdv::CheckReport> Report = sdv::runCheck(Check, &Stats);
  if (!Report)
    return fail(toString(Report.takeError()));
  printWarnings(Report->Warnings);
  std::unique_ptr<sdv::ReportWriter> Writer = sdv::createReportWriter(*Fmt);
  {
    sdv::StageTimer T("output", &Stats);
    if (int RC = withOutput(Output, [&](raw_ostream &OS) { Writer->write(*Report, OS); }))
      return RC;
  }
  if (!StatsFile.empty())
    if (int RC = withOutput(StatsFile,
                            [&](raw_ostream &OS) { sdv::writeStatsJson(Stats, OS); }))
      return RC;
  if (!Report->Findings.empty())
    return ExitDefects;
  bool Stopped = llvm::any_of(Report->Verdicts, [](const sdv::RuleVerdict &V) {
    return V.Result == sdv::Verdict::Timeout || V.Result == sdv::Verdict::Spaceout;
  });
  return Stopped ? ExitInconclusive : ExitPass;
}
