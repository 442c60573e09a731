//===- Check.cpp - The verifier as a library call -------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Driver/Check.h"

#include "Decisions.h"
#include "sdv/Analysis/EventMatcher.h"
#include "sdv/Driver/Stats.h"
#include "sdv/IR/Loader.h"
#include "sdv/IR/SourceFiles.h"
#include "sdv/IR/SourceLocation.h"
#include "sdv/Roles/Roles.h"
#include "sdv/Roles/Sequences.h"
#include "sdv/Rule/Rule.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <spdlog/spdlog.h>

using namespace llvm;

namespace sdv {

StringRef toolVersion() { return SDV_VERSION; }

namespace {

struct PreparedDriver {
  std::unique_ptr<LLVMContext> Ctx;
  std::unique_ptr<Module> M;
  RoleDiscovery Roles;
  std::vector<std::string> Warnings;
  std::vector<std::string> SourcesRead;
};

} // namespace

std::string roleMapFile(const RoleOptions &Options) {
  if (!Options.MapFile.empty() || !Options.AutoMap || Options.Inputs.empty())
    return Options.MapFile;
  // The reference tool keeps sdv-map.h beside the driver's sources; here it
  // is looked for beside the driver's (first) bitcode.
  SmallString<256> Beside(sys::path::parent_path(Options.Inputs.front()));
  sys::path::append(Beside, "sdv-map.h");
  return sys::fs::is_regular_file(Beside) ? std::string(Beside) : std::string();
}

namespace {

Expected<std::vector<DeclaredEntry>> declaredEntries(const RoleOptions &Options,
                                                     const RoleCatalog &Catalog) {
  std::vector<DeclaredEntry> Declared;
  for (const std::string &Spec : Options.Entries) {
    auto [Function, Role] = StringRef(Spec).split('=');
    Function = Function.trim();
    Role = Role.trim();
    if (Function.empty() || Role.empty() || !StringRef(Spec).contains('='))
      return createStringError(inconvertibleErrorCode(),
                               "invalid --entry '" + Spec +
                                   "': expected FUNCTION=ROLE");
    Declared.push_back({Function.str(), Role.str(), "--entry " + Spec, true});
  }
  for (const std::string &File : Options.ExportFiles) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
        MemoryBuffer::getFile(File, /*IsText=*/true);
    if (!Buffer)
      return createStringError(Buffer.getError(), "cannot read export list '" + File +
                                                      "': " + Buffer.getError().message());
    if (Catalog.exportedRole().empty())
      return createStringError(inconvertibleErrorCode(),
                               "--exports: the roles catalogue gives exported "
                               "functions no role (exported-role)");
    append_range(Declared,
                 parseExports((*Buffer)->getBuffer(), File, Catalog.exportedRole()));
  }
  std::string MapFile = roleMapFile(Options);
  if (!Options.MapFile.empty())
    spdlog::info("role map: '{}' (--map)", MapFile);
  else if (!MapFile.empty())
    spdlog::info("role map: '{}', found next to the first input "
                 "(--no-auto-map ignores it)",
                 MapFile);
  if (!MapFile.empty()) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
        MemoryBuffer::getFile(MapFile, /*IsText=*/true);
    if (!Buffer)
      return createStringError(Buffer.getError(),
                               "cannot read role map '" + MapFile +
                                   "': " + Buffer.getError().message());
    Expected<std::vector<DeclaredEntry>> FromMap =
        parseSdvMap((*Buffer)->getBuffer(), MapFile, Catalog);
    if (!FromMap)
      return FromMap.takeError();
    append_range(Declared, *FromMap);
  }
  return Declared;
}

