//===- Build.cpp - Bitcode from a compile database ------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Driver/Build.h"
#include "sdv/Driver/PathMap.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/xxhash.h"

#include <map>
#include <set>

using namespace llvm;

namespace sdv {

namespace {

/// Files listed at most in the case-insensitive overlay, per include root.
constexpr size_t MaxOverlayFiles = 200000;

struct Unit {
  std::string Directory;
  std::string File;
  std::vector<std::string> Arguments;
  std::string Output;
  /// Include roots of its command (see MappedCommand).
  std::vector<std::string> IncludeDirs;
  /// Filled in by the build.
  std::string Driver;
  std::string Bitcode;
  std::string Error;
};

Error dbError(StringRef Db, const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "'" + Db + "': " + Message);
}

bool isClDriver(StringRef Compiler) {
  // Windows style: `\` and `/` both separate.
  StringRef Name = sys::path::filename(Compiler, sys::path::Style::windows);
  Name.consume_back_insensitive(".exe");
  return Name.equals_insensitive("cl") || Name.startswith_insensitive("clang-cl");
}

std::vector<std::string> tokenize(StringRef Command) {
  BumpPtrAllocator Alloc;
  StringSaver Saver(Alloc);
  SmallVector<const char *, 32> Argv;
  // A cl.exe command follows Windows' quoting rules, where `\` is no escape,
  // down to its compiler's path.
  cl::TokenizeWindowsCommandLine(Command, Saver, Argv);
  if (Argv.empty() || !isClDriver(Argv[0])) {
    Argv.clear();
    cl::TokenizeGNUCommandLine(Command, Saver, Argv);
  }
  return std::vector<std::string>(Argv.begin(), Argv.end());
}

Expected<std::vector<Unit>> readDatabase(StringRef Db) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Db, true);
  if (!Buffer)
    return dbError(Db, "cannot read: " + Buffer.getError().message());
  Expected<json::Value> Json = json::parse((*Buffer)->getBuffer());
  if (!Json)
    return dbError(Db, "not valid JSON: " + toString(Json.takeError()));
  const json::Array *Entries = Json->getAsArray();
  if (!Entries)
    return dbError(Db, "not a compile database (expected an array of commands)");
  std::vector<Unit> Units;
  for (size_t I = 0; I < Entries->size(); ++I) {
    const json::Object *E = (*Entries)[I].getAsObject();
    std::optional<StringRef> Dir = E ? E->getString("directory") : std::nullopt;
    std::optional<StringRef> File = E ? E->getString("file") : std::nullopt;
    if (!Dir || !File)
      return dbError(Db, "entry " + Twine(I) + " has no 'directory' or 'file'");
    Unit U;
    U.Directory = Dir->str();
    U.File = File->str();
    U.Output = E->getString("output").value_or("").str();
    if (const json::Array *Args = E->getArray("arguments")) {
      for (const json::Value &A : *Args)
        if (std::optional<StringRef> S = A.getAsString())
          U.Arguments.push_back(S->str());
    } else if (std::optional<StringRef> Command = E->getString("command")) {
      U.Arguments = tokenize(*Command);
    }
    if (U.Arguments.empty())
      return dbError(Db, "entry " + Twine(I) + " has no 'arguments' or 'command'");
    Units.push_back(std::move(U));
  }
  return Units;
}

/// The CMake target a unit belongs to (`CMakeFiles/<target>.dir/` in its
/// output), else its source directory relative to the deepest folder it
/// shares with the database's.
std::string driverOf(const Unit &U, StringRef DbDir) {
  StringRef Out = U.Output;
  size_t At = Out.find("CMakeFiles/");
  if (At != StringRef::npos) {
    StringRef Target = Out.drop_front(At + strlen("CMakeFiles/"));
    size_t End = Target.find(".dir/");
    if (End != StringRef::npos && End > 0)
      return Target.take_front(End).str();
  }
  SmallString<256> Source = absoluteIn(U.Directory, U.File);
  StringRef Dir = sys::path::parent_path(Source);
  // The deepest folder the source's shares with the database's (a database
  // in a build folder beside the sources).
  StringRef Base = DbDir;
  while (!Base.empty() && Base != "/") {
    StringRef Rel = Dir;
    if (Rel.consume_front(Base) && (Rel.empty() || Rel.front() == '/')) {
      Rel = Rel.drop_while([](char C) { return C == '/'; });
      return Rel.empty() ? sys::path::filename(Base).str() : Rel.str();
    }
    Base = sys::path::parent_path(Base);
  }
  return Dir.str();
}

