//===- Batch.cpp - Checking a tree of drivers -----------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Driver/Batch.h"

#include "Cache.h"
#include "sdv/Support/Yaml.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/xxhash.h"

#include <spdlog/spdlog.h>

#include <map>
#include <mutex>

using namespace llvm;

namespace {

struct ManifestDriver {
  std::string Name;
  std::vector<std::string> Inputs;
  std::string Map;
  std::vector<std::string> Entry;
};

struct Manifest {
  std::vector<ManifestDriver> Drivers;
};

} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(ManifestDriver)

namespace llvm::yaml {
template <> struct MappingTraits<ManifestDriver> {
  static void mapping(IO &Io, ManifestDriver &D) {
    Io.mapRequired("name", D.Name);
    Io.mapRequired("inputs", D.Inputs);
    Io.mapOptional("map", D.Map);
    Io.mapOptional("entry", D.Entry);
  }
};
template <> struct MappingTraits<Manifest> {
  static void mapping(IO &Io, Manifest &M) { Io.mapRequired("drivers", M.Drivers); }
};
} // namespace llvm::yaml

namespace sdv {

namespace {

Error inputError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

bool isIRFile(StringRef Path) {
  StringRef Ext = sys::path::extension(Path);
  return Ext == ".bc" || Ext == ".ll";
}

/// The name of the driver of a directory argument's own files: its last
/// path component (`tree` for `tree/`, the working directory's name for
/// `.`).
std::string rootName(StringRef Root) {
  SmallString<256> Path(Root);
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  while (Path.size() > 1 && sys::path::is_separator(Path.back()))
    Path.pop_back();
  StringRef Name = sys::path::filename(Path);
  return Name.empty() ? std::string(Path) : Name.str();
}

/// Collects the drivers under one directory argument: the IR files directly
/// in each directory form the driver named by its path relative to the
/// argument. Hidden entries and symbolic links to directories (which could
/// loop) are skipped; a directory that cannot be listed is a driver with
/// verdict Error.
class TreeWalker {
public:
  TreeWalker(StringRef Root, std::vector<DriverSpec> &Out) : Root(Root), Out(Out) {}
  void walk(StringRef Dir, StringRef Name);

private:
  StringRef Root;
  std::vector<DriverSpec> &Out;
};

void TreeWalker::walk(StringRef Dir, StringRef Name) {
  std::vector<std::string> Files, Dirs;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC, /*follow_symlinks=*/false), End;
       It != End && !EC; It.increment(EC)) {
    StringRef Path = It->path();
    if (sys::path::filename(Path).startswith("."))
      continue;
    sys::fs::file_type Type = It->type();
    if (Type == sys::fs::file_type::symlink_file) {
      sys::fs::file_status Target;
      // A dangling link to a .bc is still an input: loading says why not.
      Type = sys::fs::status(Path, Target) ? sys::fs::file_type::regular_file
                                           : Target.type();
      if (Type == sys::fs::file_type::directory_file)
        continue;
    }
    if (Type == sys::fs::file_type::directory_file)
      Dirs.push_back(Path.str());
    else if (isIRFile(Path))
      Files.push_back(Path.str());
  }
  std::string DriverName = Name.empty() ? rootName(Root) : Name.str();
  if (EC) {
    Out.push_back({DriverName, {}, "", {}, "cannot read directory '" + Dir.str() +
                                               "': " + EC.message()});
    return;
  }
  llvm::sort(Files);
  llvm::sort(Dirs);
  if (!Files.empty())
    Out.push_back({DriverName, Files, "", {}, ""});
  for (const std::string &D : Dirs) {
    std::string Child = sys::path::filename(D).str();
    walk(D, Name.empty() ? Child : (Name + "/" + Child).str());
  }
}

Expected<DriverSpec> parseDriverOption(StringRef Spec) {
  auto [Name, Files] = Spec.split('=');
  Name = Name.trim();
  SmallVector<StringRef, 4> Inputs;
  Files.split(Inputs, ',', -1, /*KeepEmpty=*/false);
  if (!Spec.contains('=') || Name.empty() || Inputs.empty())
    return inputError("invalid --driver '" + Spec + "': expected NAME=FILE[,FILE...]");
  DriverSpec D;
  D.Name = Name.str();
  for (StringRef In : Inputs)
    D.Inputs.push_back(In.trim().str());
  return D;
}

/// Paths in a manifest are relative to the manifest's directory.
std::string besideManifest(StringRef Manifest, StringRef Path) {
  if (Path.empty() || sys::path::is_absolute(Path))
    return Path.str();
  SmallString<256> Out(sys::path::parent_path(Manifest));
  sys::path::append(Out, Path);
  return std::string(Out);
}

Error readManifest(StringRef Path, std::vector<DriverSpec> &Out) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path, true);
  if (!Buffer)
    return inputError("cannot read manifest '" + Path +
                      "': " + Buffer.getError().message());
  Manifest M;
  if (Error E = readYaml((*Buffer)->getBuffer(), Path, M))
    return E;
  for (const ManifestDriver &MD : M.Drivers) {
    if (MD.Name.empty() || MD.Inputs.empty())
      return inputError(Path + ": driver '" + MD.Name +
                        "' needs a name and at least one input");
    DriverSpec D;
    D.Name = MD.Name;
    for (const std::string &In : MD.Inputs)
      D.Inputs.push_back(besideManifest(Path, In));
    D.MapFile = besideManifest(Path, MD.Map);
    D.Entries = MD.Entry;
    Out.push_back(std::move(D));
  }
  return Error::success();
}

} // namespace