/// Loads, canonicalises and finds the entry routines of one driver; \p Rules
/// are the rules it will be checked for (none to list roles).
Expected<PreparedDriver> prepare(const RoleOptions &Options,
                                 const RoleCatalog &Catalog, RunStats *Stats,
                                 ArrayRef<Rule> Rules = {}) {
  PreparedDriver D;
  D.Ctx = std::make_unique<LLVMContext>();
  {
    StageTimer T("load", Stats);
    Expected<LoadedModule> Loaded =
        Options.InputBuffers.empty() ? loadModule(Options.Inputs, *D.Ctx)
                                     : loadModuleFromMemory(Options.InputBuffers, *D.Ctx);
    if (!Loaded)
      return Loaded.takeError();
    D.M = std::move(Loaded->M);
    D.Warnings = std::move(Loaded->Warnings);
  }
  unsigned Functions = 0;
  uint64_t Instructions = 0;
  for (const Function &F : *D.M)
    if (!F.isDeclaration()) {
      ++Functions;
      Instructions += F.getInstructionCount();
    }
  if (Stats) {
    Stats->Functions += Functions;
    Stats->Instructions += Instructions;
  }
  spdlog::info("{} input(s): {} functions, {} IR instructions", Options.Inputs.size(),
               Functions, Instructions);
  if (D.M->debug_compile_units().empty())
    D.Warnings.push_back("the input has no debug info; locations fall back to "
                         "function names (compile with -g)");
  // Before canonicalisation, which then treats the sequences' routines as
  // the driver's own.
  std::vector<SequenceEntry> Sequences = addSequenceEntries(*D.M, Catalog, D.Warnings);
  {
    StageTimer T("canonicalise", Stats);
    std::vector<const Rule *> RulePtrs;
    for (const Rule &R : Rules)
      RulePtrs.push_back(&R);
    EventMatcher Matcher(RulePtrs);
    auto IsMonitored = [&](const CallBase &CB) { return !Matcher.match(CB).empty(); };
    auto KnownEffects = [&](const CallBase &CB) {
      return knownEffects(CB, Matcher, RulePtrs);
    };
    auto MayChange = [&](const Function &F) {
      return mayChangeState(F, Matcher, RulePtrs);
    };
    auto ReadOnly = [&](StringRef Callee, unsigned Arg) {
      return Catalog.readOnlyArg(Callee, Arg);
    };
    MonitoredCalls Calls{IsMonitored, KnownEffects, MayChange, ReadOnly};
    canonicalize(*D.M, &Calls, &D.SourcesRead);
  }
  if (!Options.DumpCanonicalIR.empty()) {
    std::error_code EC;
    raw_fd_ostream OS(Options.DumpCanonicalIR, EC, sys::fs::OF_Text);
    if (EC)
      return createStringError(EC, "cannot write '" + Options.DumpCanonicalIR +
                                       "': " + EC.message());
    D.M->print(OS, nullptr);
  }
  Expected<std::vector<DeclaredEntry>> Declared = declaredEntries(Options, Catalog);
  if (!Declared)
    return Declared.takeError();
  StageTimer T("roles", Stats);
  // What the driver's configuration says of the rules' conditions.
  std::vector<FieldStoreQuestion> Questions;
  for (const Rule &R : Rules)
    for (const DriverCondition &C : R.conditions())
      Questions.push_back({C.Struct, C.Field, C.Value});
  Expected<RoleDiscovery> Roles =
      findEntryRoutines(*D.M, Catalog, *Declared, Questions, Sequences);
  if (!Roles)
    return Roles.takeError();
  D.Roles = std::move(*Roles);
  append_range(D.Warnings, D.Roles.Warnings);
  spdlog::info("{} entry routine(s) found", D.Roles.Entries.size());
  for (const EntryRoutine &E : D.Roles.Entries)
    for (const RoleEvidence &Ev : E.Evidence)
      spdlog::debug("entry routine {} ({}): {}", sourceName(*E.F), Ev.Role, Ev.How);
  return std::move(D);
}

std::vector<EntryInfo> describeEntries(const RoleDiscovery &Roles) {
  std::vector<EntryInfo> Out;
  for (const EntryRoutine &E : Roles.Entries) {
    EntryInfo Info;
    Info.Function = sourceName(*E.F);
    Info.Loc = locationOf(*E.F);
    for (const RoleEvidence &Ev : E.Evidence)
      Info.Roles.push_back({Ev.Role, Ev.How});
    Out.push_back(std::move(Info));
  }
  return Out;
}

