//===- Loader.cpp - Reading a driver's IR ---------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/IR/Loader.h"
#include "sdv/IR/SourceLocation.h"

#include "FieldEffects.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Analysis/BasicAliasAnalysis.h"
#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/Analysis/ScopedNoAliasAA.h"
#include "llvm/Analysis/TypeBasedAliasAnalysis.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/AsmParser/LLParser.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/Analysis/MemorySSA.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/AutoUpgrade.h"
#include "llvm/IR/Dominators.h"
#include "llvm/Analysis/PostDominators.h"
#include "llvm/IR/ModuleSummaryIndex.h"
#include "llvm/Support/ModRef.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/GetElementPtrTypeIterator.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Operator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/IR/PassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Transforms/Scalar/SROA.h"
#include "llvm/Transforms/Scalar/EarlyCSE.h"
#include "llvm/Transforms/Scalar/GVN.h"
#include "llvm/Transforms/Utils/Mem2Reg.h"

#if defined(__SANITIZE_ADDRESS__)
#define SDV_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SDV_LEAK_CHECKED 1
#endif
#endif
#if SDV_LEAK_CHECKED
#include <sanitizer/lsan_interface.h>

/// In sanitizer builds, a failed allocation returns null, as malloc does
/// otherwise: LLVM's bitcode reader asks for gigabytes on some corrupt
/// counts, and the failure is then an input error (see onBadAlloc), not a
/// sanitizer report. One allocation is at most 1 GiB: on a corrupt
/// attribute index the reader grows a vector of billions of entries, and
/// fills it, one doubling at a time; past the cap that fails too, before
/// the process holds tens of gigabytes. (A release build has no such cap.)
extern "C" const char *__asan_default_options() {
  return "allocator_may_return_null=1:max_allocation_size_mb=1024";
}
#endif

#include <cstring>
#include <unistd.h>

#include <map>
#include <tuple>

using namespace llvm;

