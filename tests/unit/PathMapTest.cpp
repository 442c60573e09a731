//===- PathMapTest.cpp - Compile databases made on Windows ----------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Driver/Build.h"
#include "sdv/Driver/PathMap.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace sdv;
using namespace llvm;

namespace {

/// A temporary folder, removed at the end of the test.
struct TempDir {
  SmallString<128> Path;
  TempDir() { REQUIRE(!sys::fs::createUniqueDirectory("sdv-pathmap", Path)); }
  ~TempDir() { sys::fs::remove_directories(Path); }
  std::string file(StringRef Rel, StringRef Text = "") const {
    SmallString<128> P(Path);
    sys::path::append(P, Rel);
    sys::fs::create_directories(sys::path::parent_path(P));
    std::error_code EC;
    raw_fd_ostream OS(P, EC);
    OS << Text;
    return std::string(P);
  }
};

PathMapper mapper(std::vector<PathMapping> Maps) { return PathMapper(std::move(Maps)); }

} // namespace

TEST_CASE("path mappings parse as FROM=TO", "[pathmap]") {
  Expected<PathMapping> M = parsePathMapping("C:\\a=b=/src");
  REQUIRE(bool(M));
  CHECK(M->From == "C:\\a=b");
  CHECK(M->To == "/src");
  for (const char *Bad : {"C:\\work", "=/src", "C:\\work="}) {
    Expected<PathMapping> E = parsePathMapping(Bad);
    CHECK(!bool(E));
    consumeError(E.takeError());
  }
}

TEST_CASE("a mapping applies on component boundaries, in any case", "[pathmap]") {
  PathMapper M = mapper({{"C:\\Work", "/src"}, {"D:/", "/mnt/d/"}});
  CHECK(M.map("C:\\Work\\Drv\\a.c") == "/src/Drv/a.c");
  CHECK(M.map("c:/WORK/drv") == "/src/drv");
  CHECK(M.map("C:\\Work") == "/src");
  CHECK(M.maps("c:\\work\\x"));
  // Not a prefix on a boundary: only the backslashes change.
  CHECK(M.map("C:\\Workshop\\a.c") == "C:/Workshop/a.c");
  CHECK(!M.maps("C:\\Workshop\\a.c"));
  CHECK(M.map("D:\\x\\y.h") == "/mnt/d/x/y.h");
  CHECK(M.map("..\\inc\\a.h") == "../inc/a.h");
  // The first match wins.
  CHECK(mapper({{"C:\\Work\\Drv", "/a"}, {"C:\\Work", "/b"}}).map("C:\\Work\\Drv\\x") ==
        "/a/x");
  CHECK(PathMapper::isWindowsAbsolute("C:\\x"));
  CHECK(PathMapper::isWindowsAbsolute("c:/x"));
  CHECK(PathMapper::isWindowsAbsolute("\\\\server\\share"));
  CHECK(!PathMapper::isWindowsAbsolute("/usr/include"));
  CHECK(!PathMapper::isWindowsAbsolute("C:x"));
}

TEST_CASE("names in another case than on disk resolve to the disk's", "[pathmap]") {
  TempDir T;
  std::string Real = T.file("Inc/Sub/Common.h");
  CHECK(resolveCase(T.Path.str().str() + "/inc/SUB/common.H") == Real);
  CHECK(resolveCase(Real) == Real);
  // Resolved up to the first component with no match; the rest as written.
  CHECK(resolveCase(T.Path.str().str() + "/INC/missing/x.h") ==
        T.Path.str().str() + "/Inc/missing/x.h");
}

