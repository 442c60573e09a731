//===- TextWriter.cpp - Compiler-style diagnostics ------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Writers.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace sdv {

static std::string plural(unsigned N, StringRef Noun) {
  return std::to_string(N) + " " + Noun.str() + (N == 1 ? "" : "s");
}

void TextWriter::write(const CheckReport &Report, raw_ostream &OS) {
  for (const Finding &F : Report.Findings) {
    OS << F.Loc.str() << ": error: [" << F.RuleId << "] " << F.Message << "\n";
    for (const TraceEntry &Step : F.Trace)
      OS << Step.Loc.str() << ": note: " << Step.Message << "\n";
  }
  for (const RuleVerdict &V : Report.Verdicts) {
    OS << V.RuleId << ": " << verdictName(V.Result);
    if (!V.Reason.empty())
      OS << " (" << V.Reason << ")\n";
    else
      OS << " (" << plural(V.Defects, "defect") << ", "
         << plural(V.EntryRoutines, "entry routine") << ")\n";
  }
}

} // namespace sdv