namespace sdv {

namespace {

Error fileError(StringRef Path, const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "'" + Path + "': " + Message);
}

/// Collects LLVM's diagnostics (from the bitcode reader and the linker)
/// instead of letting the default handler print or exit.
struct DiagnosticCollector {
  std::string Errors;
  std::vector<std::string> Warnings;
  static void handle(const DiagnosticInfo &DI, void *Context) {
    auto *Self = static_cast<DiagnosticCollector *>(Context);
    std::string Text;
    raw_string_ostream OS(Text);
    DiagnosticPrinterRawOStream DP(OS);
    DI.print(DP);
    OS.flush();
    if (DI.getSeverity() == DS_Error) {
      if (!Self->Errors.empty())
        Self->Errors += "; ";
      Self->Errors += Text;
    } else if (DI.getSeverity() == DS_Warning) {
      Self->Warnings.push_back(Text);
    }
  }
};

bool looksLikeBitcode(StringRef Bytes) {
  auto Magic = reinterpret_cast<const unsigned char *>(Bytes.data());
  if (Bytes.size() >= 4 && Magic[0] == 'B' && Magic[1] == 'C' &&
      Magic[2] == 0xC0 && Magic[3] == 0xDE)
    return true;
  // The bitcode wrapper header (0x0B17C0DE, little-endian).
  return Bytes.size() >= 4 && Magic[0] == 0xDE && Magic[1] == 0xC0 &&
         Magic[2] == 0x17 && Magic[3] == 0x0B;
}

/// Whether a lexical block in \p M's debug info is its own ancestor, or a
/// location its own inlined-at. LLVM's verifier walks such chains to their
/// end and never returns on a cycle, which corrupt bitcode can hold.
bool hasDebugInfoCycle(const Module &M) {
  // Chains already walked to their end.
  DenseSet<const Metadata *> Ends;
  auto ChainLoops = [&](const Metadata *Start, auto Next) {
    SmallPtrSet<const Metadata *, 16> Path;
    for (const Metadata *Cur = Start; Cur && !Ends.contains(Cur); Cur = Next(Cur))
      if (!Path.insert(Cur).second)
        return true;
    Ends.insert(Path.begin(), Path.end());
    return false;
  };
  auto ScopeLoops = [&](const Metadata *Scope) {
    return ChainLoops(Scope, [](const Metadata *MD) -> const Metadata * {
      const auto *Block = dyn_cast<DILexicalBlockBase>(MD);
      return Block ? Block->getRawScope() : nullptr;
    });
  };
  // A location: its inlined-at chain, and each location's scope chain.
  auto LocationLoops = [&](const DILocation *Loc) {
    if (ChainLoops(Loc, [](const Metadata *MD) -> const Metadata * {
          return cast<DILocation>(MD)->getRawInlinedAt();
        }))
      return true;
    for (; Loc; Loc = dyn_cast_or_null<DILocation>(Loc->getRawInlinedAt()))
      if (ScopeLoops(Loc->getRawScope()))
        return true;
    return false;
  };

  // Every other node, walked once from the module's roots.
  SmallVector<const MDNode *, 64> Work;
  DenseSet<const MDNode *> Seen;
  auto Add = [&](const Metadata *MD) {
    if (const auto *N = dyn_cast_or_null<MDNode>(MD))
      if (Seen.insert(N).second)
        Work.push_back(N);
  };
  SmallVector<std::pair<unsigned, MDNode *>, 8> Attached;
  for (const NamedMDNode &NMD : M.named_metadata())
    for (const MDNode *N : NMD.operands())
      Add(N);
  for (const GlobalVariable &GV : M.globals()) {
    GV.getAllMetadata(Attached);
    for (auto &[Kind, N] : Attached)
      Add(N);
  }
  for (const Function &F : M) {
    F.getAllMetadata(Attached);
    for (auto &[Kind, N] : Attached)
      Add(N);
    // Instructions' own locations are checked here, without the walk:
    // neighbours mostly share one.
    const DILocation *Last = nullptr;
    for (const Instruction &I : instructions(F)) {
      const DILocation *Loc = I.getDebugLoc().get();
      if (Loc && Loc != Last) {
        if (LocationLoops(Loc))
          return true;
        Last = Loc;
      }
      if (I.hasMetadataOtherThanDebugLoc()) {
        Attached.clear(); // Appended to, unlike getAllMetadata.
        I.getAllMetadataOtherThanDebugLoc(Attached);
        for (auto &[Kind, N] : Attached)
          Add(N);
      }
      if (const auto *Call = dyn_cast<CallBase>(&I))
        for (const Value *Op : Call->args())
          if (const auto *MV = dyn_cast<MetadataAsValue>(Op))
            Add(MV->getMetadata());
    }
  }
  while (!Work.empty()) {
    const MDNode *N = Work.pop_back_val();
    if (isa<DILexicalBlockBase>(N) && ScopeLoops(N))
      return true;
    if (const auto *Loc = dyn_cast<DILocation>(N); Loc && LocationLoops(Loc))
      return true;
    for (const MDOperand &Op : N->operands())
      Add(Op.get());
  }
  return false;
}

/// Verifies \p M, read from \p Path; drops debug info the verifier finds
/// malformed, with a warning.
Error verify(Module &M, StringRef Path, std::vector<std::string> &Warnings) {
  if (hasDebugInfoCycle(M))
    return fileError(Path, "is not valid IR: its debug info holds a scope or "
                           "location that contains itself");
  std::string VerifierText;
  raw_string_ostream VOS(VerifierText);
  bool BrokenDebugInfo = false;
  if (verifyModule(M, &VOS, &BrokenDebugInfo)) {
    StringRef First = StringRef(VOS.str()).split('\n').first;
    return fileError(Path, "is not valid IR: " + First);
  }
  if (BrokenDebugInfo) {
    StripDebugInfo(M);
    Warnings.push_back("'" + Path.str() + "': debug info is malformed and was dropped");
  }
  return Error::success();
}

/// Which LLVM wrote bitcode the reader rejected, when it is newer than the
/// one this tool links: a newer epoch, or a producer string `LLVM<major>...`
/// with a larger major version.
std::optional<std::string> newerProducer(MemoryBufferRef Bytes) {
  Expected<std::string> Producer = getBitcodeProducerString(Bytes);
  if (!Producer) {
    // The reader checks the epoch while it reads the producer.
    std::string Message = toString(Producer.takeError());
    if (StringRef(Message).startswith("Incompatible epoch"))
      return std::string("an LLVM of a newer bitcode epoch");
    return std::nullopt;
  }
  StringRef Version = *Producer;
  unsigned Major = 0;
  if (!Version.consume_front("LLVM") || Version.consumeInteger(10, Major) ||
      Major <= LLVM_VERSION_MAJOR)
    return std::nullopt;
  return "LLVM " + std::to_string(Major) + " (producer '" + *Producer + "')";
}

/// Reads a bitcode input lazily, so that it can be verified before the
/// reader's last step.
Expected<std::unique_ptr<Module>> parseBitcode(std::unique_ptr<MemoryBuffer> Buffer,
                                               StringRef Name, LLVMContext &Ctx,
                                               DiagnosticCollector &Diags,
                                               std::vector<std::string> &Warnings) {
  Diags.Errors.clear();
  // The buffer outlives every use of Bytes: it is this frame's until the
  // module takes it.
  MemoryBufferRef Bytes = Buffer->getMemBufferRef();
  auto Invalid = [&](Error E) {
    std::string Reason = toString(std::move(E));
    if (std::optional<std::string> Newer = newerProducer(Bytes))
      return fileError(Name, "is bitcode from " + *Newer + ", newer than the LLVM " +
                                 Twine(LLVM_VERSION_MAJOR) +
                                 " this tool reads; compile it with clang " +
                                 Twine(LLVM_VERSION_MAJOR) + " (" + Reason + ")");
    return fileError(Name, "invalid or unsupported bitcode (" + Reason +
                               "); it must come from LLVM " +
                               Twine(LLVM_VERSION_MAJOR) + " or older");
  };
  Expected<std::unique_ptr<Module>> M = getLazyBitcodeModule(Bytes, Ctx);
  if (!M)
    return Invalid(M.takeError());
  (*M)->setOwnedMemoryBuffer(std::move(Buffer));
  // Every body and the metadata, but not the final step that upgrades
  // debug info (and with it, verifies the module or aborts).
  if (Error E = (*M)->materializeMetadata())
    return Invalid(std::move(E));
  for (Function &F : **M)
    if (Error E = F.materialize())
      return Invalid(std::move(E));
  if (Error E = verify(**M, Name, Warnings))
    return std::move(E);
  if (Error E = (*M)->materializeAll())
    return Invalid(std::move(E));
  return std::move(*M);
}

/// Reads and verifies one input held in \p Buffer (null-terminated), named
/// \p Name in errors. LLVM's readers verify a module that has current debug
/// info themselves, and abort the process when it is broken; so the module
/// is verified here first, before the reader's last step.
Expected<std::unique_ptr<Module>> parseBuffer(std::unique_ptr<MemoryBuffer> Buffer,
                                              StringRef Name, LLVMContext &Ctx,
                                              DiagnosticCollector &Diags,
                                              std::vector<std::string> &Warnings) {
  StringRef Bytes = Buffer->getBuffer();
  if (Bytes.empty())
    return fileError(Name, "is empty");
  if (looksLikeBitcode(Bytes))
    return parseBitcode(std::move(Buffer), Name, Ctx, Diags, Warnings);

  if (Bytes.find('\0') != StringRef::npos)
    return fileError(Name, "is neither LLVM bitcode nor textual IR");
  // What parseAssemblyFile does, without its last step (upgrading debug
  // info, which verifies the module or aborts).
  SMDiagnostic Err;
  SourceMgr SM;
  SM.AddNewSourceBuffer(std::move(Buffer), SMLoc());
  auto M = std::make_unique<Module>(Name, Ctx);
  if (LLParser(Bytes, SM, Err, M.get(), /*Index=*/nullptr, Ctx)
          .Run(/*UpgradeDebugInfo=*/false))
    return createStringError(inconvertibleErrorCode(),
                             "'" + Name + "':" + Twine(Err.getLineNo()) + ":" +
                                 Twine(Err.getColumnNo() + 1) +
                                 ": not valid textual IR: " + Err.getMessage());
  if (Error E = verify(*M, Name, Warnings))
    return std::move(E);
  // Debug info of an older format is dropped, as the reader would.
  if (getDebugMetadataVersionFromModule(*M) != DEBUG_METADATA_VERSION)
    UpgradeDebugInfo(*M);
  return std::move(M);
}

/// Reads and verifies the file \p Path.
Expected<std::unique_ptr<Module>> parseFile(StringRef Path, LLVMContext &Ctx,
                                            DiagnosticCollector &Diags,
                                            std::vector<std::string> &Warnings) {
  if (sys::fs::is_directory(Path))
    return fileError(Path, "is a directory, not an IR file");
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return fileError(Path, "cannot read: " + Buffer.getError().message());
  return parseBuffer(std::move(*Buffer), Path, Ctx, Diags, Warnings);
}

/// LLVM reports a failed allocation by printing and aborting. A corrupt
/// count in a bitcode record can ask for gigabytes: while an input is read
/// (in a crash recovery context), that ends the reading instead, as a crash
/// does, and the input is an error like any other.
void onBadAlloc(void *, const char *Reason, bool) {
  if (CrashRecoveryContext *CRC = CrashRecoveryContext::GetCurrent())
    CRC->HandleExit(1);
  // Elsewhere, what LLVM does without a handler (without allocating).
  static const char Prefix[] = "LLVM ERROR: out of memory\n";
  (void)!::write(2, Prefix, sizeof(Prefix) - 1);
  (void)!::write(2, Reason, strlen(Reason));
  (void)!::write(2, "\n", 1);
  abort();
}

/// Parses each input with \p Parse and links them into one module.
Expected<LoadedModule>
linkInputs(unsigned NumInputs, LLVMContext &Ctx,
           function_ref<Expected<std::unique_ptr<Module>>(
               unsigned, DiagnosticCollector &, std::vector<std::string> &)>
               Parse,
           function_ref<StringRef(unsigned)> NameOf) {
  if (NumInputs == 0)
    return createStringError(inconvertibleErrorCode(), "no input files");
  DiagnosticCollector Diags;
  // The collector lives on this frame: hand the context back its previous
  // handler on every way out.
  DiagnosticHandler::DiagnosticHandlerTy PrevHandler =
      Ctx.getDiagnosticHandlerCallBack();
  void *PrevContext = Ctx.getDiagnosticContext();
  auto Restore = make_scope_exit(
      [&] { Ctx.setDiagnosticHandlerCallBack(PrevHandler, PrevContext); });
  Ctx.setDiagnosticHandlerCallBack(DiagnosticCollector::handle, &Diags);

  // LLVM 16's bitcode reader trusts the file: some corrupt bitcode (bad
  // metadata references, most often) makes it read out of bounds and crash.
  // Reading runs in a crash recovery context, so that such a file is an
  // input error like any other, not the end of the process.
  CrashRecoveryContext::Enable();
  static const bool BadAllocHandled = [] {
    install_bad_alloc_error_handler(onBadAlloc);
    return true;
  }();
  (void)BadAllocHandled;
  LoadedModule Result;
  for (unsigned I = 0; I < NumInputs; ++I) {
    // Each input is verified on its own so that an error names its file.
    std::optional<Expected<std::unique_ptr<Module>>> Parsed;
    bool Completed;
    {
#if SDV_LEAK_CHECKED
      // A recovered crash leaves behind what the reader had built: in
      // sanitizer builds, what reading allocates is not leak-checked.
      __lsan_disable();
      auto EnableLeakChecks = make_scope_exit([] { __lsan_enable(); });
#endif
      CrashRecoveryContext CRC;
      Completed = CRC.RunSafely([&] { Parsed.emplace(Parse(I, Diags, Result.Warnings)); });
    }
    if (!Completed)
      return fileError(NameOf(I), "is corrupt: LLVM " + Twine(LLVM_VERSION_MAJOR) +
                                      "'s reader crashed on it");
    Expected<std::unique_ptr<Module>> M = std::move(*Parsed);
    if (!M)
      return M.takeError();
    if (!Result.M) {
      Result.M = std::move(*M);
      continue;
    }
    Diags.Errors.clear();
    if (Linker::linkModules(*Result.M, std::move(*M)))
      return fileError(NameOf(I), "cannot be linked with the inputs before it: " +
                                      (Diags.Errors.empty() ? std::string("link error")
                                                            : Diags.Errors));
  }
  for (std::string &W : Diags.Warnings)
    Result.Warnings.push_back(std::move(W));
  return Result;
}

} // namespace