std::string sanitize(StringRef Name) {
  std::string Out;
  for (char C : Name)
    Out += isAlnum(C) || C == '-' || C == '_' || C == '.' ? C : '_';
  return Out;
}

/// The first error line of the compiler's output (else its first line).
std::string firstError(StringRef Text) {
  SmallVector<StringRef, 16> Lines;
  Text.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef L : Lines)
    if (L.contains("error:"))
      return L.trim().str();
  return Lines.empty() ? "the compiler failed without a message" : Lines[0].trim().str();
}

/// \p S quoted for /bin/sh.
std::string shellQuote(StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += "'\\''";
    else
      Out += C;
  }
  return Out + "'";
}

/// Compiles \p U in its directory. LLVM's process API has no working
/// directory, so the command runs through `/bin/sh -c 'cd DIR && exec ...'`.
void compile(Unit &U, const BuildOptions &Options, StringRef Overlay) {
  if (!U.Error.empty())
    return;
  std::vector<std::string> Added;
  if (!Overlay.empty()) {
    if (isClDriver(U.Arguments[0]))
      append_range(Added, std::vector<std::string>{"/clang:-ivfsoverlay",
                                                   "/clang:" + Overlay.str()});
    else
      append_range(Added, std::vector<std::string>{"-ivfsoverlay", Overlay.str()});
  }
  append_range(Added, Options.ExtraArgs);
  std::vector<std::string> Command =
      bitcodeCommand(U.Arguments, Options.Clang, U.Bitcode, Added);
  SmallString<128> Log;
  if (std::error_code EC = sys::fs::createTemporaryFile("sdv-lite-cc", "log", Log)) {
    U.Error = "cannot create a temporary file: " + EC.message();
    return;
  }
  std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(Log), StringRef(Log)};
  std::string Script = "cd " + shellQuote(U.Directory) + " && exec";
  for (const std::string &A : Command)
    Script += " " + shellQuote(A);
  StringRef ShArgs[] = {"/bin/sh", "-c", Script};
  std::string ExecError;
  int RC = sys::ExecuteAndWait("/bin/sh", ShArgs, std::nullopt, Redirects, 0, 0,
                               &ExecError);
  ErrorOr<std::unique_ptr<MemoryBuffer>> Output = MemoryBuffer::getFile(Log);
  sys::fs::remove(Log);
  if (RC == 0)
    return;
  U.Error = "cannot compile '" + U.File + "': " +
            (RC < 0 ? ExecError : firstError(Output ? (*Output)->getBuffer() : ""));
}

/// Maps the units' paths and reads their response files (PathMap.h). A
/// unit whose command cannot be read gets the error; each Windows path no
/// mapping covers is a warning, once per drive or share and first folder,
/// and an error when it is a unit's directory.
Error mapPaths(std::vector<Unit> &Units, ArrayRef<PathMapping> Maps, StringRef Db,
               StringRef DbDir, std::vector<std::string> &Warnings) {
  PathMapper Mapper(Maps);
  // By the prefix without case: the first spelling seen.
  std::map<std::string, std::string> Unmapped;
  auto NoteUnmapped = [&](StringRef Path) {
    if (!PathMapper::isWindowsAbsolute(Path) || Mapper.maps(Path))
      return;
    std::string Slashed = Mapper.map(Path);
    SmallVector<StringRef, 4> Parts;
    StringRef(Slashed).split(Parts, '/', 3, /*KeepEmpty=*/false);
    Parts.resize(std::min<size_t>(Parts.size(), 2));
    std::string Prefix = join(Parts, "\\");
    Unmapped.emplace(StringRef(Prefix).lower(), Prefix);
  };
  for (Unit &U : Units) {
    if (PathMapper::isWindowsAbsolute(U.Directory) && !Mapper.maps(U.Directory))
      return dbError(Db, "the directory '" + U.Directory +
                             "' is a Windows path: map it with --path-map "
                             "'WINDOWS-FOLDER=LINUX-FOLDER'");
    U.Directory = std::string(absoluteIn(DbDir, Mapper.resolve(U.Directory, DbDir)));
    NoteUnmapped(U.File);
    U.File = Mapper.resolve(U.File, U.Directory);
    U.Output = Mapper.map(U.Output);
    Expected<MappedCommand> Command =
        mapCommand(U.Arguments, U.Directory, isClDriver(U.Arguments[0]), Mapper);
    if (!Command) {
      U.Error = "cannot read the command of '" + U.File +
                "': " + toString(Command.takeError());
      continue;
    }
    for (const std::string &Path : Command->Unmapped)
      NoteUnmapped(Path);
    U.Arguments = std::move(Command->Arguments);
    U.IncludeDirs = std::move(Command->IncludeDirs);
  }
  for (const auto &KV : Unmapped)
    Warnings.push_back("the compile database names Windows paths under '" + KV.second +
                       "' that no --path-map covers");
  return Error::success();
}