Expected<std::vector<Rule>> selectRules(const CheckOptions &Options) {
  Expected<std::vector<Rule>> Rules = builtinRules();
  if (!Rules)
    return Rules.takeError();
  for (const std::string &Path : Options.RuleFiles) {
    Expected<Rule> Loaded = loadRuleFile(Path);
    if (!Loaded)
      return Loaded.takeError();
    auto Same = find_if(*Rules, [&](const Rule &R) { return R.id() == Loaded->id(); });
    if (Same != Rules->end())
      *Same = std::move(*Loaded);
    else
      Rules->push_back(std::move(*Loaded));
  }
  if (Options.Rules.empty())
    return Rules;
  std::vector<Rule> Selected;
  for (const std::string &Id : Options.Rules) {
    auto It = find_if(*Rules, [&](const Rule &R) { return R.id() == Id; });
    if (It == Rules->end()) {
      std::vector<std::string> Known;
      for (const Rule &R : *Rules)
        Known.push_back(R.id().str());
      return createStringError(inconvertibleErrorCode(),
                               "unknown rule '" + Id + "' (available: " +
                                   join(Known, ", ") + ")");
    }
    if (none_of(Selected, [&](const Rule &R) { return R.id() == Id; }))
      Selected.push_back(*It);
  }
  return Selected;
}

RuleInfo ruleInfo(const Rule &R) {
  return {R.id().str(), R.summary().str(), R.description().str(), R.helpUri().str(),
          R.models()};
}

/// \p Template with the defect's names; `{function}` is \p Function.
std::string substitute(StringRef Template, const Defect &D, StringRef Function) {
  std::string Out = Template.str();
  auto Replace = [&](StringRef Key, StringRef Value) {
    for (size_t Pos = Out.find(Key.str()); Pos != std::string::npos;
         Pos = Out.find(Key.str(), Pos + Value.size()))
      Out.replace(Pos, Key.size(), Value.str());
  };
  Replace("{function}", Function);
  Replace("{object}", D.Object);
  Replace("{held}", D.Held);
  Replace("{entry}", sourceName(*D.Entry->F));
  Replace("{role}", D.Entry->role());
  return Out;
}

std::string substitute(StringRef Template, const Defect &D) {
  return substitute(Template, D, D.Function);
}

bool isIdentifierChar(char C) { return isAlnum(C) || C == '_' || C == '@'; }

/// Whether \p Line calls \p Name at \p Column (1-based; 0: anywhere): the
/// name as a whole identifier, followed by `(`.
bool callsAt(StringRef Line, StringRef Name, unsigned Column) {
  for (size_t Pos = Column ? Column - 1 : Line.find(Name); Pos != StringRef::npos;
       Pos = Column ? StringRef::npos : Line.find(Name, Pos + 1)) {
    if (Pos > Line.size() || !Line.drop_front(Pos).startswith(Name) ||
        (Pos && isIdentifierChar(Line[Pos - 1])))
      continue;
    StringRef After = Line.drop_front(Pos + Name.size());
    if (After.ltrim().startswith("("))
      return true;
  }
  return false;
}

/// \p Function as the driver's source writes it at \p Loc, when that is
/// another of the functions of the same event (a macro's expansion:
/// KeAcquireSpinLock is KeAcquireSpinLockRaiseToDpc on x64,
/// @KfAcquireSpinLock@4 on x86): `WRITTEN (FUNCTION)`. Else \p Function.
std::string asWritten(StringRef Function, const Rule &R, const SourceLoc &Loc,
                      SourceFiles &Sources) {
  std::optional<EventId> E = R.eventFor(Function);
  std::optional<StringRef> Line = Loc.known() ? Sources.line(Loc) : std::nullopt;
  if (!E || !Line || callsAt(*Line, Function, Loc.Column))
    return Function.str();
  for (const std::string &Other : R.event(*E).Functions)
    if (Other != Function && callsAt(*Line, Other, Loc.Column))
      return Other + " (" + Function.str() + ")";
  return Function.str();
}

/// A call the optimiser (or canonicalize, for a lock helper) inlined: where
/// it is called, and the function called.
struct InlinedCall {
  const DILocation *Site = nullptr;
  const DISubprogram *Callee = nullptr;
  bool operator==(const InlinedCall &O) const {
    return Site == O.Site && Callee == O.Callee;
  }
};

/// The inlined calls \p I sits in, outermost first (from its debug
/// location's inlinedAt chain), up to an API wrapper's body: a monitored
/// call in the headers' inline StorPortAcquireSpinLock is that API's call.
std::vector<InlinedCall> inlinedCalls(const Instruction &I,
                                      function_ref<bool(StringRef)> IsApi) {
  std::vector<InlinedCall> Calls;
  for (const DILocation *DL = I.getDebugLoc().get(); DL && DL->getInlinedAt();
       DL = DL->getInlinedAt())
    Calls.push_back({DL->getInlinedAt(), DL->getScope()->getSubprogram()});
  std::reverse(Calls.begin(), Calls.end());
  Calls.erase(find_if(Calls,
                      [&](const InlinedCall &C) {
                        return !C.Callee || IsApi(C.Callee->getName());
                      }),
              Calls.end());
  return Calls;
}