Expected<LoadedModule> loadModule(ArrayRef<std::string> Paths, LLVMContext &Ctx) {
  return linkInputs(
      Paths.size(), Ctx,
      [&](unsigned I, DiagnosticCollector &Diags, std::vector<std::string> &Warnings) {
        return parseFile(Paths[I], Ctx, Diags, Warnings);
      },
      [&](unsigned I) { return StringRef(Paths[I]); });
}

Expected<LoadedModule> loadModuleFromMemory(ArrayRef<MemoryBufferRef> Inputs,
                                            LLVMContext &Ctx) {
  return linkInputs(
      Inputs.size(), Ctx,
      [&](unsigned I, DiagnosticCollector &Diags, std::vector<std::string> &Warnings) {
        // A copy: the textual IR parser needs a terminating null.
        return parseBuffer(MemoryBuffer::getMemBufferCopy(Inputs[I].getBuffer(),
                                                          Inputs[I].getBufferIdentifier()),
                           Inputs[I].getBufferIdentifier(), Ctx, Diags, Warnings);
      },
      [&](unsigned I) { return Inputs[I].getBufferIdentifier(); });
}

namespace {

/// Whether \p BB holds nothing but debug intrinsics besides \p Keep and its
/// terminator.
bool onlyHolds(const BasicBlock &BB, const Instruction *Keep) {
  for (const Instruction &I : BB)
    if (&I != Keep && !I.isTerminator() && !isa<DbgInfoIntrinsic>(I))
      return false;
  return true;
}

/// Whether \p DL is a location in \p F's own body, not inlined into it.
bool ownLocation(const Function &F, const DebugLoc &DL) {
  return DL && DL.getLine() != 0 && !DL.getInlinedAt() &&
         DL->getScope()->getSubprogram() == F.getSubprogram();
}

/// Optimised code: the `return X;` statements' blocks branch to one shared
/// `ret` at the closing brace (column 1, below every other line of the
/// function), with only phis and code sunk from the returning paths (which
/// has lost its line) before it. Each branch there still carries the
/// location of its `return` statement. Marks those branches; returns whether
/// \p R has that shape. Only for functions that return a value: every path
/// into their shared `ret` comes from a `return X;`, where a void function's
/// may come from the end of an `if` falling off the end of the body.
bool markMergedReturns(Function &F, BasicBlock &R, ReturnInst &Ret,
                       ArrayRef<BranchInst *> Branches, unsigned Kind) {
  const DebugLoc &RetLoc = Ret.getDebugLoc();
  if (!Ret.getReturnValue() || !ownLocation(F, RetLoc) || RetLoc.getCol() != 1 ||
      Branches.empty())
    return false;
  for (const Instruction &I : R)
    if (!isa<PHINode>(I) && !isa<DbgInfoIntrinsic>(I) && !I.isTerminator() &&
        I.getDebugLoc() && I.getDebugLoc().getLine() != 0)
      return false;
  for (const Instruction &I : instructions(F))
    if (ownLocation(F, I.getDebugLoc()) && I.getDebugLoc().getLine() > RetLoc.getLine())
      return false;
  LLVMContext &Ctx = F.getContext();
  for (BranchInst *Br : Branches)
    if (ownLocation(F, Br->getDebugLoc()) && Br->getDebugLoc().getLine() < RetLoc.getLine())
      Br->setMetadata(Kind, MDNode::get(Ctx, {}));
  return true;
}

/// Source files read to tell a `return;` from other branches, by path.
class SourceText {
public:
  /// \p Read, if given, collects the paths of the files looked at.
  explicit SourceText(std::vector<std::string> *Read) : Read(Read) {}

