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
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
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

/// Metadata kind on stores into struct fields: !{!"struct.NAME", i64 field,
/// i64 array-index-or--1}, the field as written in source (see
/// canonicalize).
constexpr const char *FieldStoreMD = "sdv.field";

/// Brings `-O0` and optimised IR to one shape: promotes stack slots, and the
/// fields of local structures, to SSA values (mem2reg, then SROA), without
/// changing the CFG. Branches that are `return` statements are marked with
/// ReturnStatementMD, and stores into struct fields with FieldStoreMD, first,
/// while the shapes that tell them are still there.
/// `optnone` is dropped, or the passes would skip `-O0` code.
/// \p TouchesNoDriverMemory names declared functions known to access no
/// memory the module reads or writes (the monitored lock routines, whose
/// lock the driver never reads): loads are then one value across calls to
/// them. \p SourcesRead, if given, collects the paths of the source files
/// whose text was looked at (whether or not they could be read).
void canonicalize(llvm::Module &M,
                  llvm::function_ref<bool(const llvm::Function &)> TouchesNoDriverMemory =
                      [](const llvm::Function &) { return false; },
                  std::vector<std::string> *SourcesRead = nullptr);

} // namespace sdv

#endif // SDV_IR_LOADER_H