Finding describeDefect(const Defect &D, const Rule &R, SourceFiles &Sources) {
  Finding F;
  F.RuleId = R.id().str();
  const RuleViolation &V = R.violation(D.Violation);
  F.Violation = V.Id;
  // Events inside an API's inlined wrapper are where the driver called it.
  auto IsApi = [&](StringRef Name) { return R.eventFor(Name).has_value(); };
  F.Loc = callerLocation(*D.Site, IsApi);
  F.Message = substitute(V.Message, D, asWritten(D.Function, R, F.Loc, Sources));
  F.EntryRoutine = sourceName(*D.Entry->F);
  F.Role = D.Entry->role().str();
  F.Object = D.Object;
  F.Function = D.Function;
  F.AtExit = D.AtExit;
  unsigned Depth = 0;
  // Inlined calls are steps as real ones are: per real call depth, the
  // inlined calls the trace is in; a step in other ones returns from those
  // it left and calls those it entered, at their call sites.
  std::vector<std::vector<InlinedCall>> Inlined(1);
  auto Reach = [&](ArrayRef<InlinedCall> Now) {
    std::vector<InlinedCall> &Open = Inlined.back();
    size_t Common = 0;
    while (Common < Open.size() && Common < Now.size() && Open[Common] == Now[Common])
      ++Common;
    for (; Open.size() > Common; Open.pop_back()) {
      Depth = Depth ? Depth - 1 : 0;
      TraceEntry E;
      E.Kind = "return";
      E.Loc = locationOf(*Open.back().Site);
      E.Message = "returns from '" + Open.back().Callee->getName().str() + "' (inlined)";
      E.Depth = Depth;
      F.Trace.push_back(std::move(E));
    }
    for (const InlinedCall &Call : Now.drop_front(Common)) {
      TraceEntry E;
      E.Kind = "call";
      E.Loc = locationOf(*Call.Site);
      E.Message = "calls '" + Call.Callee->getName().str() + "' (inlined)";
      E.Depth = Depth++;
      F.Trace.push_back(std::move(E));
      Open.push_back(Call);
    }
  };
  auto ReachStep = [&](const Instruction &I) { Reach(inlinedCalls(I, IsApi)); };
  std::vector<Decision> Decisions = findDecisions(D.Trace);
  auto NextDecision = Decisions.begin();
  for (size_t I = 0; I < D.Trace.size(); ++I) {
    for (; NextDecision != Decisions.end() && NextDecision->Before == I; ++NextDecision) {
      ReachStep(*NextDecision->Branch);
      TraceEntry E;
      E.Kind = "branch";
      E.Loc = locationOf(*NextDecision->Branch);
      E.Message = describeDecision(*NextDecision, Sources);
      E.TakesTrue = sourceTakesTrue(*NextDecision, Sources);
      E.Depth = Depth;
      F.Trace.push_back(std::move(E));
    }
    const TraceStep &S = D.Trace[I];
    if (S.Kind == StepKind::Return) {
      // Out of the callee's inlined calls, and back in the caller's.
      Reach({});
      if (Inlined.size() > 1)
        Inlined.pop_back();
    }
    if (S.Inst)
      ReachStep(*S.Inst);
    TraceEntry E;
    switch (S.Kind) {
    case StepKind::Entry:
      E.Kind = "entry";
      E.Loc = locationOf(*S.Callee);
      E.Message = "entry routine '" + sourceName(*S.Callee) + "' (" +
                  D.Entry->role().str() + ") starts here";
      break;
    case StepKind::Call:
      E.Kind = "call";
      E.Loc = locationOf(*S.Inst);
      E.Message = "calls '" + sourceName(*S.Callee) + "'";
      break;
    case StepKind::Return:
      Depth = Depth ? Depth - 1 : 0;
      E.Kind = "return";
      E.Loc = locationOf(*S.Inst);
      E.Message = "returns from '" + sourceName(*S.Callee) + "'";
      break;
    case StepKind::Event:
      E.Kind = R.event(S.Event).Name;
      E.Loc = callerLocation(*S.Inst, IsApi);
      E.Message = substitute(R.event(S.Event).TraceText, D);
      break;
    case StepKind::Violation:
      E.Kind = "violation";
      E.Loc = callerLocation(*S.Inst, IsApi);
      if (!D.Function.empty())
        E.Event = R.event(S.Event).Name;
      E.Message = substitute(V.TraceText, D);
      break;
    }
    E.Depth = Depth;
    if (S.Kind == StepKind::Event)
      F.Related = E;
    F.Trace.push_back(std::move(E));
    if (S.Kind == StepKind::Call) {
      ++Depth;
      Inlined.emplace_back();
    }
  }
  for (const Defect::OtherExit &Exit : D.OtherExits) {
    Defect Other;
    Other.Entry = D.Entry;
    Other.Object = Exit.Object;
    TraceEntry E;
    E.Kind = "exit";
    E.Loc = locationOf(*Exit.Site);
    E.Message = "also: " + substitute(V.TraceText, Other);
    F.OtherExits.push_back(std::move(E));
  }
  return F;
}

} // namespace