  /// Whether the source at \p DL starts with the keyword `return`; false
  /// when the file cannot be read.
  bool isReturnAt(const DILocation &DL) {
    const File &F = file(DL);
    unsigned Line = DL.getLine(), Col = DL.getColumn();
    if (Line == 0 || Col == 0 || Line > F.Lines.size() || Col > F.Lines[Line - 1].size())
      return false;
    return startsWithReturn(F.Lines[Line - 1].drop_front(Col - 1));
  }

  /// Where the `return` statement is that the `if` whose condition starts
  /// at \p Cond runs first when the condition holds (`if (c) return X;`,
  /// `if (c) {` and `return X;` on a later line), as (line, column); none
  /// when \p Cond is not the start of an `if`'s condition, or that side
  /// starts otherwise. Comments between are skipped.
  std::optional<std::pair<unsigned, unsigned>> returnOpeningThen(const DILocation &Cond) {
    const File &F = file(Cond);
    unsigned Line = Cond.getLine(), Col = Cond.getColumn();
    if (Line == 0 || Col == 0 || Line > F.Lines.size() || Col > F.Lines[Line - 1].size() + 1)
      return std::nullopt;
    // Before the condition: `if (` on its line.
    StringRef Before = F.Lines[Line - 1].take_front(Col - 1).rtrim();
    if (!Before.consume_back("("))
      return std::nullopt;
    Before = Before.rtrim();
    if (!Before.consume_back("if") ||
        (!Before.empty() && (isAlnum(Before.back()) || Before.back() == '_')))
      return std::nullopt;
    // After it: to the parenthesis that closes the condition, then past
    // blanks, comments and one `{`.
    unsigned L = Line - 1;
    size_t C = Col - 1;
    int Depth = 1;
    bool Brace = false;
    while (L < F.Lines.size() && L < Line + 40) {
      StringRef Text = F.Lines[L];
      if (C >= Text.size()) {
        ++L;
        C = 0;
        continue;
      }
      char Ch = Text[C];
      if (Text.drop_front(C).startswith("//")) {
        ++L;
        C = 0;
        continue;
      }
      if (Text.drop_front(C).startswith("/*")) {
        size_t End;
        while ((End = F.Lines[L].find("*/", C)) == StringRef::npos && L + 1 < F.Lines.size()) {
          ++L;
          C = 0;
        }
        if (End == StringRef::npos)
          return std::nullopt;
        C = End + 2;
        continue;
      }
      if (Depth > 0) {
        Depth += Ch == '(' ? 1 : Ch == ')' ? -1 : 0;
        ++C;
        continue;
      }
      if (isSpace(Ch)) {
        ++C;
        continue;
      }
      if (Ch == '{' && !Brace) {
        Brace = true;
        ++C;
        continue;
      }
      if (startsWithReturn(Text.drop_front(C)))
        return std::make_pair(L + 1, unsigned(C + 1));
      return std::nullopt;
    }
    return std::nullopt;
  }

private:
  struct File {
    std::unique_ptr<MemoryBuffer> Buffer;
    SmallVector<StringRef, 0> Lines;
  };

  static bool startsWithReturn(StringRef Text) {
    return Text.consume_front("return") &&
           (Text.empty() || !(isAlnum(Text.front()) || Text.front() == '_'));
  }

