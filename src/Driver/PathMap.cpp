//===- PathMap.cpp - Compile databases made on Windows --------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Driver/PathMap.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;

namespace sdv {

Expected<PathMapping> parsePathMapping(StringRef Spec) {
  size_t Eq = Spec.rfind('=');
  if (Eq == StringRef::npos || Eq == 0 || Eq + 1 == Spec.size())
    return createStringError(inconvertibleErrorCode(),
                             "--path-map '" + Spec + "': expected FROM=TO");
  return PathMapping{Spec.take_front(Eq).str(), Spec.drop_front(Eq + 1).str()};
}

PathMapper::PathMapper(std::vector<PathMapping> Maps) : Mappings(std::move(Maps)) {}

bool PathMapper::isWindowsAbsolute(StringRef Path) {
  if (Path.size() >= 3 && isAlpha(Path[0]) && Path[1] == ':' &&
      (Path[2] == '\\' || Path[2] == '/'))
    return true;
  return Path.startswith("\\\\");
}

namespace {

bool isSeparator(char C) { return C == '/' || C == '\\'; }

/// The length of \p Path's prefix that \p From names (without case, `\` and
/// `/` alike, ending on a component boundary), or 0.
size_t matchPrefix(StringRef Path, StringRef From) {
  while (From.size() > 1 && isSeparator(From.back()))
    From = From.drop_back();
  if (From.size() > Path.size())
    return 0;
  for (size_t I = 0; I < From.size(); ++I) {
    char A = Path[I], B = From[I];
    if (isSeparator(A) && isSeparator(B))
      continue;
    if (toLower(A) != toLower(B))
      return 0;
  }
  if (From.size() == Path.size() || isSeparator(Path[From.size()]) ||
      isSeparator(From.back()))
    return From.size();
  return 0;
}

std::string slashes(StringRef Path) {
  std::string Out = Path.str();
  std::replace(Out.begin(), Out.end(), '\\', '/');
  return Out;
}

} // namespace

bool PathMapper::maps(StringRef Path) const {
  return any_of(Mappings, [&](const PathMapping &M) { return matchPrefix(Path, M.From); });
}

std::string PathMapper::map(StringRef Path) const {
  for (const PathMapping &M : Mappings) {
    size_t N = matchPrefix(Path, M.From);
    if (!N)
      continue;
    StringRef Rest = Path.drop_front(N);
    std::string To = slashes(M.To);
    if (!Rest.empty() && isSeparator(Rest.front()) && !To.empty() && To.back() == '/')
      Rest = Rest.drop_front();
    return To + slashes(Rest);
  }
  return slashes(Path);
}

SmallString<256> absoluteIn(StringRef Directory, StringRef Path) {
  SmallString<256> Abs;
  if (!sys::path::is_absolute(Path))
    Abs = Directory;
  sys::path::append(Abs, Path);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return Abs;
}

std::string PathMapper::resolve(StringRef Path, StringRef Directory) const {
  std::string Mapped = map(Path);
  SmallString<256> Abs = absoluteIn(Directory, Mapped);
  if (sys::fs::exists(Abs))
    return Mapped;
  std::string Resolved = resolveCase(Abs);
  if (sys::path::is_absolute(Mapped))
    return Resolved;
  StringRef Rel = Resolved;
  if (Rel.consume_front(Directory) && !Rel.empty() && Rel.front() == '/')
    return Rel.drop_front().str();
  return Resolved;
}

std::string resolveCase(StringRef Path) {
  if (Path.empty() || sys::fs::exists(Path))
    return Path.str();
  SmallString<256> Out(sys::path::root_path(Path));
  StringRef Relative = sys::path::relative_path(Path);
  for (auto It = sys::path::begin(Relative), End = sys::path::end(Relative); It != End;
       ++It) {
    SmallString<256> Next(Out);
    sys::path::append(Next, *It);
    if (!sys::fs::exists(Next)) {
      std::string Match;
      std::error_code EC;
      for (sys::fs::directory_iterator D(Out.empty() ? "." : Out.str(), EC), DEnd;
           !EC && D != DEnd; D.increment(EC)) {
        StringRef Name = sys::path::filename(D->path());
        if (Name.equals_insensitive(*It) && (Match.empty() || Name < Match))
          Match = Name.str();
      }
      if (Match.empty()) {
        // Nothing on disk to resolve it to: the rest stays as written.
        for (; It != End; ++It)
          sys::path::append(Out, *It);
        return std::string(Out);
      }
      Next = Out;
      sys::path::append(Next, Match);
    }
    Out = Next;
  }
  return std::string(Out);
}

namespace {

/// What a path-valued option's path is to header lookup.
enum class PathKind {
  /// An include folder: an include root.
  IncludeDir,
  /// A file read as source: its folder is an include root.
  SourceFile,
  /// Anything else.
  Other,
};

/// Path-valued compiler options, longest first within a family so that a
/// name is never taken for a shorter one's joined form.
struct PathOption {
  StringRef Name;
  PathKind Kind;
};

const PathOption GnuPathOptions[] = {
    {"--include-directory=", PathKind::IncludeDir},
    {"-idirafter", PathKind::IncludeDir},
    {"-ivfsoverlay", PathKind::Other},
    {"-isysroot", PathKind::Other},
    {"-isystem", PathKind::IncludeDir},
    {"-imacros", PathKind::SourceFile},
    {"-include", PathKind::SourceFile},
    {"-iquote", PathKind::IncludeDir},
    {"-imsvc", PathKind::IncludeDir},
    {"-I", PathKind::IncludeDir},
};

/// cl.exe options, written with `/` or `-`.
const PathOption ClPathOptions[] = {
    {"external:I", PathKind::IncludeDir}, {"imsvc", PathKind::IncludeDir},
    {"FI", PathKind::SourceFile},         {"Tc", PathKind::SourceFile},
    {"Tp", PathKind::SourceFile},         {"I", PathKind::IncludeDir},
};

/// The option of \p Arg among \p Options and the length of its prefix.
template <size_t N>
const PathOption *findOption(StringRef Arg, const PathOption (&Options)[N],
                             size_t &PrefixLen, bool ClMode) {
  StringRef Body = Arg;
  size_t Lead = 0;
  if (ClMode) {
    if (Body.empty() || (Body[0] != '/' && Body[0] != '-'))
      return nullptr;
    Body = Body.drop_front();
    Lead = 1;
  }
  for (const PathOption &O : Options)
    if (Body.startswith(O.Name)) {
      PrefixLen = Lead + O.Name.size();
      return &O;
    }
  return nullptr;
}

class CommandMapper {
public:
  CommandMapper(StringRef Directory, bool ClMode, const PathMapper &Mapper)
      : Directory(Directory), ClMode(ClMode), Mapper(Mapper) {}

