//===- JsonWriter.cpp - The JSON report -----------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// The format is documented in docs/json-format.md; bump FormatVersion on any
// change that is not a pure addition.
//
//===----------------------------------------------------------------------===//

#include "Writers.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace sdv {

static constexpr int FormatVersion = 1;

static void location(json::OStream &J, const SourceLoc &L) {
  J.objectBegin();
  J.attribute("file", L.File);
  J.attribute("path", L.absolutePath());
  J.attribute("line", static_cast<int64_t>(L.Line));
  J.attribute("column", static_cast<int64_t>(L.Column));
  J.attribute("function", L.Function);
  J.objectEnd();
}

static void step(json::OStream &J, const TraceEntry &S) {
  J.objectBegin();
  J.attribute("kind", S.Kind);
  J.attribute("message", S.Message);
  J.attribute("depth", static_cast<int64_t>(S.Depth));
  if (S.Kind == "branch" && S.TakesTrue)
    J.attribute("takesTrue", *S.TakesTrue);
  J.attributeBegin("location");
  location(J, S.Loc);
  J.attributeEnd();
  J.objectEnd();
}

void JsonWriter::write(const CheckReport &Report, raw_ostream &OS) {
  json::OStream J(OS, 2);
  J.objectBegin();
  J.attribute("format", "sdv-lite-report");
  J.attribute("version", FormatVersion);
  J.attributeObject("tool", [&] {
    J.attribute("name", "sdv-lite");
    J.attribute("version", Report.ToolVersion);
  });
  J.attributeArray("inputs", [&] {
    for (const std::string &In : Report.Inputs)
      J.value(In);
  });
  J.attributeArray("verdicts", [&] {
    for (const RuleVerdict &V : Report.Verdicts)
      J.object([&] {
        J.attribute("rule", V.RuleId);
        J.attribute("verdict", verdictName(V.Result));
        J.attribute("defects", static_cast<int64_t>(V.Defects));
        J.attribute("entryRoutines", static_cast<int64_t>(V.EntryRoutines));
        if (!V.Reason.empty())
          J.attribute("reason", V.Reason);
      });
  });
  J.attributeArray("entryRoutines", [&] {
    for (const EntryInfo &E : Report.Entries)
      J.object([&] {
        J.attribute("function", E.Function);
        J.attributeBegin("location");
        location(J, E.Loc);
        J.attributeEnd();
        J.attributeArray("roles", [&] {
          for (const EntryInfo::Role &R : E.Roles)
            J.object([&] {
              J.attribute("role", R.Name);
              J.attribute("evidence", R.Evidence);
            });
        });
      });
  });
  J.attributeArray("defects", [&] {
    for (const Finding &F : Report.Findings)
      J.object([&] {
        J.attribute("rule", F.RuleId);
        J.attribute("violation", F.Violation);
        J.attribute("message", F.Message);
        J.attributeBegin("location");
        location(J, F.Loc);
        J.attributeEnd();
        J.attribute("entryRoutine", F.EntryRoutine);
        J.attribute("role", F.Role);
        J.attribute("lock", F.Object);
        J.attribute("function", F.Function);
        J.attribute("fingerprint", F.Fingerprint);
        if (!F.BaselineState.empty())
          J.attribute("baselineState", F.BaselineState);
        J.attribute("suppressed", F.Suppressed.has_value());
        if (F.Suppressed)
          J.attributeObject("suppression", [&] {
            J.attribute("kind", F.Suppressed->Kind);
            J.attribute("justification", F.Suppressed->Justification);
            J.attribute("where", F.Suppressed->Where);
          });
        if (F.Related) {
          J.attributeBegin("related");
          step(J, *F.Related);
          J.attributeEnd();
        }
        J.attributeArray("trace", [&] {
          for (const TraceEntry &S : F.Trace)
            step(J, S);
        });
        // Every return in the violating state: the one traced (the trace's
        // last step), then the others.
        if (F.AtExit && !F.Trace.empty())
          J.attributeArray("returns", [&] {
            step(J, F.Trace.back());
            for (const TraceEntry &E : F.OtherExits)
              step(J, E);
          });
      });
  });
  if (Report.HasBaseline)
    J.attributeArray("absent", [&] {
      for (const AbsentFinding &A : Report.Absent)
        J.object([&] {
          J.attribute("rule", A.RuleId);
          J.attribute("message", A.Message);
          J.attribute("fingerprint", A.Fingerprint);
          J.attribute("file", A.Uri);
          J.attribute("line", static_cast<int64_t>(A.Line));
        });
    });
  J.attributeArray("warnings", [&] {
    for (const std::string &W : Report.Warnings)
      J.value(W);
  });
  J.objectEnd();
  OS << "\n";
}

} // namespace sdv