  const File &file(const DILocation &DL) {
    auto [It, Inserted] = Files.try_emplace(locationOf(DL).absolutePath());
    File &F = It->second;
    if (Inserted && Read)
      Read->push_back(It->first().str());
    if (Inserted)
      if (ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(It->first())) {
        F.Buffer = std::move(*Buf);
        F.Buffer->getBuffer().split(F.Lines, '\n');
      }
    return F;
  }
  StringMap<File> Files;
  std::vector<std::string> *Read;
};

/// Marks the branches that are `return` statements. At -O0 clang lowers a
/// function with several returns to one shared return block: `return X;`
/// stores X into a compiler slot and branches there, and the `ret` carries
/// the location of the closing brace. Once the slot is promoted, that block
/// looks like any join point followed by a return, so the shape is read
/// here, before canonicalisation, and kept as metadata on the branches.
void markReturnStatements(Function &F, SourceText &Sources) {
  LLVMContext &Ctx = F.getContext();
  unsigned Kind = Ctx.getMDKindID(ReturnStatementMD);
  for (BasicBlock &R : F) {
    auto *Ret = dyn_cast<ReturnInst>(R.getTerminator());
    if (!Ret)
      continue;
    SmallVector<BranchInst *, 4> Branches;
    bool AllUnconditional = true;
    for (BasicBlock *Pred : predecessors(&R)) {
      auto *Br = dyn_cast<BranchInst>(Pred->getTerminator());
      if (!Br || Br->isConditional()) {
        AllUnconditional = false;
        continue;
      }
      Branches.push_back(Br);
    }
    if (markMergedReturns(F, R, *Ret, Branches, Kind))
      continue;
    if (Value *RV = Ret->getReturnValue()) {
      // `%v = load %retval; ret %v`, where %retval is a slot no source
      // variable describes; `return X;` is a store to it and a branch.
      auto *Load = dyn_cast<LoadInst>(RV);
      if (!Load || Load->getParent() != &R || !onlyHolds(R, Load))
        continue;
      auto *Slot = dyn_cast<AllocaInst>(Load->getPointerOperand());
      if (!Slot || !FindDbgDeclareUses(Slot).empty())
        continue;
      for (BranchInst *Br : Branches)
        for (const Instruction &I : *Br->getParent())
          if (const auto *SI = dyn_cast<StoreInst>(&I);
              SI && SI->getPointerOperand() == Slot) {
            Br->setMetadata(Kind, MDNode::get(Ctx, {}));
            break;
          }
      continue;
    }
    // `ret void` alone: a shared return block when the fall-through from the
    // end of the body reaches it at the closing brace, the `ret`'s own
    // location; the other branches are `return;` statements.
    if (!Ret->getDebugLoc())
      continue;
    bool FallThrough = any_of(Branches, [&](BranchInst *Br) {
      return Br->getDebugLoc() && Br->getDebugLoc() == Ret->getDebugLoc();
    });
    if (AllUnconditional && FallThrough && onlyHolds(R, nullptr)) {
      for (BranchInst *Br : Branches)
        if (Br->getDebugLoc() && Br->getDebugLoc() != Ret->getDebugLoc())
          Br->setMetadata(Kind, MDNode::get(Ctx, {}));
      continue;
    }
    // Otherwise the end of an `if` or a loop may branch there too, at its
    // closing brace or `break`, indistinguishable in IR from a `return;`:
    // the source text tells them apart when it is readable.
    for (BranchInst *Br : Branches)
      if (ownLocation(F, Br->getDebugLoc()) && Br->getDebugLoc() != Ret->getDebugLoc() &&
          Sources.isReturnAt(*Br->getDebugLoc()))
        Br->setMetadata(Kind, MDNode::get(Ctx, {}));
  }
}

/// Optimised code folds `if (c) return X;` into the condition's branch when
/// nothing is left to do on the returning side: the branch goes straight to
/// the shared `ret` at the closing brace, and the `return` statement keeps
/// no instruction. The source tells where it is: such an edge gets a block
/// of its own whose branch carries the `return`'s location, as a `return`
/// statement's branch does (markReturnStatements then marks it), and the
/// branch says which of its sides is the `if`'s then-side (ThenSuccessorMD).
void splitFoldedReturns(Function &F, SourceText &Sources) {
  SmallVector<std::pair<BasicBlock *, BasicBlock *>, 4> Edges;
  for (BasicBlock &R : F) {
    auto *Ret = dyn_cast<ReturnInst>(R.getTerminator());
    if (!Ret || !ownLocation(F, Ret->getDebugLoc()) || Ret->getDebugLoc().getCol() != 1)
      continue;
    SmallPtrSet<BasicBlock *, 4> Seen;
    for (BasicBlock *Pred : predecessors(&R)) {
      auto *Br = dyn_cast<BranchInst>(Pred->getTerminator());
      if (!Seen.insert(Pred).second || !Br || !Br->isConditional() ||
          Br->getSuccessor(0) == Br->getSuccessor(1) ||
          !ownLocation(F, Br->getDebugLoc()) ||
          Br->getDebugLoc().getLine() >= Ret->getDebugLoc().getLine())
        continue;
      Edges.push_back({Pred, &R});
    }
  }
  for (auto [Pred, R] : Edges) {
    const DebugLoc &Cond = Pred->getTerminator()->getDebugLoc();
    std::optional<std::pair<unsigned, unsigned>> At = Sources.returnOpeningThen(*Cond);
    if (!At)
      continue;
    auto *Br = cast<BranchInst>(Pred->getTerminator());
    unsigned Then = Br->getSuccessor(0) == R ? 0 : 1;
    LLVMContext &Ctx = F.getContext();
    BasicBlock *Edge = SplitEdge(Pred, R);
    Edge->getTerminator()->setDebugLoc(DILocation::get(Ctx, At->first, At->second, Cond->getScope()));
    Br->setMetadata(ThenSuccessorMD,
                    MDNode::get(Ctx, ConstantAsMetadata::get(
                                         ConstantInt::get(Type::getInt32Ty(Ctx), Then))));
  }
}

/// Drops the inter-processor ordering of atomic operations and fences: the
/// analysis is sequential, and a barrier (KeMemoryBarrier's interlocked
/// operation on a local) would otherwise make every earlier read of the
/// driver's memory a stale one to LLVM's alias analysis.
void relaxAtomics(Function &F) {
  SmallVector<Instruction *, 4> Fences;
  for (Instruction &I : instructions(F)) {
    if (auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
      RMW->setOrdering(AtomicOrdering::Monotonic);
    } else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
      CX->setSuccessOrdering(AtomicOrdering::Monotonic);
      CX->setFailureOrdering(AtomicOrdering::Monotonic);
    } else if (auto *LI = dyn_cast<LoadInst>(&I); LI && LI->isAtomic()) {
      LI->setOrdering(AtomicOrdering::Monotonic);
    } else if (auto *SI = dyn_cast<StoreInst>(&I); SI && SI->isAtomic()) {
      SI->setOrdering(AtomicOrdering::Monotonic);
    } else if (isa<FenceInst>(I)) {
      Fences.push_back(&I);
    }
  }
  for (Instruction *Fence : Fences)
    Fence->eraseFromParent();
}

/// Records on each store into a struct field the field as the source wrote
/// it (`W->WorkerRoutine` with W a PWORK_QUEUE_ITEM): struct type, field
/// index and constant array index. Canonicalisation folds such addresses
/// into byte offsets when the base becomes a constant (a work item overlaid
/// on a global's reserved bytes), and the C type of the write is lost.
void markFieldStores(Function &F) {
  LLVMContext &Ctx = F.getContext();
  unsigned Kind = Ctx.getMDKindID(FieldStoreMD);
  Type *I64 = Type::getInt64Ty(Ctx);
  for (Instruction &I : instructions(F)) {
    Value *Dest = nullptr;
    if (auto *SI = dyn_cast<StoreInst>(&I))
      Dest = SI->getPointerOperand();
    else if (auto *RMW = dyn_cast<AtomicRMWInst>(&I))
      Dest = RMW->getPointerOperand();
    else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I))
      Dest = CX->getPointerOperand();
    auto *GEP = dyn_cast_or_null<GEPOperator>(Dest);
    if (!GEP)
      continue;
    StructType *Struct = nullptr;
    uint64_t Field = 0;
    int64_t Index = -1;
    bool AfterField = false;
    for (gep_type_iterator It = gep_type_begin(GEP), End = gep_type_end(GEP);
         It != End; ++It) {
      const auto *C = dyn_cast<ConstantInt>(It.getOperand());
      if (StructType *ST = It.getStructTypeOrNull()) {
        Struct = ST->hasName() && C ? ST : nullptr;
        Field = C ? C->getZExtValue() : 0;
        Index = -1;
        AfterField = Struct != nullptr;
        continue;
      }
      if (AfterField && isa<ArrayType>(It.getIndexedType()) && C)
        Index = C->getSExtValue();
      AfterField = false;
    }
    if (!Struct)
      continue;
    I.setMetadata(Kind, MDNode::get(Ctx, {MDString::get(Ctx, Struct->getName()),
                                          ConstantAsMetadata::get(ConstantInt::get(I64, Field)),
                                          ConstantAsMetadata::get(ConstantInt::get(I64, Index))}));
  }
}

} // namespace

