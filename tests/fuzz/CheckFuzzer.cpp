//===- CheckFuzzer.cpp - Fuzzing the whole check from bytes ---------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// The input is one IR file, bitcode or textual (told apart by content, as
// the tool does). It is loaded; if it loads, every function it defines (up to
// a bound) is declared an entry routine, so that the engine runs on it even
// when nothing in it registers a routine, and the whole check runs as
// `sdv-lite check --entry F=ROLE...` would, every built-in rule, the report
// written in each format. Errors are fine; a crash, a sanitizer report or an
// abort is a bug.
//
//===----------------------------------------------------------------------===//

#include "sdv/Driver/Check.h"
#include "sdv/IR/Loader.h"
#include "sdv/Report/Report.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>

using namespace llvm;

namespace {

/// Roles given to the input's functions in turn: a dispatch routine and a
/// DPC (exits checked), a cancel-safe-queue callback (exit not checked) and
/// DriverEntry.
const char *const Roles[] = {"IRP_MJ_READ", "KDEFERRED_ROUTINE", "DRIVER_INITIALIZE",
                             "DRIVER_CANCEL"};
constexpr unsigned MaxEntries = 8;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  // The stages log their counts at `info`; the fuzzer's output is its own.
  spdlog::set_level(spdlog::level::off);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  MemoryBufferRef Input(StringRef(reinterpret_cast<const char *>(Data), Size),
                        "fuzz-input");
  sdv::CheckOptions Options;
  Options.Roles.InputBuffers.push_back(Input);
  {
    LLVMContext Ctx;
    Expected<sdv::LoadedModule> Loaded = sdv::loadModuleFromMemory(Input, Ctx);
    if (!Loaded) {
      consumeError(Loaded.takeError());
      return 0;
    }
    for (const Function &F : *Loaded->M) {
      if (F.isDeclaration() || !F.hasName())
        continue;
      std::string Role = Roles[Options.Roles.Entries.size() % std::size(Roles)];
      Options.Roles.Entries.push_back(F.getName().str() + "=" + Role);
      if (Options.Roles.Entries.size() == MaxEntries)
        break;
    }
  }
  // Budgets keep one input well under libFuzzer's time limit; stopping at
  // one is an outcome like any other.
  Options.Engine.MaxPathStates = 200000;
  Options.Engine.Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  Expected<sdv::CheckReport> Report = sdv::runCheck(Options);
  if (!Report) {
    consumeError(Report.takeError());
    return 0;
  }
  for (sdv::ReportFormat Format :
       {sdv::ReportFormat::Text, sdv::ReportFormat::Json, sdv::ReportFormat::Sarif}) {
    raw_null_ostream OS;
    sdv::createReportWriter(Format)->write(*Report, OS);
  }
  return 0;
}
