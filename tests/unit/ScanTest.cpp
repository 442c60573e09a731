#include "sdv/Roles/Scan.h"

#include "sdv/Roles/Roles.h"

#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>

using namespace sdv;

namespace {

const RoleCatalog &catalog() {
  static const RoleCatalog C = llvm::cantFail(RoleCatalog::builtin());
  return C;
}

std::vector<RoleDeclaration> scan(llvm::StringRef Text,
                                  std::vector<std::string> *Warnings = nullptr) {
  std::vector<RoleDeclaration> Out;
  std::vector<std::string> Ignored;
  scanRoleDeclarations(Text, "t.c", catalog(), Out, Warnings ? *Warnings : Ignored);
  return Out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs pairsOf(const std::vector<RoleDeclaration> &Decls) {
  Pairs P;
  for (const RoleDeclaration &D : Decls)
    P.emplace_back(D.Function, D.Role);
  return P;
}

} // namespace

TEST_CASE("the catalogue knows declaration types, refinements and equivalents",
          "[scan]") {
  const RoleCatalog &C = catalog();
  CHECK(C.declarationRole("HW_STARTIO") == std::optional<std::string>("HW_STARTIO"));
  CHECK(C.declarationRole("DRIVER_DISPATCH_PAGED") ==
        std::optional<std::string>("DRIVER_DISPATCH"));
  // Registration tables declare their fields' roles, which are types too.
  CHECK(C.declarationRole("EVT_WDF_IO_QUEUE_IO_READ") ==
        std::optional<std::string>("EVT_WDF_IO_QUEUE_IO_READ"));
  // IRP major functions refine DRIVER_DISPATCH; aliases name no type.
  CHECK_FALSE(C.declarationRole("IRP_MJ_READ"));
  CHECK_FALSE(C.declarationRole("DriverUnload"));
  CHECK_FALSE(C.declarationRole("PDRIVER_DISPATCH"));
  std::vector<std::string> R = C.refinements("DRIVER_DISPATCH");
  CHECK(std::count(R.begin(), R.end(), "IRP_MJ_READ") == 1);
  CHECK(C.refinements("HW_STARTIO").empty());
  CHECK(C.compatible("DRIVER_DISPATCH", "IRP_MJ_WRITE"));
  CHECK(C.compatible("IRP_MJ_WRITE", "DRIVER_DISPATCH"));
  CHECK_FALSE(C.compatible("IRP_MJ_READ", "IRP_MJ_WRITE"));
  CHECK(C.compatible("sp_DRIVER_INITIALIZE", "DRIVER_INITIALIZE"));
  CHECK_FALSE(C.compatible("DRIVER_CANCEL", "DRIVER_UNLOAD"));
  CHECK(C.mapName("DRIVER_UNLOAD") == "DriverUnload");
  CHECK(C.mapName("HW_STARTIO") == "HW_STARTIO");
}

TEST_CASE("the scan reads declarators, annotations and nothing else", "[scan]") {
  CHECK(pairsOf(scan("DRIVER_CANCEL A, B;")) ==
        Pairs{{"A", "DRIVER_CANCEL"}, {"B", "DRIVER_CANCEL"}});
  CHECK(pairsOf(scan("_Dispatch_type_(IRP_MJ_CREATE)\n_Dispatch_type_(IRP_MJ_CLOSE)\n"
                     "DRIVER_DISPATCH CreateClose;")) ==
        Pairs{{"CreateClose", "IRP_MJ_CREATE"}, {"CreateClose", "IRP_MJ_CLOSE"}});
  CHECK(scan("typedef DRIVER_DISPATCH MY_DISPATCH;").empty());
  CHECK(scan("DRIVER_DISPATCH *Pointer;").empty());
  CHECK(scan("DRIVER_DISPATCH Fn(int);").empty());
  CHECK(scan("DRIVER_DISPATCH A,;").empty());
  CHECK(scan("struct S { DRIVER_DISPATCH *Field; };").empty());
  CHECK(scan("/* DRIVER_UNLOAD A; */ // DRIVER_UNLOAD B;\n"
             "char *S = \"DRIVER_UNLOAD C;\";\n"
             "#define M DRIVER_UNLOAD D; \\\n DRIVER_UNLOAD E;\n")
            .empty());
  // A quote inside a character literal opens no string.
  std::vector<RoleDeclaration> AfterQuote = scan("char Q = '\"'; DRIVER_UNLOAD U;");
  REQUIRE(AfterQuote.size() == 1);
  CHECK(AfterQuote[0].Function == "U");
  // The line is the name's.
  std::vector<RoleDeclaration> Split = scan("\n/* x\n */ HW_STARTIO\n  StartIo;");
  REQUIRE(Split.size() == 1);
  CHECK(Split[0].Line == 4);
  std::vector<std::string> Warnings;
  CHECK(pairsOf(scan("_Dispatch_type_(IRP_MJ_BOGUS) DRIVER_DISPATCH X;", &Warnings)) ==
        Pairs{{"X", "DRIVER_DISPATCH"}});
  REQUIRE(Warnings.size() == 1);
  CHECK(Warnings[0] == "t.c:1: 'IRP_MJ_BOGUS' is not an IRP major function sdv-lite "
                       "knows; the routine is declared DRIVER_DISPATCH");
}

TEST_CASE("a written role map reads back as the same roles", "[scan]") {
  std::vector<std::string> Warnings;
  std::vector<RoleDeclaration> Decls = scan(
      "DRIVER_INITIALIZE DriverEntry; DRIVER_UNLOAD Unload;\n"
      "_Dispatch_type_(IRP_MJ_READ) DRIVER_DISPATCH Read; DRIVER_DISPATCH Read;\n"
      "DRIVER_DISPATCH Other;\n"
      "DRIVER_CANCEL CancelB, CancelA; HW_STARTIO StartIo;\n"
      "FWPS_CALLOUT_CLASSIFY_FN0 Classify0, Classify1;\n",
      &Warnings);
  RoleMap Map = buildRoleMap(Decls, {"t.c"}, catalog(), Warnings);
  CHECK(Warnings.empty());
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeSdvMap(Map, OS);
  CHECK(OS.str().find("#define fun_DRIVER_CANCEL_1 CancelA  // t.c:4\n") !=
        std::string::npos);
  CHECK(OS.str().find("#define fun_DriverUnload Unload  // t.c:1\n") !=
        std::string::npos);
  auto Read = parseSdvMap(OS.str(), "sdv-map.h", catalog());
  REQUIRE(static_cast<bool>(Read));
  Pairs Back;
  for (const DeclaredEntry &E : *Read)
    Back.emplace_back(E.Function, E.Role);
  std::sort(Back.begin(), Back.end());
  // The plain DRIVER_DISPATCH declaration of Read is refined away.
  Pairs Expected{{"CancelA", "DRIVER_CANCEL"},
                 {"CancelB", "DRIVER_CANCEL"},
                 {"Classify0", "FWPS_CALLOUT_CLASSIFY_FN0"},
                 {"Classify1", "FWPS_CALLOUT_CLASSIFY_FN0"},
                 {"DriverEntry", "DRIVER_INITIALIZE"},
                 {"Other", "DRIVER_DISPATCH"},
                 {"Read", "IRP_MJ_READ"},
                 {"StartIo", "HW_STARTIO"},
                 {"Unload", "DRIVER_UNLOAD"}};
  CHECK(Back == Expected);
}

TEST_CASE("a routine declared with roles that disagree is a warning", "[scan]") {
  std::vector<std::string> Warnings;
  std::vector<RoleDeclaration> Decls =
      scan("DRIVER_DISPATCH F;\nDRIVER_CANCEL F;\n"
           "sp_DRIVER_INITIALIZE DriverEntry; DRIVER_INITIALIZE DriverEntry;\n",
           &Warnings);
  RoleMap Map = buildRoleMap(Decls, {"t.c"}, catalog(), Warnings);
  REQUIRE(Warnings.size() == 1);
  CHECK(Warnings[0] == "'F' is declared with roles that do not agree: "
                       "DRIVER_DISPATCH (t.c:1), DRIVER_CANCEL (t.c:2); the map "
                       "lists each");
  CHECK(Map.Lines.size() == 4);
}