namespace {

/// Whether \p V depends on memory other than the function's own variables:
/// a load through a pointer that is not a stack slot, through pure
/// operations and the stores into the slots it reads (`-O0` keeps every
/// variable in one).
bool dependsOnMemory(const Value *V, unsigned Depth = 0) {
  const auto *I = dyn_cast<Instruction>(V);
  if (!I || Depth > 6 || isa<PHINode>(I) || isa<CallBase>(I))
    return false;
  if (const auto *L = dyn_cast<LoadInst>(I)) {
    const auto *Slot = dyn_cast<AllocaInst>(L->getPointerOperand()->stripPointerCasts());
    if (!Slot)
      return true;
    for (const User *U : Slot->users())
      if (const auto *S = dyn_cast<StoreInst>(U);
          S && S->getPointerOperand()->stripPointerCasts() == Slot &&
          dependsOnMemory(S->getValueOperand(), Depth + 1))
        return true;
    return false;
  }
  return any_of(I->operands(),
                [&](const Value *Op) { return dependsOnMemory(Op, Depth + 1); });
}

/// Above this many instructions a function is not a lock helper.
constexpr unsigned MaxHelperInstructions = 160;

/// Small helpers without loops in which a branch on memory decides a
/// monitored call: which lock they take (or whether they take one) depends
/// on a flag their callers cannot see, and a release helper decides on the
/// same flag. A helper that branches on memory only around its own work
/// (`if (Ctx->Count > Limit) Ctx->Flags |= 1;` between a lock and an unlock
/// decided by an argument: the engine ties those calls to the argument), or
/// that leaves its caller's locks as they found them on every path (takes and
/// drops a lock in one branch of a switch on a request's code), is
/// summarised as it is.
bool isLockHelper(const Function &F, const MonitoredCalls &Calls) {
  if (F.isDeclaration() || F.isVarArg() || F.hasPersonalityFn() ||
      F.getInstructionCount() > MaxHelperInstructions)
    return false;
  SmallPtrSet<const BasicBlock *, 8> Monitored;
  for (const Instruction &I : instructions(F))
    if (const auto *CB = dyn_cast<CallBase>(&I)) {
      if (CB->getCalledFunction() == &F)
        return false; // Recursive.
      if (const Function *Callee = CB->getCalledFunction();
          Callee && Callee->getIntrinsicID() == Intrinsic::localescape)
        return false;
      if (Calls.IsMonitored(*CB))
        Monitored.insert(I.getParent());
    }
  if (Monitored.empty())
    return false;
  SmallVector<const BasicBlock *, 4> Deciding;
  for (const BasicBlock &BB : F) {
    const Instruction *Term = BB.getTerminator();
    if (const auto *Br = dyn_cast<BranchInst>(Term)) {
      if (Br->isConditional() && dependsOnMemory(Br->getCondition()))
        Deciding.push_back(&BB);
    } else if (const auto *Sw = dyn_cast<SwitchInst>(Term)) {
      if (dependsOnMemory(Sw->getCondition()))
        Deciding.push_back(&BB);
    }
  }
  if (Deciding.empty())
    return false;
  // Not a loop: one that waits for a field to change is not sequential code,
  // and two reads of the field must stay two values.
  SmallVector<std::pair<const BasicBlock *, const BasicBlock *>, 2> BackEdges;
  FindFunctionBackedges(F, BackEdges);
  if (!BackEdges.empty() || !Calls.MayChangeState(F))
    return false;
  // A monitored call the branch decides lies on a path from the branch
  // before its paths join again (its immediate post-dominator).
  PostDominatorTree PDT(const_cast<Function &>(F));
  for (const BasicBlock *From : Deciding) {
    const DomTreeNode *Node = PDT.getNode(From);
    const BasicBlock *Join =
        Node && Node->getIDom() ? Node->getIDom()->getBlock() : nullptr;
    SmallPtrSet<const BasicBlock *, 16> Seen;
    SmallVector<const BasicBlock *, 16> Work(succ_begin(From), succ_end(From));
    while (!Work.empty()) {
      const BasicBlock *BB = Work.pop_back_val();
      if (BB == Join || !Seen.insert(BB).second)
        continue;
      if (Monitored.contains(BB))
        return true;
      append_range(Work, successors(BB));
    }
  }
  return false;
}

/// Inlines \p F into every function that calls it directly.
void inlineIntoCallers(Function &F) {
  SmallVector<CallBase *, 8> Sites;
  for (User *U : F.users())
    if (auto *CB = dyn_cast<CallBase>(U);
        CB && CB->getCalledOperand() == &F && CB->getFunction() != &F &&
        CB->getFunctionType() == F.getFunctionType())
      Sites.push_back(CB);
  for (CallBase *CB : Sites) {
    InlineFunctionInfo IFI;
    (void)InlineFunction(*CB, IFI);
  }
}

/// Inlines the lock helpers into their callers (see canonicalize), callees
/// first: a helper that calls a lock helper is one itself once the callee is
/// inlined into it. The call graph's components come bottom-up from
/// Tarjan's walk of the direct calls (no CallGraph: its value handles cost
/// more than the walk); a function on a cycle of calls is not inlined.
void inlineLockHelpers(Module &M, const MonitoredCalls &Calls) {
  struct Node {
    Function *F;
    SmallVector<Function *, 8> Callees;
    unsigned Next, Index, Low;
  };
  DenseMap<const Function *, unsigned> IndexOf;
  DenseSet<const Function *> OnStack;
  std::vector<Function *> Component;
  std::vector<Node> Walk;
  auto Push = [&](Function &F) {
    unsigned Index = IndexOf.size();
    IndexOf[&F] = Index;
    Node N{&F, {}, 0, Index, Index};
    for (Instruction &I : instructions(F))
      if (auto *CB = dyn_cast<CallBase>(&I))
        if (Function *Callee = CB->getCalledFunction(); Callee && !Callee->isDeclaration())
          N.Callees.push_back(Callee);
    Walk.push_back(std::move(N));
    Component.push_back(&F);
    OnStack.insert(&F);
  };
  for (Function &Root : M) {
    if (Root.isDeclaration() || IndexOf.count(&Root))
      continue;
    Push(Root);
    while (!Walk.empty()) {
      Node &Top = Walk.back();
      if (Top.Next < Top.Callees.size()) {
        Function *Callee = Top.Callees[Top.Next++];
        auto It = IndexOf.find(Callee);
        if (It == IndexOf.end())
          Push(*Callee);
        else if (OnStack.contains(Callee))
          Top.Low = std::min(Top.Low, It->second);
        continue;
      }
      Node Done = std::move(Top);
      Walk.pop_back();
      if (!Walk.empty())
        Walk.back().Low = std::min(Walk.back().Low, Done.Low);
      if (Done.Low != Done.Index)
        continue;
      unsigned Size = 0;
      Function *Member;
      do {
        Member = Component.back();
        Component.pop_back();
        OnStack.erase(Member);
        ++Size;
      } while (Member != Done.F);
      if (Size == 1 && !is_contained(Done.Callees, Done.F) &&
          isLockHelper(*Done.F, Calls))
        inlineIntoCallers(*Done.F);
    }
  }
}

/// Numbers the loads of a function that read one value: the same address
/// (the same base, from an argument, a global, a stack slot or such a load
/// itself, at the same constant offset) last written by the same write,
/// which runs at most once in the function's activation (MemorySSA's clobber
/// is the function's entry, or a write or join outside every loop: a flag
/// read in a lock helper and again in the unlock helper inlined after it,
/// below a call that may change it). Only numbers shared by two loads or
/// more are attached (SameValueMD).
struct NumberSameLoads : PassInfoMixin<NumberSameLoads> {
  PreservedAnalyses run(Function &F, FunctionAnalysisManager &FAM) {
    const DataLayout &DL = F.getParent()->getDataLayout();
    // Loads that may share a number: a cheap structural key first, so that
    // MemorySSA is walked only where two loads could be one value.
    using Key = std::tuple<const Value *, int64_t, Type *>;
    DenseMap<const LoadInst *, unsigned> Numbers;
    std::map<std::pair<unsigned, Key>, unsigned> Classes;
    auto KeyOf = [&](const LoadInst &L) -> Key {
      APInt Offset(DL.getIndexTypeSizeInBits(L.getPointerOperandType()), 0);
      const Value *Base = L.getPointerOperand()->stripAndAccumulateConstantOffsets(
          DL, Offset, /*AllowNonInbounds=*/true);
      // A base loaded itself stands for its class: `E->Adapter->Flags` read
      // twice through two loads of `E->Adapter`.
      if (const auto *BL = dyn_cast<LoadInst>(Base))
        if (auto It = Numbers.find(BL); It != Numbers.end())
          Base = reinterpret_cast<const Value *>(uintptr_t(It->second) << 4 | 1);
      return {Base, Offset.getSExtValue(), L.getType()};
    };
    // (Before any load is numbered, a loaded base is one key: the filter
    // only has to be coarse.)
    std::map<Key, unsigned> Counts;
    for (const Instruction &I : instructions(F))
      if (const auto *L = dyn_cast<LoadInst>(&I); L && L->isSimple()) {
        auto [Base, Offset, Ty] = KeyOf(*L);
        if (isa<LoadInst>(Base))
          Base = nullptr;
        ++Counts[{Base, Offset, Ty}];
      }
    if (none_of(Counts, [](const auto &C) { return C.second > 1; }))
      return PreservedAnalyses::all();
    MemorySSA &MSSA = FAM.getResult<MemorySSAAnalysis>(F).getMSSA();
    MemorySSAWalker *Walker = MSSA.getWalker();
    LoopInfo &Loops = FAM.getResult<LoopAnalysis>(F);
    DenseMap<const MemoryAccess *, unsigned> Writes;
    unsigned Next = 1;
    SmallVector<std::pair<LoadInst *, unsigned>, 16> Numbered;
    for (BasicBlock *BB : ReversePostOrderTraversal<Function *>(&F))
      for (Instruction &I : *BB) {
        auto *L = dyn_cast<LoadInst>(&I);
        if (!L || !L->isSimple())
          continue;
        MemoryAccess *Clobber = Walker->getClobberingMemoryAccess(L);
        unsigned Write = 0; // the function's entry
        if (!MSSA.isLiveOnEntryDef(Clobber)) {
          if (Loops.getLoopFor(Clobber->getBlock()))
            continue;
          auto [W, New] = Writes.try_emplace(Clobber, Writes.size() + 1);
          Write = W->second;
        }
        auto [It, Inserted] = Classes.try_emplace({Write, KeyOf(*L)}, Next);
        if (Inserted)
          ++Next;
        Numbers[L] = It->second;
        Numbered.push_back({L, It->second});
      }
    DenseMap<unsigned, unsigned> Size;
    for (const auto &[L, N] : Numbered)
      ++Size[N];
    LLVMContext &Ctx = F.getContext();
    unsigned Kind = Ctx.getMDKindID(SameValueMD);
    Type *I32 = Type::getInt32Ty(Ctx);
    for (const auto &[L, N] : Numbered)
      if (Size[N] > 1)
        L->setMetadata(Kind, MDNode::get(Ctx, {ConstantAsMetadata::get(ConstantInt::get(I32, N))}));
    return PreservedAnalyses::all();
  }
};

/// Tells LLVM what the monitored calls do to memory (see MonitoredCalls).
void describeMonitoredCalls(Function &F, const MonitoredCalls &Calls) {
  for (Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB || isa<IntrinsicInst>(CB))
      continue;
    std::optional<SmallVector<unsigned, 2>> OutArgs = Calls.KnownEffects(*CB);
    if (!OutArgs)
      continue;
    CB->setDoesNotThrow();
    if (OutArgs->empty()) {
      CB->setMemoryEffects(MemoryEffects::inaccessibleMemOnly());
      continue;
    }
    // Only what the out-parameters point to is written.
    CB->setMemoryEffects(MemoryEffects::inaccessibleOrArgMemOnly());
    for (unsigned A = 0; A < CB->arg_size(); ++A)
      if (CB->getArgOperand(A)->getType()->isPointerTy() && !is_contained(*OutArgs, A))
        CB->addParamAttr(A, Attribute::ReadNone);
  }
}

} // namespace