Expected<std::vector<DriverSpec>> collectDrivers(const BatchInputs &Inputs) {
  std::vector<DriverSpec> Drivers;
  DriverSpec Loose;
  for (const std::string &Path : Inputs.Paths) {
    if (!sys::fs::is_directory(Path)) {
      Loose.Name = Loose.Name.empty() ? Path : Loose.Name;
      Loose.Inputs.push_back(Path);
      continue;
    }
    size_t Before = Drivers.size();
    TreeWalker(Path, Drivers).walk(Path, "");
    if (Drivers.size() == Before)
      return inputError("'" + Path + "': is a directory, not an IR file, and no "
                        ".bc or .ll file is under it");
  }
  if (!Loose.Inputs.empty())
    Drivers.push_back(std::move(Loose));
  for (const std::string &Spec : Inputs.DriverSpecs) {
    Expected<DriverSpec> D = parseDriverOption(Spec);
    if (!D)
      return D.takeError();
    Drivers.push_back(std::move(*D));
  }
  if (!Inputs.ManifestFile.empty())
    if (Error E = readManifest(Inputs.ManifestFile, Drivers))
      return std::move(E);
  llvm::stable_sort(Drivers, [](const DriverSpec &A, const DriverSpec &B) {
    return A.Name < B.Name;
  });
  for (size_t I = 1; I < Drivers.size(); ++I)
    if (Drivers[I].Name == Drivers[I - 1].Name)
      return inputError("two drivers are named '" + Drivers[I].Name +
                        "' (name them apart with --driver or --manifest)");
  return Drivers;
}

Expected<Shard> parseShard(StringRef Text) {
  auto [K, N] = Text.split('/');
  Shard S;
  if (!to_integer(K.trim(), S.Index, 10) || !to_integer(N.trim(), S.Count, 10) ||
      S.Count == 0 || S.Index == 0 || S.Index > S.Count)
    return inputError("invalid --shard '" + Text + "': expected K/N with 1 <= K <= N");
  return S;
}

bool inShard(StringRef Name, Shard S) { return xxHash64(Name) % S.Count == S.Index - 1; }

std::vector<DriverSpec> selectShard(std::vector<DriverSpec> Drivers, Shard S) {
  llvm::erase_if(Drivers, [&](const DriverSpec &D) { return !inShard(D.Name, S); });
  return Drivers;
}

std::string defaultCacheDir() {
  SmallString<256> Dir;
  if (std::optional<std::string> Xdg = sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && !Xdg->empty()) {
    Dir = *Xdg;
  } else if (std::optional<std::string> Home = sys::Process::GetEnv("HOME");
             Home && !Home->empty()) {
    Dir = *Home;
    sys::path::append(Dir, ".cache");
  } else {
    return "";
  }
  sys::path::append(Dir, "sdv-lite");
  return std::string(Dir);
}

namespace {

/// Whether a report can be reused: analyses stopped at a budget depend on
/// the machine's load and are run again.
bool cacheable(const CheckReport &R) {
  return none_of(R.Verdicts, [](const RuleVerdict &V) {
    return V.Result == Verdict::Timeout || V.Result == Verdict::Spaceout;
  });
}

DriverResult checkDriver(const DriverSpec &Spec, const BatchOptions &Options,
                         const ResultCache *Cache) {
  auto Start = std::chrono::steady_clock::now();
  DriverResult R;
  R.Name = Spec.Name;
  R.Inputs = Spec.Inputs;
  auto Finish = [&]() -> DriverResult {
    R.Seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
    return std::move(R);
  };
  if (!Spec.Error.empty()) {
    R.Error = Spec.Error;
    return Finish();
  }
  CheckOptions Check = Options.Check;
  Check.Roles.Inputs = Spec.Inputs;
  if (!Spec.MapFile.empty())
    Check.Roles.MapFile = Spec.MapFile;
  append_range(Check.Roles.Entries, Spec.Entries);
  Check.Roles.DumpCanonicalIR.clear();
  // Many drivers in one process: each one's IR goes when it is done.
  Check.FreeModule = true;
  Check.Engine.Deadline.reset();
  if (Options.TimeoutSeconds > 0)
    Check.Engine.Deadline =
        Start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double>(Options.TimeoutSeconds));

  std::optional<std::string> Key = Cache ? Cache->key(Check) : std::nullopt;
  if (Key)
    if (std::optional<CheckReport> Hit = Cache->lookup(*Key)) {
      Hit->Inputs = Spec.Inputs;
      R.Report = std::move(*Hit);
      R.Cached = true;
      return Finish();
    }
  Expected<CheckReport> Report = runCheck(Check);
  if (!Report) {
    R.Error = toString(Report.takeError());
    return Finish();
  }
  if (Key && cacheable(*Report))
    Cache->store(*Key, *Report);
  R.Report = std::move(*Report);
  return Finish();
}

} // namespace

BatchResults runBatch(const std::vector<DriverSpec> &Drivers, BatchOptions &Options) {
  BatchResults Results(Drivers.size());
  std::optional<ResultCache> Cache;
  if (!Options.CacheDir.empty())
    Cache.emplace(Options.CacheDir);
  std::mutex Mutex;
  BatchProgress Progress;
  Progress.Total = Drivers.size();
  ThreadPool Pool(hardware_concurrency(Options.Jobs));
  for (size_t I = 0; I < Drivers.size(); ++I)
    Pool.async([&, I] {
      DriverResult R = checkDriver(Drivers[I], Options, Cache ? &*Cache : nullptr);
      std::lock_guard<std::mutex> Lock(Mutex);
      ++Progress.Done;
      Progress.Defects += R.defects();
      Progress.Driver = R.Name;
      Results[I] = std::move(R);
      if (Options.OnProgress)
        Options.OnProgress(Progress);
    });
  Pool.wait();
  return Results;
}

} // namespace sdv
