//===- SourceFiles.cpp - Reading the driver's sources ---------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/IR/SourceFiles.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace sdv {

SourceFiles::SourceFiles(std::string Root) : Root(std::move(Root)) {}

std::string SourceFiles::relativeToCompileDir(const SourceLoc &L) {
  if (!sys::path::is_absolute(L.File))
    return L.File;
  if (!L.Directory.empty()) {
    SmallString<256> Dir(L.Directory);
    sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    StringRef Path = L.File;
    if (Path.consume_front(Dir) && sys::path::is_separator(Path.front()))
      return Path.drop_front().str();
  }
  return L.File;
}

std::string SourceFiles::resolve(const SourceLoc &L) const {
  if (Root.empty())
    return L.absolutePath();
  std::string Rel = relativeToCompileDir(L);
  if (!sys::path::is_absolute(Rel)) {
    SmallString<256> Path(Root);
    sys::path::append(Path, Rel);
    sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    if (sys::fs::exists(Path))
      return std::string(Path);
  }
  return L.absolutePath();
}

std::vector<std::string> SourceFiles::paths() const {
  std::vector<std::string> Out;
  for (const auto &Entry : Files)
    Out.push_back(Entry.getKey().str());
  llvm::sort(Out);
  return Out;
}

const SourceFiles::File &SourceFiles::file(const SourceLoc &L) {
  std::string Path = resolve(L);
  auto [It, Inserted] = Files.try_emplace(Path);
  File &F = It->second;
  if (!Inserted || Path.empty())
    return F;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return F;
  F.Buffer = std::move(*Buf);
  StringRef Text = F.Buffer->getBuffer();
  if (Text.endswith("\n"))
    Text = Text.drop_back();
  Text.split(F.Lines, '\n');
  for (StringRef &Line : F.Lines)
    Line.consume_back("\r");
  return F;
}

ArrayRef<StringRef> SourceFiles::lines(const SourceLoc &L) {
  if (L.File.empty())
    return {};
  return file(L).Lines;
}

std::optional<StringRef> SourceFiles::line(const SourceLoc &L, unsigned Line) {
  ArrayRef<StringRef> All = lines(L);
  if (Line == 0 || Line > All.size())
    return std::nullopt;
  return All[Line - 1];
}

std::string collapseBlanks(StringRef Text) {
  std::string Out;
  for (char C : Text.trim()) {
    bool Blank = C == ' ' || C == '\t';
    if (Blank && !Out.empty() && Out.back() == ' ')
      continue;
    Out += Blank ? ' ' : C;
  }
  return Out;
}

} // namespace sdv