/// The folders under which header lookup ignores case: the targets of the
/// path mappings, the units' include folders and their sources' folders.
std::set<std::string> includeRoots(ArrayRef<Unit> Units, ArrayRef<PathMapping> Maps) {
  std::set<std::string> Roots;
  for (const PathMapping &M : Maps)
    if (sys::path::is_absolute(M.To))
      Roots.insert(resolveCase(M.To));
  for (const Unit &U : Units) {
    Roots.insert(U.IncludeDirs.begin(), U.IncludeDirs.end());
    Roots.insert(sys::path::parent_path(absoluteIn(U.Directory, U.File)).str());
  }
  std::set<std::string> Clean;
  for (const std::string &R : Roots) {
    std::string C = R;
    while (C.size() > 1 && C.back() == '/')
      C.pop_back();
    Clean.insert(C);
  }
  return Clean;
}

bool isHeader(StringRef Path) {
  std::string Ext = sys::path::extension(Path).lower();
  return is_contained(std::initializer_list<StringRef>{".h", ".hh", ".hpp", ".hxx",
                                                       ".h++", ".inl", ".inc", ".tlh"},
                      Ext);
}

std::string realPath(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, true);
  SmallString<256> Real;
  if (!sys::fs::real_path(Abs, Real))
    return std::string(Real);
  return std::string(Abs);
}

/// The drivers \p Changed touches: a unit's source selects its driver; a
/// header, the drivers with a unit in its folder or below, else (a shared
/// header) every driver.
std::set<std::string> touchedDrivers(ArrayRef<Unit> Units,
                                     ArrayRef<std::string> Changed) {
  std::vector<std::pair<std::string, const Unit *>> Sources;
  for (const Unit &U : Units)
    Sources.emplace_back(realPath(absoluteIn(U.Directory, U.File)), &U);
  std::set<std::string> Touched;
  for (const std::string &File : Changed) {
    std::string Path = realPath(File);
    bool Found = false;
    for (const auto &S : Sources)
      if (S.first == Path) {
        Touched.insert(S.second->Driver);
        Found = true;
      }
    if (Found || !isHeader(Path))
      continue;
    StringRef Dir = sys::path::parent_path(Path);
    for (const auto &S : Sources) {
      StringRef Rest = S.first;
      if (Rest.consume_front(Dir) && !Rest.empty() && Rest.front() == '/') {
        Touched.insert(S.second->Driver);
        Found = true;
      }
    }
    if (!Found)
      for (const Unit &U : Units)
        Touched.insert(U.Driver);
  }
  return Touched;
}

} // namespace