Expected<std::vector<EntryInfo>> runRoles(const RoleOptions &Options,
                                          std::vector<std::string> &Warnings) {
  Expected<RoleCatalog> Catalog = RoleCatalog::builtin(Options.RolesFiles);
  if (!Catalog)
    return Catalog.takeError();
  Expected<PreparedDriver> D = prepare(Options, *Catalog, /*Stats=*/nullptr);
  if (!D)
    return D.takeError();
  append_range(Warnings, D->Warnings);
  return describeEntries(D->Roles);
}

Expected<CheckReport> runCheck(const CheckOptions &Options, RunStats *Stats) {
  Expected<RoleCatalog> Catalog = RoleCatalog::builtin(Options.Roles.RolesFiles);
  if (!Catalog)
    return Catalog.takeError();
  Expected<std::vector<Rule>> Rules = selectRules(Options);
  if (!Rules)
    return Rules.takeError();
  Expected<PreparedDriver> D = prepare(Options.Roles, *Catalog, Stats, *Rules);
  if (!D)
    return D.takeError();

  // Every rule in one pass over the driver.
  std::vector<RuleToCheck> ToCheck;
  ArrayRef<std::optional<bool>> Answers = D->Roles.FieldStores;
  for (const Rule &R : *Rules) {
    ToCheck.push_back({&R, Answers.take_front(R.conditions().size()).vec()});
    Answers = Answers.drop_front(R.conditions().size());
    for (auto [C, A] : zip(R.conditions(), ToCheck.back().Conditions))
      spdlog::debug("{}: condition '{}' is {}", R.id(), C.Name,
                    A ? (*A ? "true" : "false") : "unknown");
  }
  std::vector<RuleResult> Results;
  {
    StageTimer T("analysis", Stats);
    Results = checkRules(*D->M, ToCheck, D->Roles.Entries, Options.Engine);
  }
  if (!Results.empty()) {
    const EngineStats &S = Results.front().Stats;
    if (Stats)
      Stats->Engine = S;
    spdlog::info("{} functions analysed ({} rounds), {} path states, {} "
                 "objects, {} joins, {} indirect calls not followed",
                 S.FunctionsAnalysed, S.SccIterations, S.StatesProcessed,
                 S.Objects, S.Joins, S.IndirectCalls);
  }
  for (auto [R, Result] : zip(*Rules, Results)) {
    if (Stats)
      Stats->Rules.push_back({R.id().str(), unsigned(Result.Defects.size())});
    if (Result.Applicable)
      spdlog::info("{}: {} defect(s) from {} entry routine(s)", R.id(),
                   Result.Defects.size(), Result.EntriesAnalysed);
    else
      spdlog::info("{}: the driver calls none of its functions", R.id());
  }

  StageTimer T("report", Stats);
  CheckReport Report;
  SourceFiles Sources(Options.SourceRoot);
  Report.ToolVersion = toolVersion().str();
  Report.Inputs = Options.Roles.Inputs;
  Report.Entries = describeEntries(D->Roles);
  Report.Warnings = D->Warnings;
  Report.SourceFiles = D->SourcesRead;
  for (auto [R, Result] : zip(*Rules, Results)) {
    Report.Rules.push_back(ruleInfo(R));
    RuleVerdict V;
    V.RuleId = R.id().str();
    V.EntryRoutines = Result.EntriesAnalysed;
    V.Defects = Result.Defects.size();
    // A rule the driver never calls does not apply, whether or not the one
    // pass over the driver stopped at a budget.
    if (D->Roles.Entries.empty()) {
      V.Result = Verdict::NotApplicable;
      V.Reason = "no entry routine found";
    } else if (!Result.Applicable) {
      V.Result = Verdict::NotApplicable;
      V.Reason = "no monitored function is called";
    } else if (Result.Result != Outcome::Complete) {
      V.Result = Result.Result == Outcome::Timeout ? Verdict::Timeout : Verdict::Spaceout;
      V.Reason = "analysis stopped: " + Result.BudgetReason;
    } else {
      V.Result = V.Defects ? Verdict::Defect : Verdict::Pass;
    }
    Report.Verdicts.push_back(std::move(V));
    for (const Defect &Def : Result.Defects)
      Report.Findings.push_back(describeDefect(Def, R, Sources));
  }
  llvm::stable_sort(Report.Findings, [](const Finding &A, const Finding &B) {
    if (!(A.Loc == B.Loc))
      return A.Loc < B.Loc;
    return std::tie(A.RuleId, A.Violation) < std::tie(B.RuleId, B.Violation);
  });
  fingerprintFindings(Report.Findings, Sources);
  // Fingerprints and branch conditions quote the sources too: a cached
  // report is valid only while they are unchanged.
  for (std::string &Path : Sources.paths())
    Report.SourceFiles.push_back(std::move(Path));
  llvm::sort(Report.SourceFiles);
  Report.SourceFiles.erase(std::unique(Report.SourceFiles.begin(), Report.SourceFiles.end()),
                           Report.SourceFiles.end());
  makeValidUTF8(Report);
  if (!Options.FreeModule) {
    // Deliberately leaked: the caller exits without needing the memory back.
    (void)D->M.release();
    (void)D->Ctx.release();
  }
  return Report;
}

