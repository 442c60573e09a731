//===- Cache.h - Results of earlier checks ----------------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// A check's report, stored under a key that hashes everything the report
// depends on: the tool's own executable, the input files' contents, the
// rules (built in: part of the executable; rule files: their contents), the
// role declarations (--entry, the role map's contents) and the engine's
// precision options. The source files whose text the analysis looked at are
// known only after the check; the entry lists them with their hashes and is
// used only while they are unchanged. Budgets are not in the key: only
// complete analyses are stored, and those do not depend on them.
//
//===----------------------------------------------------------------------===//

#ifndef SDV_DRIVER_CACHE_H
#define SDV_DRIVER_CACHE_H

#include "sdv/Driver/Check.h"

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace sdv {

class ResultCache {
public:
  explicit ResultCache(std::string Dir) : Dir(std::move(Dir)) {}

  /// The key of a check with \p Options; none if an input cannot be read
  /// (the check itself will say why).
  std::optional<std::string> key(const CheckOptions &Options) const;
  /// The report stored under \p Key, if any and still valid.
  std::optional<CheckReport> lookup(llvm::StringRef Key) const;
  /// Stores \p Report under \p Key; failures to write are not errors (the
  /// cache is an optimisation) but are logged.
  void store(llvm::StringRef Key, const CheckReport &Report) const;

private:
  std::string entryPath(llvm::StringRef Key) const;
  std::string Dir;
};

/// The report as JSON, every field kept (unlike the JSON format, which
/// prints what users need).
llvm::json::Value reportToJson(const CheckReport &Report);
/// Reads what reportToJson wrote.
std::optional<CheckReport> reportFromJson(const llvm::json::Value &V);

} // namespace sdv

#endif // SDV_DRIVER_CACHE_H