  Error run(ArrayRef<std::string> Arguments, MappedCommand &Out) {
    if (Arguments.empty())
      return Error::success();
    Out.Arguments.push_back(Arguments.front());
    std::vector<std::string> Rest(Arguments.begin() + 1, Arguments.end());
    if (Error E = expandResponseFiles(Rest, 0))
      return E;
    // cl.exe inputs go after a `--`: a path such as /work/a.c would be read
    // as the option /w.
    std::vector<std::string> Inputs;
    for (size_t I = 0; I < Rest.size(); ++I) {
      const std::string &A = Rest[I];
      if (A == "--") {
        for (++I; I < Rest.size(); ++I)
          Inputs.push_back(fixPath(Rest[I], Out));
        break;
      }
      if (ClMode && (A == "/link" || A == "-link"))
        // The rest is the linker's.
        break;
      size_t PrefixLen = 0;
      const PathOption *O =
          ClMode ? findOption(A, ClPathOptions, PrefixLen, true) : nullptr;
      if (!O)
        O = findOption(A, GnuPathOptions, PrefixLen, false);
      if (O) {
        if (PrefixLen == A.size()) {
          // Separate form: the path is the next argument.
          Out.Arguments.push_back(A);
          if (++I < Rest.size())
            Out.Arguments.push_back(path(Rest[I], *O, Out));
          continue;
        }
        Out.Arguments.push_back(A.substr(0, PrefixLen) +
                                path(StringRef(A).drop_front(PrefixLen), *O, Out));
        continue;
      }
      if (isInput(A)) {
        (ClMode ? Inputs : Out.Arguments).push_back(fixPath(A, Out));
        continue;
      }
      Out.Arguments.push_back(A);
    }
    if (!Inputs.empty()) {
      Out.Arguments.push_back("--");
      append_range(Out.Arguments, Inputs);
    }
    return Error::success();
  }

private:
  StringRef Directory;
  bool ClMode;
  const PathMapper &Mapper;