/// Folds the integer constant expressions \p F uses, with the data layout:
/// `ptrtoint (ptr getelementptr (%T, ptr null, i32 0, i32 3) to i64)`, a
/// field's offset as `(ULONG_PTR)&((T *)0)->F` computes it in the headers'
/// CONTAINING_RECORD, becomes the number it is, so that the address
/// arithmetic around it has a constant offset.
static void foldOffsetExpressions(Function &F) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  for (Instruction &I : instructions(F))
    for (Use &U : I.operands())
      if (auto *CE = dyn_cast<ConstantExpr>(U.get()); CE && CE->getType()->isIntegerTy())
        if (Constant *Folded = ConstantFoldConstant(CE, DL); Folded && Folded != CE)
          U.set(Folded);
}

/// Replaces each web of phis that carries one value only by that value: a
/// pointer reloaded in a loop after calls that write no memory the driver
/// reads, once GVN has made every reload the first load, is `phi(%p, phi(%p,
/// ...))` around the loop, which names %p's lock. (InstSimplify folds a phi
/// whose operands are one value, not a cycle of phis.) The one value
/// reaches each phi of the web on every path, so it dominates them.
static void removeRedundantPhiWebs(Function &F) {
  SmallPtrSet<PHINode *, 16> Done;
  SmallVector<PHINode *, 16> Replaced;
  for (BasicBlock &BB : F)
    for (PHINode &Start : BB.phis()) {
      if (Done.count(&Start))
        continue;
      SmallVector<PHINode *, 8> Web, Work{&Start};
      SmallPtrSet<PHINode *, 8> InWeb{&Start};
      Value *Only = nullptr;
      bool Single = true;
      while (!Work.empty() && Single) {
        PHINode *Phi = Work.pop_back_val();
        Web.push_back(Phi);
        for (Value *In : Phi->incoming_values()) {
          if (auto *Other = dyn_cast<PHINode>(In)) {
            if (InWeb.insert(Other).second)
              Work.push_back(Other);
            continue;
          }
          if (isa<UndefValue>(In) || In == Only)
            continue;
          Single = !Only;
          Only = In;
        }
      }
      if (!Single || !Only) {
        Done.insert(&Start);
        continue;
      }
      for (PHINode *Phi : Web) {
        Phi->replaceAllUsesWith(Only);
        Done.insert(Phi);
        Replaced.push_back(Phi);
      }
    }
  for (PHINode *Phi : Replaced)
    Phi->eraseFromParent();
}

