//===- HtmlWriter.cpp - A static HTML defect viewer -----------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// index.html lists the inputs, the verdicts and the defects; defect-N.html
// shows defect N's trace beside the source files it passes through, with
// the trace's lines highlighted. Everything (styles, a few lines of script,
// the sources) is inside the pages: they open from disk with no network.
//
//===----------------------------------------------------------------------===//

#include "sdv/Report/Report.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;

namespace sdv {

namespace {

std::string escape(StringRef S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

constexpr const char *Style = R"(
body { font-family: sans-serif; margin: 1em; color: #222; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
.suppressed { color: #888; }
.main { display: flex; gap: 1em; align-items: flex-start; }
.trace { flex: 0 0 36%; position: sticky; top: 0; max-height: 95vh; overflow: auto; }
.trace ol { padding-left: 1.5em; }
.trace li { margin: 0.2em 0; }
.trace a { cursor: pointer; color: #0645ad; text-decoration: none; }
.trace li.current { background: #ffe58f; }
.kind { font-size: 80%; color: #666; }
.sources { flex: 1; min-width: 0; }
pre { background: #f6f8fa; padding: 0.5em 0; overflow-x: auto; }
.line { display: block; padding: 0 0.5em; }
.ln { display: inline-block; width: 4em; color: #999; user-select: none; }
.hl { background: #fff3c4; }
.current { background: #ffd666; outline: 1px solid #d48806; }
)";

constexpr const char *Script = R"(
function show(step) {
  document.querySelectorAll('.current').forEach(function (e) { e.classList.remove('current'); });
  var item = document.getElementById('step-' + step);
  item.classList.add('current');
  var line = document.getElementById(item.dataset.line);
  if (line) {
    line.classList.add('current');
    line.scrollIntoView({block: 'center'});
  }
}
document.querySelectorAll('.trace li').forEach(function (li) {
  li.querySelector('a').addEventListener('click', function (ev) {
    ev.preventDefault();
    show(li.dataset.step);
  });
});
// The step named by the address (defect-1.html#step-3), else the violation.
var steps = document.querySelectorAll('.trace ol.steps li');
var wanted = /^#step-([0-9]+)$/.exec(location.hash);
if (wanted && document.getElementById('step-' + wanted[1])) show(wanted[1]);
else if (steps.length) show(steps[steps.length - 1].dataset.step);
)";

void pageStart(raw_ostream &OS, StringRef Title) {
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
     << "<title>" << escape(Title) << "</title>\n<style>" << Style << "</style>\n"
     << "</head>\n<body>\n";
}

std::string defectPage(size_t I) { return "defect-" + std::to_string(I + 1) + ".html"; }

std::string status(const Finding &F) {
  std::string S;
  if (F.Suppressed)
    S = "suppressed: " + F.Suppressed->Justification;
  if (!F.BaselineState.empty())
    S += (S.empty() ? "" : "; ") + F.BaselineState;
  return S;
}

void writeIndex(const CheckReport &Report, raw_ostream &OS) {
  pageStart(OS, "sdv-lite report");
  OS << "<h1>sdv-lite report</h1>\n<h2>Inputs</h2>\n<ul>\n";
  for (const std::string &In : Report.Inputs)
    OS << "<li>" << escape(In) << "</li>\n";
  OS << "</ul>\n<h2>Verdicts</h2>\n<table>\n<tr><th>Rule</th><th>Verdict</th>"
     << "<th>Defects</th><th>Entry routines</th></tr>\n";
  for (const RuleVerdict &V : Report.Verdicts)
    OS << "<tr><td>" << escape(V.RuleId) << "</td><td>" << escape(verdictName(V.Result))
       << (V.Reason.empty() ? "" : " (" + escape(V.Reason) + ")") << "</td><td>"
       << V.Defects << "</td><td>" << V.EntryRoutines << "</td></tr>\n";
  OS << "</table>\n<h2>Defects</h2>\n";
  if (Report.Findings.empty())
    OS << "<p>No defect.</p>\n";
  else
    OS << "<table id=\"defects\">\n<tr><th>#</th><th>Rule</th><th>Message</th>"
       << "<th>Location</th><th>Entry routine</th><th>Status</th></tr>\n";
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    OS << "<tr" << (F.Suppressed ? " class=\"suppressed\"" : "") << "><td>" << I + 1
       << "</td><td>" << escape(F.RuleId) << "</td><td><a href=\"" << defectPage(I)
       << "\">" << escape(F.Message) << "</a></td><td>" << escape(F.Loc.str())
       << "</td><td>" << escape(F.EntryRoutine) << " (" << escape(F.Role)
       << ")</td><td>" << escape(status(F)) << "</td></tr>\n";
  }
  if (!Report.Findings.empty())
    OS << "</table>\n";
  if (!Report.Absent.empty()) {
    OS << "<h2>Fixed since the baseline</h2>\n<ul>\n";
    for (const AbsentFinding &A : Report.Absent)
      OS << "<li>" << escape(A.RuleId) << ": " << escape(A.Message) << " ("
         << escape(A.Uri) << ":" << A.Line << ")</li>\n";
    OS << "</ul>\n";
  }
  OS << "</body>\n</html>\n";
}

/// Writes defect \p I's page: the trace, and each file it passes through
/// with the trace's lines highlighted.
void writeDefect(const Finding &F, size_t I, SourceFiles &Sources, raw_ostream &OS) {
  pageStart(OS, "Defect " + std::to_string(I + 1) + ": " + F.Message);
  OS << "<p><a href=\"index.html\">All defects</a></p>\n"
     << "<h1 id=\"message\">" << escape(F.Message) << "</h1>\n<p>Rule <b>"
     << escape(F.RuleId) << "</b> (" << escape(F.Violation) << ") at "
     << escape(F.Loc.str()) << ", from entry routine <b>" << escape(F.EntryRoutine)
     << "</b> (" << escape(F.Role) << "), lock <code>" << escape(F.Object)
     << "</code>";
  if (!status(F).empty())
    OS << "; " << escape(status(F));
  OS << "</p>\n";

  // Files in order of first appearance in the trace, with their lines.
  std::vector<SourceLoc> Files;
  std::map<std::string, std::map<unsigned, unsigned>> Marked; // file -> line -> step
  auto FileId = [&](const SourceLoc &L) -> size_t {
    for (size_t K = 0; K < Files.size(); ++K)
      if (Files[K].absolutePath() == L.absolutePath())
        return K;
    Files.push_back(L);
    return Files.size() - 1;
  };
  auto Item = [&](size_t S, const TraceEntry &E) {
    std::string Target;
    if (E.Loc.known()) {
      size_t K = FileId(E.Loc);
      Target = "f" + std::to_string(K) + "-" + std::to_string(E.Loc.Line);
      Marked[E.Loc.absolutePath()].try_emplace(E.Loc.Line, S);
    }
    OS << "<li id=\"step-" << S << "\" data-step=\"" << S << "\" data-line=\"" << Target
       << "\" style=\"margin-left:" << E.Depth << "em\"><a href=\"#step-" << S << "\">"
       << escape(E.Loc.str()) << "</a> <span class=\"kind\">" << escape(E.Kind)
       << "</span><br>" << escape(E.Message) << "</li>\n";
  };
  OS << "<div class=\"main\">\n<div class=\"trace\">\n<h2>Trace</h2>\n<ol class=\"steps\">\n";
  for (size_t S = 0; S < F.Trace.size(); ++S)
    Item(S, F.Trace[S]);
  OS << "</ol>\n";
  if (!F.OtherExits.empty()) {
    OS << "<h2>Other returns that leak it</h2>\n<ul>\n";
    for (size_t K = 0; K < F.OtherExits.size(); ++K)
      Item(F.Trace.size() + K, F.OtherExits[K]);
    OS << "</ul>\n";
  }
  OS << "</div>\n<div class=\"sources\">\n";
  for (size_t K = 0; K < Files.size(); ++K) {
    const SourceLoc &L = Files[K];
    OS << "<h2>" << escape(L.File) << "</h2>\n";
    ArrayRef<StringRef> Lines = Sources.lines(L);
    if (Lines.empty()) {
      OS << "<p>The source file " << escape(Sources.resolve(L))
         << " cannot be read (see --source-root).</p>\n";
      continue;
    }
    const std::map<unsigned, unsigned> &Steps = Marked[L.absolutePath()];
    OS << "<pre>";
    for (unsigned N = 1; N <= Lines.size(); ++N) {
      bool Hl = Steps.count(N);
      OS << "<span class=\"line" << (Hl ? " hl" : "") << "\" id=\"f" << K << "-" << N
         << "\"><span class=\"ln\">" << N << "</span>" << escape(Lines[N - 1])
         << "</span>";
    }
    OS << "</pre>\n";
  }
  OS << "</div>\n</div>\n<script>" << Script << "</script>\n</body>\n</html>\n";
}

Error writeFile(StringRef Path, function_ref<void(raw_ostream &)> Write) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return createStringError(EC, "cannot write '" + Path + "': " + EC.message());
  Write(OS);
  OS.close();
  if (OS.has_error())
    return createStringError(OS.error(),
                             "cannot write '" + Path + "': " + OS.error().message());
  return Error::success();
}

} // namespace

Error writeHtmlReport(const CheckReport &Report, const WriterOptions &Options,
                      StringRef Dir) {
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return createStringError(EC, "cannot create '" + Dir + "': " + EC.message());
  SmallString<256> Path(Dir);
  sys::path::append(Path, "index.html");
  if (Error E = writeFile(Path, [&](raw_ostream &OS) { writeIndex(Report, OS); }))
    return E;
  SourceFiles Sources(Options.SourceRoot);
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    Path = Dir;
    sys::path::append(Path, defectPage(I));
    if (Error E = writeFile(Path, [&](raw_ostream &OS) {
          writeDefect(Report.Findings[I], I, Sources, OS);
        }))
      return E;
  }
  return Error::success();
}

} // namespace sdv
