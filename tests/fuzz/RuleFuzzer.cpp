//===- RuleFuzzer.cpp - Fuzzing the YAML data files -----------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// The input is read as a rule file (rules/SpinLockDpc.yaml's format) and as
// a roles catalogue (rules/roles.yaml's format). A rule that loads has every
// table entry read back, as the engine would read it.
//
//===----------------------------------------------------------------------===//

#include "sdv/Roles/Roles.h"
#include "sdv/Rule/Rule.h"

#include <cstdint>

using namespace llvm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);

  Expected<sdv::Rule> R = sdv::Rule::parse(Text, "fuzz.yaml");
  if (R) {
    for (unsigned S = 0; S < R->numStates(); ++S) {
      (void)R->stateName(S);
      (void)R->exitViolation(S);
      for (unsigned E = 0; E < R->numEvents(); ++E) {
        const sdv::Transition &T = R->step(S, E);
        if (T.Violation)
          (void)R->violation(*T.Violation).Message.size();
        if (T.Next && *T.Next >= R->numStates())
          __builtin_trap(); // A transition to a state the rule lacks.
      }
    }
    for (unsigned E = 0; E < R->numEvents(); ++E)
      for (const std::string &F : R->event(E).Functions)
        if (R->eventFor(F) != std::optional<sdv::EventId>(E))
          __builtin_trap(); // A monitored function not found again.
    (void)R->checksExitOf("IRP_MJ_READ");
  } else {
    consumeError(R.takeError());
  }

  Expected<sdv::RoleCatalog> Catalog = sdv::RoleCatalog::parse(Text, "fuzz-roles.yaml");
  if (Catalog)
    (void)Catalog->resolveRole("IRP_MJ_READ");
  else
    consumeError(Catalog.takeError());
  return 0;
}