TEST_CASE("commands map path options, inputs and response files", "[pathmap]") {
  TempDir T;
  std::string Root = T.Path.str().str();
  T.file("Drv/Main.c");
  T.file("Inc/Forced.h");
  PathMapper M = mapper({{"C:\\Src", Root}});

  Expected<MappedCommand> Cl = mapCommand(
      {"cl.exe", "/nologo", "/I", "C:\\Src\\inc", "/IC:\\Src\\Inc", "-external:IC:\\Src\\inc",
       "/FIC:\\Src\\Inc\\forced.h", "/DPATH=C:\\Src", "C:\\src\\drv\\main.c", "/link",
       "/OUT:x.sys"},
      Root, /*ClMode=*/true, M);
  REQUIRE(bool(Cl));
  CHECK(Cl->Arguments ==
        std::vector<std::string>{"cl.exe", "/nologo", "/I", Root + "/Inc", "/I" + Root + "/Inc",
                                 "-external:I" + Root + "/Inc", "/FI" + Root + "/Inc/Forced.h",
                                 "/DPATH=C:\\Src", "--", Root + "/Drv/Main.c"});
  CHECK(Cl->IncludeDirs == std::vector<std::string>{Root + "/Inc", Root + "/Inc",
                                                    Root + "/Inc", Root + "/Inc"});
  CHECK(Cl->Unmapped.empty());

  // GNU: relative paths stay relative; an unmapped Windows path is noted.
  Expected<MappedCommand> Gnu =
      mapCommand({"clang", "-I", "inc", "-include", "C:\\Other\\x.h", "drv/main.c"}, Root,
                 /*ClMode=*/false, M);
  REQUIRE(bool(Gnu));
  CHECK(Gnu->Arguments == std::vector<std::string>{"clang", "-I", "Inc", "-include",
                                                   "C:/Other/x.h", "Drv/Main.c"});
  CHECK(Gnu->Unmapped == std::vector<std::string>{"C:\\Other\\x.h"});

  // A response file in UTF-16 with a byte order mark, naming another.
  std::string Inner = T.file("b.rsp", "/DINNER \"C:\\Src\\Drv\\main.c\"");
  std::string Utf16 = "\xFF\xFE";
  for (char C : std::string("/DOUTER @C:\\Src\\b.rsp"))
    Utf16 += std::string{C, '\0'};
  T.file("a.rsp", Utf16);
  Expected<MappedCommand> Rsp =
      mapCommand({"cl.exe", "@C:\\SRC\\A.RSP", "/c"}, Root, /*ClMode=*/true, M);
  REQUIRE(bool(Rsp));
  CHECK(Rsp->Arguments == std::vector<std::string>{"cl.exe", "/DOUTER", "/DINNER", "/c", "--",
                                                   Root + "/Drv/Main.c"});
  Expected<MappedCommand> Missing =
      mapCommand({"cl.exe", "@C:\\Src\\none.rsp"}, Root, /*ClMode=*/true, M);
  CHECK(!bool(Missing));
  consumeError(Missing.takeError());
}

TEST_CASE("inputs after -- stay after the added options", "[pathmap]") {
  std::vector<std::string> Cl =
      bitcodeCommand({"cl.exe", "/DX", "--", "/work/a.c"}, "clang-16", "/out/a.bc",
                     {"/clang:-ivfsoverlay", "/clang:/o/vfs.yaml"});
  CHECK(Cl == std::vector<std::string>{"clang-16", "--driver-mode=cl", "/DX",
                                       "/clang:-ivfsoverlay", "/clang:/o/vfs.yaml", "/c",
                                       "/Z7", "/clang:-emit-llvm", "/clang:-gcolumn-info",
                                       "/clang:-o", "/clang:/out/a.bc", "--", "/work/a.c"});
}

TEST_CASE("the overlay lists the files under its roots once", "[pathmap]") {
  TempDir T;
  std::string Root = T.Path.str().str();
  T.file("Inc/A.h");
  T.file("Inc/Sub/B.h");
  T.file("Inc/.git/objects");
  std::vector<std::string> Warnings;
  std::string Out = Root + "/overlay.yaml";
  REQUIRE(!errorToBool(writeCaseInsensitiveOverlay({Root + "/Inc", Root + "/Inc/Sub"}, Out,
                                                   100, Warnings)));
  CHECK(Warnings.empty());
  auto Text = MemoryBuffer::getFile(Out);
  REQUIRE(Text);
  StringRef S = (*Text)->getBuffer();
  CHECK(S.contains("\"case-sensitive\":\"false\""));
  CHECK(S.count("\"name\":\"B.h\"") == 1);
  CHECK(S.contains("\"external-contents\":\"" + Root + "/Inc/A.h\""));
  CHECK(!S.contains("objects"));
  // Over the bound: left out, with a warning.
  REQUIRE(!errorToBool(writeCaseInsensitiveOverlay({Root + "/Inc"}, Out, 1, Warnings)));
  CHECK(Warnings.size() == 1);
}