std::vector<std::string> bitcodeCommand(ArrayRef<std::string> Arguments,
                                        StringRef Clang, StringRef Output,
                                        ArrayRef<std::string> Added) {
  std::vector<std::string> Out = {Clang.str()};
  if (Arguments.empty())
    return Out;
  bool Cl = isClDriver(Arguments[0]);
  if (Cl)
    Out.push_back("--driver-mode=cl");
  // Inputs after a `--`, which the added options must precede.
  ArrayRef<std::string> Inputs;
  for (size_t I = 1; I < Arguments.size(); ++I) {
    StringRef A = Arguments[I];
    if (A == "--") {
      Inputs = Arguments.drop_front(I);
      break;
    }
    if (Cl && (A == "/link" || A == "-link"))
      break;
    // Options that take the next argument and name an output.
    if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
      ++I;
      continue;
    }
    if (A == "-c" || A == "-S" || A == "-E" || A == "-M" || A == "-MM" ||
        A == "-MD" || A == "-MMD" || A == "-emit-llvm" || A.startswith("-o") ||
        A.startswith("-MF") || A.startswith("-MT") || A.startswith("-MQ"))
      continue;
    if (Cl && (A.size() > 1 && (A[0] == '/' || A[0] == '-'))) {
      StringRef Opt = A.drop_front();
      if (Opt == "c" || Opt.startswith("Fo") || Opt.startswith("Fe") ||
          Opt.startswith("Fd") || Opt.startswith("Fa") || Opt.startswith("Fp") ||
          Opt.startswith("Yu") || Opt.startswith("Yc") || Opt == "showIncludes")
        continue;
    }
    Out.push_back(A.str());
  }
  append_range(Out, Added);
  if (Cl)
    append_range(Out, std::vector<std::string>{"/c", "/Z7", "/clang:-emit-llvm",
                                               "/clang:-gcolumn-info", "/clang:-o",
                                               "/clang:" + Output.str()});
  else
    append_range(Out, std::vector<std::string>{"-c", "-emit-llvm", "-g", "-gcolumn-info",
                                               "-o", Output.str()});
  append_range(Out, Inputs);
  return Out;
}

Expected<BuildResult> buildDrivers(const BuildOptions &Options) {
  Expected<std::vector<Unit>> Units = readDatabase(Options.CompileDatabase);
  if (!Units)
    return Units.takeError();
  SmallString<256> DbDir(Options.CompileDatabase);
  sys::fs::make_absolute(DbDir);
  sys::path::remove_filename(DbDir);
  sys::path::remove_dots(DbDir, true);
  BuildResult Result;
  if (Error E = mapPaths(*Units, Options.PathMaps, Options.CompileDatabase, DbDir,
                         Result.Warnings))
    return E;
  for (Unit &U : *Units)
    U.Driver = driverOf(U, DbDir);
  if (Options.OnlyShard)
    llvm::erase_if(*Units,
                   [&](const Unit &U) { return !inShard(U.Driver, *Options.OnlyShard); });
  if (Options.Changed) {
    std::set<std::string> Touched = touchedDrivers(*Units, *Options.Changed);
    Result.Untouched = llvm::count_if(*Units, [&](const Unit &U) {
      return !Touched.count(U.Driver);
    });
    llvm::erase_if(*Units, [&](const Unit &U) { return !Touched.count(U.Driver); });
  }
  for (Unit &U : *Units) {
    std::string Source(absoluteIn(U.Directory, U.File).str());
    SmallString<256> Bc(Options.OutputDir);
    sys::fs::make_absolute(Bc);
    sys::path::append(Bc, sanitize(U.Driver),
                      sys::path::stem(U.File) + "-" +
                          utohexstr(xxHash64(Source) & 0xffffffff, true) + ".bc");
    U.Bitcode = std::string(Bc);
    if (std::error_code EC = sys::fs::create_directories(sys::path::parent_path(Bc)))
      return dbError(Options.OutputDir, "cannot create: " + EC.message());
  }
  std::string Overlay;
  if (!Units->empty() &&
      Options.CaseInsensitiveIncludes.value_or(!Options.PathMaps.empty())) {
    SmallString<256> File(Options.OutputDir);
    sys::fs::make_absolute(File);
    sys::path::append(File, "case-insensitive.vfsoverlay.yaml");
    if (Error E = writeCaseInsensitiveOverlay(includeRoots(*Units, Options.PathMaps), File,
                                              MaxOverlayFiles, Result.Warnings))
      return E;
    Overlay = std::string(File);
  }
  {
    ThreadPool Pool(hardware_concurrency(Options.Jobs));
    for (Unit &U : *Units)
      Pool.async([&U, &Options, &Overlay] { compile(U, Options, Overlay); });
    Pool.wait();
  }

  std::map<std::string, DriverSpec> ByName;
  for (Unit &U : *Units) {
    DriverSpec &D = ByName[U.Driver];
    D.Name = U.Driver;
    D.Inputs.push_back(U.Bitcode);
    if (U.Error.empty())
      continue;
    Result.CompileErrors.push_back(U.Error);
    if (D.Error.empty())
      D.Error = U.Error;
  }
  for (auto &KV : ByName) {
    llvm::sort(KV.second.Inputs);
    Result.Drivers.push_back(std::move(KV.second));
  }
  llvm::sort(Result.CompileErrors);
  return Result;
}

} // namespace sdv
