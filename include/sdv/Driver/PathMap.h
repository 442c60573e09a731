//===- sdv/Driver/PathMap.h - Compile databases made on Windows -*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What `sdv-lite build` needs to compile, on Linux, a compile database made
/// on Windows: paths rewritten by `--path-map FROM=TO` (drive letters,
/// backslashes, any case), compile commands with their response files read
/// in, names that differ in case from the files on disk resolved, and a
/// virtual file system overlay that makes clang's header lookup
/// case-insensitive under the driver's include roots.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_DRIVER_PATHMAP_H
#define SDV_DRIVER_PATHMAP_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <vector>

namespace sdv {

/// One `--path-map FROM=TO`.
struct PathMapping {
  std::string From;
  std::string To;
};

/// Parses `FROM=TO` (split at the last `=`, so FROM may hold one; both
/// non-empty).
llvm::Expected<PathMapping> parsePathMapping(llvm::StringRef Spec);

/// Rewrites the paths of a compile database.
class PathMapper {
public:
  explicit PathMapper(std::vector<PathMapping> Mappings = {});

  /// \p Path with the first mapping whose FROM is a prefix of it on a
  /// component boundary applied (compared without case, `\` and `/` alike),
  /// and with every backslash made a slash.
  std::string map(llvm::StringRef Path) const;

  /// Whether a mapping applies to \p Path.
  bool maps(llvm::StringRef Path) const;

  /// \p Path mapped, then its case resolved against the disk (resolveCase)
  /// when it does not exist as written; a relative path (to \p Directory)
  /// stays relative.
  std::string resolve(llvm::StringRef Path, llvm::StringRef Directory) const;

  /// Whether \p Path is a Windows absolute path (`C:\`, `C:/`, `\\server`).
  static bool isWindowsAbsolute(llvm::StringRef Path);

private:
  std::vector<PathMapping> Mappings;
};

/// A compile command's arguments (compiler first) with its paths mapped.
struct MappedCommand {
  std::vector<std::string> Arguments;
  /// The include directories it names (-I, /I, -isystem, /external:I, ...)
  /// and the folders of the files it force-includes, absolute.
  std::vector<std::string> IncludeDirs;
  /// Windows absolute paths no mapping applied to.
  std::vector<std::string> Unmapped;
};

/// Maps the paths in \p Arguments (run in \p Directory, already mapped):
/// the paths of path-valued options, joined (`-Ifoo`, `/FIfoo.h`,
/// `/external:Ifoo`) or separate (`-I foo`), and the inputs. Response files
/// (`@FILE`, UTF-8 or UTF-16 with a byte order mark) are read and their
/// arguments put in their place, tokenized as the driver would (\p ClMode:
/// Windows rules). Names that differ in case from the files on disk are
/// resolved (resolveCase).
llvm::Expected<MappedCommand> mapCommand(llvm::ArrayRef<std::string> Arguments,
                                         llvm::StringRef Directory, bool ClMode,
                                         const PathMapper &Mapper);

/// \p Path made absolute in \p Directory, without `.` and `..`.
llvm::SmallString<256> absoluteIn(llvm::StringRef Directory, llvm::StringRef Path);

/// \p Path (absolute) with each component that does not exist on disk
/// replaced by the one entry of its folder that has the same name but for
/// case (the first in sorted order when several). Stops at the first
/// component that has no such entry.
std::string resolveCase(llvm::StringRef Path);

/// Writes to \p File a clang VFS overlay (`-ivfsoverlay`) that lists every
/// file under \p Roots (absolute folders; hidden folders skipped) with
/// `case-sensitive: false`, so that `#include <Ntddk.h>` finds `ntddk.h`
/// there. A root nested in another is listed once; a root with more than
/// \p MaxFiles files is left out, with a warning in \p Warnings.
llvm::Error writeCaseInsensitiveOverlay(const std::set<std::string> &Roots,
                                        llvm::StringRef File, size_t MaxFiles,
                                        std::vector<std::string> &Warnings);

} // namespace sdv

#endif // SDV_DRIVER_PATHMAP_H