  bool isInput(StringRef A) const {
    if (A.empty() || A[0] == '-')
      return false;
    if (ClMode && A[0] == '/')
      // A cl option, unless it names a file (a path already mapped).
      return sys::fs::exists(A);
    return true;
  }

  std::string fixPath(StringRef Path, MappedCommand &Out) {
    if (PathMapper::isWindowsAbsolute(Path) && !Mapper.maps(Path))
      Out.Unmapped.push_back(Path.str());
    return Mapper.resolve(Path, Directory);
  }

  std::string path(StringRef Path, const PathOption &O, MappedCommand &Out) {
    std::string Fixed = fixPath(Path, Out);
    if (O.Kind != PathKind::Other) {
      SmallString<256> Abs = absoluteIn(Directory, Fixed);
      Out.IncludeDirs.push_back(O.Kind == PathKind::IncludeDir
                                    ? std::string(Abs)
                                    : sys::path::parent_path(Abs).str());
    }
    return Fixed;
  }

  /// Puts the arguments of each `@FILE` in its place, recursively.
  Error expandResponseFiles(std::vector<std::string> &Args, unsigned Depth) {
    std::vector<std::string> Out;
    for (const std::string &A : Args) {
      if (A.size() < 2 || A[0] != '@') {
        Out.push_back(A);
        continue;
      }
      if (Depth > 16)
        return createStringError(inconvertibleErrorCode(),
                                 "response files nest too deep at '" + A + "'");
      SmallString<256> File =
          absoluteIn(Directory, Mapper.resolve(StringRef(A).drop_front(), Directory));
      ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(File);
      if (!Buffer)
        return createStringError(inconvertibleErrorCode(),
                                 "cannot read the response file '" + File +
                                     "': " + Buffer.getError().message());
      StringRef Text = (*Buffer)->getBuffer();
      std::string Utf8;
      ArrayRef<char> Bytes(Text.data(), Text.size());
      if (hasUTF16ByteOrderMark(Bytes)) {
        if (!convertUTF16ToUTF8String(Bytes, Utf8))
          return createStringError(inconvertibleErrorCode(),
                                   "the response file '" + File +
                                       "' is not valid UTF-16");
        Text = Utf8;
      }
      Text.consume_front("\xEF\xBB\xBF");
      BumpPtrAllocator Alloc;
      StringSaver Saver(Alloc);
      SmallVector<const char *, 32> Argv;
      if (ClMode)
        cl::TokenizeWindowsCommandLine(Text, Saver, Argv);
      else
        cl::TokenizeGNUCommandLine(Text, Saver, Argv);
      std::vector<std::string> Inner(Argv.begin(), Argv.end());
      if (Error E = expandResponseFiles(Inner, Depth + 1))
        return E;
      append_range(Out, Inner);
    }
    Args = std::move(Out);
    return Error::success();
  }
};

} // namespace

Expected<MappedCommand> mapCommand(ArrayRef<std::string> Arguments, StringRef Directory,
                                   bool ClMode, const PathMapper &Mapper) {
  MappedCommand Out;
  CommandMapper M(Directory, ClMode, Mapper);
  if (Error E = M.run(Arguments, Out))
    return E;
  return Out;
}

namespace {

/// A folder of the overlay: its subfolders and files by name.
struct OverlayDir {
  std::map<std::string, OverlayDir> Dirs;
  std::map<std::string, std::string> Files;