Error checkRuleOptions(const CheckOptions &Options) {
  return selectRules(Options).takeError();
}

Expected<RoleMap> runScan(const std::vector<std::string> &Sources,
                          std::vector<std::string> &Warnings) {
  Expected<RoleCatalog> Catalog = RoleCatalog::builtin();
  if (!Catalog)
    return Catalog.takeError();
  std::vector<RoleDeclaration> Declarations;
  for (const std::string &Source : Sources) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
        MemoryBuffer::getFile(Source, /*IsText=*/true);
    if (!Buffer)
      return createStringError(Buffer.getError(), "cannot read '" + Source +
                                                      "': " +
                                                      Buffer.getError().message());
    scanRoleDeclarations((*Buffer)->getBuffer(), Source, *Catalog, Declarations,
                         Warnings);
  }
  RoleMap Map = buildRoleMap(Declarations, Sources, *Catalog, Warnings);
  if (Map.Lines.empty())
    Warnings.push_back("no role-type declarations found (e.g. 'DRIVER_DISPATCH "
                       "MyRead;'); the map is empty");
  return Map;
}

Expected<std::vector<RuleInfo>> listRules(const std::vector<std::string> &RuleFiles) {
  CheckOptions Options;
  Options.RuleFiles = RuleFiles;
  Expected<std::vector<Rule>> Rules = selectRules(Options);
  if (!Rules)
    return Rules.takeError();
  std::vector<RuleInfo> Out;
  for (const Rule &R : *Rules)
    Out.push_back(ruleInfo(R));
  return Out;
}

std::optional<std::string> installedRuleFilesDir() {
  static int Anchor;
  std::string Exe = sys::fs::getMainExecutable(nullptr, &Anchor);
  if (Exe.empty())
    return std::nullopt;
  // SDV_RULES_FROM_BIN is the install layout's path from the executable's
  // directory to the rule files (the build tree has the same layout).
  SmallString<256> Dir(sys::path::parent_path(Exe));
  sys::path::append(Dir, SDV_RULES_FROM_BIN);
  SmallString<256> Real;
  if (sys::fs::real_path(Dir, Real) || !sys::fs::is_directory(Real))
    return std::nullopt;
  return std::string(Real);
}

} // namespace sdv
