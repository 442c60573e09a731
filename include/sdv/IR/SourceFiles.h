//===- sdv/IR/SourceFiles.h - Reading the driver's sources -------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The driver's source files, read on demand to show a trace step's line,
/// quote a branch condition, find suppression comments or fingerprint a
/// result. A missing or unreadable file is not an error: callers fall back
/// to what the debug info says.
///
/// Where a file is read from: debug info records a file as written on the
/// compiler's command line (`File`) and the compiler's working directory
/// (`Directory`). Without a source root the file is read at `File` made
/// absolute with `Directory`. With a source root R (the tree was compiled
/// elsewhere, e.g. on a build machine), R stands for the compilation
/// directory: a file whose path is relative to its compilation directory
/// (a relative `File`, or an absolute one under `Directory`) is read at R
/// joined with that relative path; if nothing is there, or the file lies
/// outside its compilation directory (a system header), it is read where
/// the debug info says.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_IR_SOURCEFILES_H
#define SDV_IR_SOURCEFILES_H

#include "sdv/IR/SourceLocation.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sdv {

class SourceFiles {
public:
  /// \p Root relocates files as described above; empty for none.
  explicit SourceFiles(std::string Root = "");

  /// The path \p L's file is read from (whether or not it exists).
  std::string resolve(const SourceLoc &L) const;
  /// \p L's file's path relative to its compilation directory, or its
  /// absolute path when it lies outside.
  static std::string relativeToCompileDir(const SourceLoc &L);

  /// Line \p Line (1-based) of \p L's file without its line break, or
  /// nothing when the file or the line cannot be read.
  std::optional<llvm::StringRef> line(const SourceLoc &L, unsigned Line);
  std::optional<llvm::StringRef> line(const SourceLoc &L) { return line(L, L.Line); }
  /// Every line of \p L's file; empty when it cannot be read.
  llvm::ArrayRef<llvm::StringRef> lines(const SourceLoc &L);

  llvm::StringRef root() const { return Root; }

  /// The paths read so far (whether or not they could be), sorted: the
  /// files whose text a report depends on.
  std::vector<std::string> paths() const;

private:
  struct File {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    llvm::SmallVector<llvm::StringRef, 0> Lines;
  };
  const File &file(const SourceLoc &L);

  std::string Root;
  llvm::StringMap<File> Files;
};

/// \p Text trimmed, with each run of blanks collapsed to one space.
std::string collapseBlanks(llvm::StringRef Text);

} // namespace sdv

#endif // SDV_IR_SOURCEFILES_H
