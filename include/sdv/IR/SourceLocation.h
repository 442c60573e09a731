//===- sdv/IR/SourceLocation.h - Source positions of IR ---------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#ifndef SDV_IR_SOURCELOCATION_H
#define SDV_IR_SOURCELOCATION_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace llvm {
class DILocation;
class Function;
class Instruction;
} // namespace llvm

namespace sdv {

/// A position in the driver's sources, from debug info.
struct SourceLoc {
  /// The file as the compiler was given it (relative or absolute).
  std::string File;
  /// The compiler's working directory, to resolve a relative File.
  std::string Directory;
  unsigned Line = 0;
  unsigned Column = 0;
  /// The function the position is in (its source name).
  std::string Function;

  bool known() const { return Line != 0; }
  /// `File` made absolute with `Directory` when it is relative.
  std::string absolutePath() const;
  /// `file:line:col`, `file:line`, or the function name without debug info.
  std::string str() const;

  friend bool operator<(const SourceLoc &A, const SourceLoc &B);
  friend bool operator==(const SourceLoc &A, const SourceLoc &B);
};

SourceLoc locationOf(const llvm::Instruction &I);
/// A debug location (e.g. where an inlined call was written).
SourceLoc locationOf(const llvm::DILocation &DL);
/// Where the driver's own code is at \p I: I's location, or, when I sits in
/// the inlined body of an API's wrapper that \p IsApi recognises by name
/// (the headers' inline StorPortAcquireSpinLock, WdfSpinLockAcquire), where
/// the driver called the wrapper. \p Api, if given, receives the wrapper's
/// name when there is one.
SourceLoc callerLocation(const llvm::Instruction &I,
                         llvm::function_ref<bool(llvm::StringRef)> IsApi,
                         std::string *Api = nullptr);
/// Where the function \p I is in says it is: I's location, or for code
/// inlined into that function, where it calls the outermost inlined one.
SourceLoc outermostLocation(const llvm::Instruction &I);
/// The line of the function's declaration (its opening line).
SourceLoc locationOf(const llvm::Function &F);

/// The function's name as written in source (undecorated).
std::string sourceName(const llvm::Function &F);

} // namespace sdv

#endif // SDV_IR_SOURCELOCATION_H
