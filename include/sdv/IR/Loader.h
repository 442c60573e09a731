//===- sdv/IR/Loader.h - Reading a driver's IR ------------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads the bitcode or textual IR files of one driver, links them into one
/// module in-process, verifies it, and canonicalises it for the analysis.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_IR_LOADER_H
#define SDV_IR_LOADER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class CallBase;
class LLVMContext;
class Function;
class Module;
} // namespace llvm

namespace sdv {

struct LoadedModule {
  std::unique_ptr<llvm::Module> M;
  /// Problems that do not stop the analysis (e.g. missing debug info).
  std::vector<std::string> Warnings;
};

/// Parses every file of \p Paths (bitcode or textual IR, told apart by
/// content) and links them into one module. Errors name the file and the
/// problem.
llvm::Expected<LoadedModule> loadModule(llvm::ArrayRef<std::string> Paths,
                                        llvm::LLVMContext &Ctx);

/// As loadModule, for inputs already in memory (each buffer's identifier
/// names it in errors).
llvm::Expected<LoadedModule> loadModuleFromMemory(llvm::ArrayRef<llvm::MemoryBufferRef> Inputs,
                                                  llvm::LLVMContext &Ctx);

/// Metadata kind marking the branches that are `return` statements (see
/// canonicalize).
constexpr const char *ReturnStatementMD = "sdv.return";
/// On a conditional branch: the successor (`i32` 0 or 1) that is the source
/// `if`'s then-side, where optimised code folded a `return` into the branch
/// and the source tells which side it was (the condition tested in IR may
/// be another value than the source's).
constexpr const char *ThenSuccessorMD = "sdv.then-successor";

/// Metadata kind on stores into struct fields: !{!"struct.NAME", i64 field,
/// i64 array-index-or--1}, the field as written in source (see
/// canonicalize).
constexpr const char *FieldStoreMD = "sdv.field";

/// Metadata kind on loads that read what another load of the function
/// reads: !{i32 N}, the same N for loads of the same address that nothing in
/// the function writes before them (see canonicalize). Two reads of a
/// configuration flag on two branches (`if (!AtIrql) Lock(); ...; if
/// (!AtIrql) Unlock();`, each helper reading `Ext->PerMessage` again) are
/// one value though neither dominates the other.
constexpr const char *SameValueMD = "sdv.same";

/// String attribute of the functions compiled without optimisation (clang's
/// `optnone`, which canonicalize drops): their branches test the source's
/// conditions as written, macros expanded, with a `!` as swapped successors.
constexpr const char *UnoptimisedAttr = "sdv-unoptimised";

/// Brings `-O0` and optimised IR to one shape: promotes stack slots, and the
/// fields of local structures, to SSA values (mem2reg, then SROA), without
/// changing the CFG. Branches that are `return` statements are marked with
/// ReturnStatementMD, and stores into struct fields with FieldStoreMD, first,
/// while the shapes that tell them are still there.
/// `optnone` is dropped (UnoptimisedAttr says where it was), or the passes
/// would skip `-O0` code. Loads that
/// read the same memory are numbered with SameValueMD.
/// What canonicalisation is told of the calls the rules monitor.
struct MonitoredCalls {
  /// Whether a call is a monitored call (a lock routine).
  llvm::function_ref<bool(const llvm::CallBase &)> IsMonitored;
  /// For a monitored call known to access no memory the driver reads or
  /// writes (the lock routines, whose lock the driver never reads), the
  /// arguments it writes through that the driver reads afterwards (an IRQL
  /// out-parameter); none if it may touch anything.
  llvm::function_ref<std::optional<llvm::SmallVector<unsigned, 2>>(const llvm::CallBase &)>
      KnownEffects;
  /// Whether a path through a function may leave a monitored object in
  /// another state than it found it (a lock helper does; a routine that
  /// takes and drops its lock on every path, whichever, does not).
  llvm::function_ref<bool(const llvm::Function &)> MayChangeState;
  /// Whether the declared routine Callee (its name as the driver's source
  /// spells it) never writes through its pointer argument Arg (see
  /// FieldEffects).
  llvm::function_ref<bool(llvm::StringRef Callee, unsigned Arg)> ReadOnlyArg;
};

/// \p Calls says which calls are monitored: loads are one value across
/// those that touch no driver memory, and small lock helpers that choose
/// their lock by a flag in memory (`if (Ext->PerMessage) acquire the MSI
/// lock; else the interrupt lock;`, and the release helper that decides the
/// same way) are inlined into their callers, so that the two decisions are
/// one value, as they are in optimised builds. \p SourcesRead, if given,
/// collects the paths of the source files whose text was looked at (whether
/// or not they could be read).
void canonicalize(llvm::Module &M, const MonitoredCalls *Calls = nullptr,
                  std::vector<std::string> *SourcesRead = nullptr);

} // namespace sdv

#endif // SDV_IR_LOADER_H
