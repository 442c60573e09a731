//===- TextWriter.cpp - Compiler-style diagnostics ------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Writers.h"

#include "sdv/IR/SourceFiles.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace sdv {

namespace {

std::string plural(unsigned N, StringRef Noun) {
  return std::to_string(N) + " " + Noun.str() + (N == 1 ? "" : "s");
}

class TextPrinter {
public:
  TextPrinter(const WriterOptions &Options, raw_ostream &OS)
      : Options(Options), Sources(Options.SourceRoot), OS(OS) {
    OS.enable_colors(Options.Color);
  }

  void finding(const Finding &F);
  void verdict(const RuleVerdict &V);

private:
  /// `file:line:col: error: message` (or `note:`), coloured as clang does.
  void diagnostic(const SourceLoc &L, bool Error, const Twine &Message);
  /// The source line of \p L and a caret under its column.
  void excerpt(const SourceLoc &L);

  const WriterOptions &Options;
  SourceFiles Sources;
  raw_ostream &OS;
};

void TextPrinter::diagnostic(const SourceLoc &L, bool Error, const Twine &Message) {
  OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << L.str() << ": ";
  if (Error)
    OS.changeColor(raw_ostream::RED, /*Bold=*/true) << "error: ";
  else
    OS.changeColor(raw_ostream::BLACK, /*Bold=*/true) << "note: ";
  OS.resetColor();
  if (Error)
    OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << Message;
  OS.resetColor();
  OS << "\n";
}

void TextPrinter::excerpt(const SourceLoc &L) {
  if (!Options.ShowSource || !L.known())
    return;
  std::optional<StringRef> Line = Sources.line(L);
  if (!Line)
    return;
  OS << *Line << "\n";
  // Under the column, or the line's first non-blank character when the
  // column is unknown; tabs are kept so that the caret lines up.
  size_t Col = L.Column ? L.Column - 1 : Line->find_first_not_of(" \t");
  if (Col == StringRef::npos || Col > Line->size())
    Col = 0;
  std::string Pad;
  for (char C : Line->take_front(Col))
    Pad += C == '\t' ? '\t' : ' ';
  OS << Pad;
  OS.changeColor(raw_ostream::GREEN, /*Bold=*/true) << "^";
  OS.resetColor();
  OS << "\n";
}

void TextPrinter::finding(const Finding &F) {
  if (F.Suppressed) {
    OS << F.Loc.str() << ": remark: [" << F.RuleId << "] suppressed at "
       << F.Suppressed->Where << " (" << F.Suppressed->Justification
       << "): " << F.Message << "\n";
    return;
  }
  diagnostic(F.Loc, /*Error=*/true, "[" + F.RuleId + "] " + F.Message);
  if (Options.Brief)
    return;
  excerpt(F.Loc);
  for (const TraceEntry &Step : F.Trace) {
    diagnostic(Step.Loc, /*Error=*/false, Step.Message);
    excerpt(Step.Loc);
  }
  for (const TraceEntry &Exit : F.OtherExits) {
    diagnostic(Exit.Loc, /*Error=*/false, Exit.Message);
    excerpt(Exit.Loc);
  }
}

void TextPrinter::verdict(const RuleVerdict &V) {
  OS << V.RuleId << ": " << verdictName(V.Result);
  if (!V.Reason.empty())
    OS << " (" << V.Reason << ")\n";
  else
    OS << " (" << plural(V.Defects, "defect") << ", "
       << plural(V.EntryRoutines, "entry routine") << ")\n";
}

} // namespace

void TextWriter::write(const CheckReport &Report, raw_ostream &OS) {
  TextPrinter P(Options, OS);
  unsigned Suppressed = 0, New = 0, Unchanged = 0;
  for (const Finding &F : Report.Findings) {
    if (F.Suppressed)
      ++Suppressed;
    else if (F.BaselineState == "new")
      ++New;
    else if (F.BaselineState == "unchanged")
      ++Unchanged;
    if (!F.Suppressed || (Options.ShowSuppressed && !Options.Brief))
      P.finding(F);
  }
  if (Options.Brief)
    return;
  // Rules that do not apply for the same reason share one line, after the
  // verdicts of those that do.
  std::vector<std::pair<std::string, std::vector<const RuleVerdict *>>> NotApplicable;
  for (const RuleVerdict &V : Report.Verdicts) {
    if (V.Result != Verdict::NotApplicable) {
      P.verdict(V);
      continue;
    }
    auto It = find_if(NotApplicable, [&](const auto &G) { return G.first == V.Reason; });
    if (It == NotApplicable.end())
      NotApplicable.push_back({V.Reason, {&V}});
    else
      It->second.push_back(&V);
  }
  for (const auto &[Reason, Group] : NotApplicable) {
    if (Group.size() == 1) {
      P.verdict(*Group.front());
      continue;
    }
    for (const RuleVerdict *V : Group)
      OS << V->RuleId << (V == Group.back() ? ": " : ", ");
    OS << verdictName(Verdict::NotApplicable) << " (" << Reason << ")\n";
  }
  if (Suppressed)
    OS << plural(Suppressed, "defect") << " suppressed"
       << (Options.ShowSuppressed ? "" : " (-v lists them)") << "\n";
  if (Report.HasBaseline)
    OS << "baseline: " << New << " new, " << Unchanged << " unchanged, "
       << Report.Absent.size() << " absent\n";
}

} // namespace sdv
