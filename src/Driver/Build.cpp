//===- Build.cpp - Bitcode from a compile database ------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Driver/Build.h"

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

using namespace llvm;

namespace sdv {

namespace {

struct Unit {
  std::string Directory;
  std::string File;
  std::vector<std::string> Arguments;
  std::string Output;
  /// Filled in by the build.
  std::string Driver;
  std::string Bitcode;
  std::string Error;
};

Error dbError(StringRef Db, const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "'" + Db + "': " + Message);
}

bool isClDriver(StringRef Compiler) {
  StringRef Name = sys::path::filename(Compiler);
  Name.consume_back_insensitive(".exe");
  return Name.equals_insensitive("cl") || Name.startswith_insensitive("clang-cl");
}

std::vector<std::string> tokenize(StringRef Command) {
  BumpPtrAllocator Alloc;
  StringSaver Saver(Alloc);
  SmallVector<const char *, 32> Argv;
  cl::TokenizeGNUCommandLine(Command, Saver, Argv);
  if (!Argv.empty() && isClDriver(Argv[0])) {
    Argv.clear();
    cl::TokenizeWindowsCommandLine(Command, Saver, Argv);
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

std::string absoluteIn(StringRef Dir, StringRef Path) {
  if (sys::path::is_absolute(Path))
    return Path.str();
  SmallString<256> Out(Dir);
  sys::path::append(Out, Path);
  sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
  return std::string(Out);
}

/// The CMake target a unit belongs to (`CMakeFiles/<target>.dir/` in its
/// output), else its source directory relative to the database's.
std::string driverOf(const Unit &U, StringRef DbDir) {
  StringRef Out = U.Output;
  size_t At = Out.find("CMakeFiles/");
  if (At != StringRef::npos) {
    StringRef Target = Out.drop_front(At + strlen("CMakeFiles/"));
    size_t End = Target.find(".dir/");
    if (End != StringRef::npos && End > 0)
      return Target.take_front(End).str();
  }
  std::string Source = absoluteIn(U.Directory, U.File);
  StringRef Dir = sys::path::parent_path(Source);
  StringRef Rel = Dir;
  if (Rel.consume_front(DbDir) && (Rel.empty() || Rel.front() == '/')) {
    Rel = Rel.drop_while([](char C) { return C == '/'; });
    return Rel.empty() ? sys::path::filename(DbDir).str() : Rel.str();
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
void compile(Unit &U, StringRef Clang) {
  std::vector<std::string> Command = bitcodeCommand(U.Arguments, Clang, U.Bitcode);
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

} // namespace

std::vector<std::string> bitcodeCommand(ArrayRef<std::string> Arguments,
                                        StringRef Clang, StringRef Output) {
  std::vector<std::string> Out = {Clang.str()};
  if (Arguments.empty())
    return Out;
  bool Cl = isClDriver(Arguments[0]);
  if (Cl)
    Out.push_back("--driver-mode=cl");
  for (size_t I = 1; I < Arguments.size(); ++I) {
    StringRef A = Arguments[I];
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
  if (Cl) {
    append_range(Out, std::vector<std::string>{"/c", "/Z7", "/clang:-emit-llvm",
                                               "/clang:-gcolumn-info", "/clang:-o",
                                               "/clang:" + Output.str()});
    return Out;
  }
  append_range(Out, std::vector<std::string>{"-c", "-emit-llvm", "-g", "-gcolumn-info",
                                             "-o", Output.str()});
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
  for (Unit &U : *Units)
    U.Driver = driverOf(U, DbDir);
  if (Options.OnlyShard)
    llvm::erase_if(*Units,
                   [&](const Unit &U) { return !inShard(U.Driver, *Options.OnlyShard); });
  for (Unit &U : *Units) {
    std::string Source = absoluteIn(U.Directory, U.File);
    SmallString<256> Bc(Options.OutputDir);
    sys::fs::make_absolute(Bc);
    sys::path::append(Bc, sanitize(U.Driver),
                      sys::path::stem(U.File) + "-" +
                          utohexstr(xxHash64(Source) & 0xffffffff, true) + ".bc");
    U.Bitcode = std::string(Bc);
    if (std::error_code EC = sys::fs::create_directories(sys::path::parent_path(Bc)))
      return dbError(Options.OutputDir, "cannot create: " + EC.message());
  }
  {
    ThreadPool Pool(hardware_concurrency(Options.Jobs));
    for (Unit &U : *Units)
      Pool.async([&U, &Options] { compile(U, Options.Clang); });
    Pool.wait();
  }

  std::map<std::string, DriverSpec> ByName;
  BuildResult Result;
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
