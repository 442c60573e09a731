//===- Cache.cpp - Results of earlier checks ------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Cache.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/raw_ostream.h"

#include <spdlog/spdlog.h>

using namespace llvm;

namespace sdv {

//===----------------------------------------------------------------------===//
// The report as JSON
//===----------------------------------------------------------------------===//

static json::Value toJSON(const SourceLoc &L) {
  return json::Object{{"file", L.File},
                      {"dir", L.Directory},
                      {"line", static_cast<int64_t>(L.Line)},
                      {"column", static_cast<int64_t>(L.Column)},
                      {"function", L.Function}};
}

static json::Value toJSON(const TraceEntry &S) {
  return json::Object{{"kind", S.Kind},
                      {"loc", toJSON(S.Loc)},
                      {"message", S.Message},
                      {"depth", static_cast<int64_t>(S.Depth)},
                      {"event", S.Event},
                      {"takesTrue", S.TakesTrue}};
}

template <typename T, typename Fn>
static json::Array arrayOf(const std::vector<T> &Items, Fn Convert) {
  json::Array A;
  for (const T &Item : Items)
    A.push_back(Convert(Item));
  return A;
}

static json::Value toJSON(const Finding &F) {
  json::Object O{{"rule", F.RuleId},
                 {"violation", F.Violation},
                 {"message", F.Message},
                 {"loc", toJSON(F.Loc)},
                 {"entry", F.EntryRoutine},
                 {"role", F.Role},
                 {"object", F.Object},
                 {"function", F.Function},
                 {"trace", arrayOf(F.Trace, [](const TraceEntry &S) { return toJSON(S); })},
                 {"atExit", F.AtExit},
                 {"otherExits",
                  arrayOf(F.OtherExits, [](const TraceEntry &S) { return toJSON(S); })},
                 {"fingerprint", F.Fingerprint}};
  if (F.Related)
    O["related"] = toJSON(*F.Related);
  return O;
}

json::Value reportToJson(const CheckReport &R) {
  auto Strings = [](const std::vector<std::string> &V) {
    return arrayOf(V, [](const std::string &S) { return json::Value(S); });
  };
  return json::Object{
      {"inputs", Strings(R.Inputs)},
      {"rules", arrayOf(R.Rules,
                        [&](const RuleInfo &I) {
                          return json::Object{{"id", I.Id},
                                              {"summary", I.Summary},
                                              {"description", I.Description},
                                              {"helpUri", I.HelpUri},
                                              {"models", Strings(I.Models)}};
                        })},
      {"entries",
       arrayOf(R.Entries,
               [](const EntryInfo &E) {
                 return json::Object{
                     {"function", E.Function},
                     {"loc", toJSON(E.Loc)},
                     {"roles", arrayOf(E.Roles, [](const EntryInfo::Role &Role) {
                        return json::Object{{"name", Role.Name},
                                            {"evidence", Role.Evidence}};
                      })}};
               })},
      {"findings", arrayOf(R.Findings, [](const Finding &F) { return toJSON(F); })},
      {"verdicts", arrayOf(R.Verdicts,
                           [](const RuleVerdict &V) {
                             return json::Object{
                                 {"rule", V.RuleId},
                                 {"result", static_cast<int64_t>(V.Result)},
                                 {"defects", static_cast<int64_t>(V.Defects)},
                                 {"entries", static_cast<int64_t>(V.EntryRoutines)},
                                 {"reason", V.Reason}};
                           })},
      {"warnings", Strings(R.Warnings)},
      {"toolVersion", R.ToolVersion},
      {"sourceFiles", Strings(R.SourceFiles)}};
}

/// Reads a non-negative integer field into \p Out.
static bool mapUnsigned(json::ObjectMapper &O, StringLiteral Field, unsigned &Out) {
  int64_t N = 0;
  if (!O.map(Field, N) || N < 0 || N > UINT_MAX)
    return false;
  Out = static_cast<unsigned>(N);
  return true;
}

static bool fromJSON(const json::Value &V, SourceLoc &L, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("file", L.File) && O.map("dir", L.Directory) &&
         mapUnsigned(O, "line", L.Line) && mapUnsigned(O, "column", L.Column) &&
         O.map("function", L.Function);
}

static bool fromJSON(const json::Value &V, TraceEntry &S, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("kind", S.Kind) && O.map("loc", S.Loc) &&
         O.map("message", S.Message) && mapUnsigned(O, "depth", S.Depth) &&
         O.map("event", S.Event) && O.map("takesTrue", S.TakesTrue);
}

static bool fromJSON(const json::Value &V, Finding &F, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("rule", F.RuleId) && O.map("violation", F.Violation) &&
         O.map("message", F.Message) && O.map("loc", F.Loc) &&
         O.map("entry", F.EntryRoutine) && O.map("role", F.Role) &&
         O.map("object", F.Object) && O.map("function", F.Function) &&
         O.map("trace", F.Trace) && O.map("related", F.Related) &&
         O.map("atExit", F.AtExit) && O.map("otherExits", F.OtherExits) &&
         O.map("fingerprint", F.Fingerprint);
}

static bool fromJSON(const json::Value &V, RuleInfo &I, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("id", I.Id) && O.map("summary", I.Summary) &&
         O.map("description", I.Description) && O.map("helpUri", I.HelpUri) &&
         O.map("models", I.Models);
}

static bool fromJSON(const json::Value &V, EntryInfo::Role &R, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("name", R.Name) && O.map("evidence", R.Evidence);
}

static bool fromJSON(const json::Value &V, EntryInfo &E, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("function", E.Function) && O.map("loc", E.Loc) &&
         O.map("roles", E.Roles);
}

static bool fromJSON(const json::Value &V, RuleVerdict &R, json::Path P) {
  json::ObjectMapper O(V, P);
  unsigned Result = 0;
  if (!(O && O.map("rule", R.RuleId) && mapUnsigned(O, "result", Result) &&
        mapUnsigned(O, "defects", R.Defects) &&
        mapUnsigned(O, "entries", R.EntryRoutines) &&
        O.map("reason", R.Reason)))
    return false;
  if (Result > static_cast<unsigned>(Verdict::Spaceout))
    return false;
  R.Result = static_cast<Verdict>(Result);
  return true;
}

std::optional<CheckReport> reportFromJson(const json::Value &V) {
  CheckReport R;
  json::Path::Root Root("report");
  json::ObjectMapper O(V, Root);
  if (!(O && O.map("inputs", R.Inputs) && O.map("rules", R.Rules) &&
        O.map("entries", R.Entries) && O.map("findings", R.Findings) &&
        O.map("verdicts", R.Verdicts) && O.map("warnings", R.Warnings) &&
        O.map("toolVersion", R.ToolVersion) && O.map("sourceFiles", R.SourceFiles))) {
    consumeError(Root.getError());
    return std::nullopt;
  }
  return R;
}

//===----------------------------------------------------------------------===//
// Keys and entries
//===----------------------------------------------------------------------===//

namespace {

/// SHA-256 of a file's contents, in hex; none if it cannot be read.
std::optional<std::string> fileHash(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  return toHex(SHA256::hash(arrayRefFromStringRef((*Buffer)->getBuffer())),
               /*LowerCase=*/true);
}

/// The running executable's hash: it stands for the built-in rules and
/// roles and for the analysis itself, so that any other build of the tool
/// misses the cache, and the same build shares it across machines. xxHash64:
/// SHA-256 of a build with debug info costs more than checking a small
/// driver.
const std::string &executableHash() {
  static const std::string Hash = [] {
    static int Anchor;
    std::string Path = sys::fs::getMainExecutable(nullptr, &Anchor);
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
    if (!Buffer)
      return "unknown:" + Path;
    return utohexstr(xxHash64((*Buffer)->getBuffer()), /*LowerCase=*/true);
  }();
  return Hash;
}

/// Feeds length-prefixed fields, so that no two field lists hash alike.
class KeyBuilder {
public:
  KeyBuilder &add(StringRef Field) {
    std::string Len = std::to_string(Field.size()) + ":";
    H.update(Len);
    H.update(Field);
    return *this;
  }
  /// The path and the contents' hash; false if the file cannot be read.
  bool addFile(StringRef Path) {
    std::optional<std::string> Hash = fileHash(Path);
    add(Path).add(Hash.value_or("unreadable"));
    return Hash.has_value();
  }
  std::string hex() { return toHex(H.final(), /*LowerCase=*/true); }

private:
  SHA256 H;
};

} // namespace

std::optional<std::string> ResultCache::key(const CheckOptions &Options) const {
  KeyBuilder K;
  K.add("sdv-lite result cache 1").add(toolVersion()).add(executableHash());
  K.add("inputs").add(std::to_string(Options.Roles.Inputs.size()));
  for (const std::string &In : Options.Roles.Inputs)
    if (!K.addFile(In))
      return std::nullopt;
  // The map given, or the one found beside the first input.
  K.add("map");
  std::string Map = roleMapFile(Options.Roles);
  if (!Map.empty() && !K.addFile(Map))
    return std::nullopt;
  K.add("entries").add(std::to_string(Options.Roles.Entries.size()));
  for (const std::string &E : Options.Roles.Entries)
    K.add(E);
  K.add("rules").add(std::to_string(Options.Rules.size()));
  for (const std::string &R : Options.Rules)
    K.add(R);
  K.add("rule files").add(std::to_string(Options.RuleFiles.size()));
  for (const std::string &F : Options.RuleFiles)
    if (!K.addFile(F))
      return std::nullopt;
  K.add("engine")
      .add(std::to_string(Options.Engine.MaxStatesPerBlock))
      .add(std::to_string(Options.Engine.MaxSccRounds));
  return K.hex();
}

std::string ResultCache::entryPath(StringRef Key) const {
  SmallString<256> Path(Dir);
  sys::path::append(Path, "results-v1", Key.take_front(2), Key.str() + ".json");
  return std::string(Path);
}

std::optional<CheckReport> ResultCache::lookup(StringRef Key) const {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(entryPath(Key));
  if (!Buffer)
    return std::nullopt;
  Expected<json::Value> Entry = json::parse((*Buffer)->getBuffer());
  if (!Entry) {
    consumeError(Entry.takeError());
    return std::nullopt;
  }
  const json::Object *O = Entry->getAsObject();
  if (!O || O->getString("key") != Key)
    return std::nullopt;
  const json::Array *Sources = O->getArray("sources");
  if (!Sources)
    return std::nullopt;
  for (const json::Value &S : *Sources) {
    const json::Object *Src = S.getAsObject();
    if (!Src)
      return std::nullopt;
    std::optional<std::string> Now = fileHash(Src->getString("path").value_or(""));
    std::optional<StringRef> Then = Src->getString("sha256");
    if (Now.has_value() != Then.has_value() || (Now && *Now != *Then))
      return std::nullopt;
  }
  const json::Value *Report = O->get("report");
  return Report ? reportFromJson(*Report) : std::nullopt;
}

void ResultCache::store(StringRef Key, const CheckReport &Report) const {
  json::Array Sources;
  for (const std::string &Path : Report.SourceFiles) {
    std::optional<std::string> Hash = fileHash(Path);
    Sources.push_back(json::Object{
        {"path", Path}, {"sha256", Hash ? json::Value(*Hash) : json::Value(nullptr)}});
  }
  json::Value Entry = json::Object{
      {"key", Key}, {"sources", std::move(Sources)}, {"report", reportToJson(Report)}};

  // Written aside and renamed into place: concurrent checks sharing the
  // cache never read half an entry.
  std::string Path = entryPath(Key);
  StringRef Parent = sys::path::parent_path(Path);
  SmallString<256> Temp;
  int FD = -1;
  std::error_code EC = sys::fs::create_directories(Parent);
  if (!EC)
    EC = sys::fs::createUniqueFile(Parent + "/tmp-%%%%%%%%", FD, Temp);
  if (EC) {
    spdlog::warn("cannot write to the cache '{}': {}", Dir, EC.message());
    return;
  }
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Entry;
    OS.close();
    EC = OS.error();
    OS.clear_error();
  }
  if (!EC)
    EC = sys::fs::rename(Temp, Path);
  if (EC) {
    sys::fs::remove(Temp);
    spdlog::warn("cannot write to the cache '{}': {}", Dir, EC.message());
  }
}

} // namespace sdv