  json::Array contents() const {
    json::Array Out;
    for (const auto &KV : Dirs)
      Out.push_back(json::Object{{"type", "directory"},
                                 {"name", KV.first},
                                 {"contents", KV.second.contents()}});
    for (const auto &KV : Files)
      Out.push_back(json::Object{
          {"type", "file"}, {"name", KV.first}, {"external-contents", KV.second}});
    return Out;
  }
};

bool nestedIn(StringRef Path, StringRef Root) {
  return Path.consume_front(Root) &&
         (Path.empty() || Path.front() == '/' || Root.endswith("/"));
}

/// Lists the files under \p Root into \p Dir; false when there are more
/// than \p MaxFiles.
bool listTree(StringRef Root, OverlayDir &Dir, size_t MaxFiles) {
  size_t Files = 0;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(Root, EC, /*follow_symlinks=*/false),
       End;
       !EC && It != End; It.increment(EC)) {
    StringRef Path = It->path();
    StringRef Name = sys::path::filename(Path);
    ErrorOr<sys::fs::basic_file_status> Status = It->status();
    if (!Status)
      continue;
    sys::fs::file_type Type = Status->type();
    if (Type == sys::fs::file_type::symlink_file) {
      // Links to files are listed; links to folders are not followed.
      sys::fs::file_status Target;
      if (sys::fs::status(Path, Target) ||
          Target.type() != sys::fs::file_type::regular_file)
        continue;
      Type = sys::fs::file_type::regular_file;
    }
    if (Type == sys::fs::file_type::directory_file) {
      if (Name.startswith("."))
        It.no_push();
      continue;
    }
    if (Type != sys::fs::file_type::regular_file)
      continue;
    if (++Files > MaxFiles)
      return false;
    StringRef Rel = Path.drop_front(Root.size());
    OverlayDir *D = &Dir;
    StringRef Parent = sys::path::parent_path(Rel);
    for (auto C = sys::path::begin(Parent), CEnd = sys::path::end(Parent); C != CEnd; ++C)
      if (*C != "/")
        D = &D->Dirs[C->str()];
    D->Files[Name.str()] = Path.str();
  }
  return true;
}

} // namespace

Error writeCaseInsensitiveOverlay(const std::set<std::string> &Roots, StringRef File,
                                  size_t MaxFiles, std::vector<std::string> &Warnings) {
  json::Array Entries;
  StringRef Last;
  for (const std::string &Root : Roots) {
    // Sorted, so a root's nested roots follow it.
    if (!Last.empty() && nestedIn(Root, Last))
      continue;
    if (!sys::fs::is_directory(Root))
      continue;
    Last = Root;
    OverlayDir Dir;
    if (!listTree(Root, Dir, MaxFiles)) {
      Warnings.push_back("more than " + std::to_string(MaxFiles) + " files under '" +
                         Root + "': header names there must match the files' case");
      continue;
    }
    Entries.push_back(json::Object{
        {"type", "directory"}, {"name", Root}, {"contents", Dir.contents()}});
  }
  json::Object Overlay{{"version", 0},
                       {"case-sensitive", "false"},
                       {"roots", std::move(Entries)}};
  std::error_code EC;
  raw_fd_ostream OS(File, EC, sys::fs::OF_Text);
  if (EC)
    return createStringError(EC, "cannot write '" + File + "': " + EC.message());
  OS << json::Value(std::move(Overlay)) << "\n";
  return Error::success();
}

} // namespace sdv