void canonicalize(Module &M, const MonitoredCalls *Calls,
                  std::vector<std::string> *SourcesRead) {
  SourceText Sources(SourcesRead);
  for (Function &F : M)
    if (F.hasFnAttribute(Attribute::OptimizeNone)) {
      F.removeFnAttr(Attribute::OptimizeNone);
      F.addFnAttr(UnoptimisedAttr);
    }
  if (Calls)
    inlineLockHelpers(M, *Calls);
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    foldOffsetExpressions(F);
    if (Calls)
      describeMonitoredCalls(F, *Calls);
    splitFoldedReturns(F, Sources);
    markReturnStatements(F, Sources);
    markFieldStores(F);
    relaxAtomics(F);
  }

  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  // LLVM's default alias analyses, and what driver functions write, by
  // structure field.
  FieldEffects Effects(M, Calls ? Calls->ReadOnlyArg : nullptr);
  FAM.registerPass([&] { return FieldEffectsAA(Effects); });
  FAM.registerPass([] {
    AAManager AA;
    AA.registerFunctionAnalysis<BasicAA>();
    AA.registerFunctionAnalysis<ScopedNoAliasAA>();
    AA.registerFunctionAnalysis<TypeBasedAA>();
    AA.registerFunctionAnalysis<FieldEffectsAA>();
    return AA;
  });
  PassBuilder PB;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);

  // Stack slots become SSA values, so that a pointer reloaded from its
  // variable is one value, and local structures are split, so that a lock
  // pointer kept in one (`Pair.First`) is the address it holds. mem2reg
  // promotes -O0's scalar slots for less than half of what SROA takes to do
  // it; SROA then has only the structures left. EarlyCSE forwards a value
  // stored into a field to a load of it in the same block's scope (a
  // routine stored into the driver's own structure and then handed to
  // IoQueueWorkItem from there is the routine itself). GVN (its memory
  // dependences ask the alias analyses above) makes two reads of a flag one
  // value across lock calls, which touch no memory the driver reads: `if
  // (Ext->Flags & ACTIVE)` before the acquire and again before the release
  // is one test, and so is a test before and after a call of a driver
  // function that writes no such field (FieldEffects: summarised once every
  // function's slots are SSA values); it also ties a read after a
  // conditional write to both (`Tracking = TRUE` on one branch: the second
  // read is the phi of TRUE and the first read), so that the branches a path
  // took decide it. NumberSameLoads then numbers the reads GVN must keep
  // apart but that read one value (MemorySSA: the same last write). (The
  // analysis is sequential, as the reference tool's is: another processor's
  // writes between the reads are not modelled.)
  FunctionPassManager Slots;
  Slots.addPass(PromotePass());
  Slots.addPass(SROAPass(SROAOptions::PreserveCFG));
  // (Each function's dominator tree stays for EarlyCSE below, which frees it.)
  ModulePassManager MPM;
  MPM.addPass(createModuleToFunctionPassAdaptor(std::move(Slots)));
  MPM.run(M, MAM);
  // Calls through function pointers are summarised as calls of what the
  // driver stores where the call loads its target from.
  Effects.resolveIndirectCalls(M);
  MPM = ModulePassManager();
  FunctionPassManager FPM;
  FPM.addPass(EarlyCSEPass(/*UseMemorySSA=*/false));
  FPM.addPass(GVNPass(GVNOptions().setPRE(false).setLoadPRE(false)));
  FPM.addPass(NumberSameLoads());
  // Each function's MemorySSA and dominator tree are freed once it is done,
  // not kept for every function of the module at once.
  FPM.addPass(InvalidateAnalysisPass<MemorySSAAnalysis>());
  FPM.addPass(InvalidateAnalysisPass<DominatorTreeAnalysis>());
  MPM.addPass(createModuleToFunctionPassAdaptor(std::move(FPM)));
  MPM.run(M, MAM);
  for (Function &F : M)
    if (!F.isDeclaration())
      removeRedundantPhiWebs(F);
}

} // namespace sdv
