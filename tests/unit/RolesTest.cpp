#include "sdv/Roles/Roles.h"

#include "IRHelpers.h"

#include "llvm/IR/Function.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace sdv;
using namespace sdv::test;

namespace {

const RoleCatalog &catalog() {
  static const RoleCatalog C = llvm::cantFail(RoleCatalog::builtin());
  return C;
}

std::string mapError(llvm::StringRef Text) {
  auto R = parseSdvMap(Text, "sdv-map.h", catalog());
  if (R)
    return "";
  return llvm::toString(R.takeError());
}

} // namespace

TEST_CASE("the built-in role catalogue resolves roles and aliases", "[roles]") {
  const RoleCatalog &C = catalog();
  CHECK(C.resolveRole("HW_STARTIO") == std::optional<std::string>("HW_STARTIO"));
  CHECK(C.resolveRole("DriverUnload") == std::optional<std::string>("DRIVER_UNLOAD"));
  CHECK_FALSE(C.resolveRole("HW_NOTHING"));
  const std::vector<std::string> *Order = C.fieldOrder("_HW_INITIALIZATION_DATA");
  REQUIRE(Order);
  CHECK((*Order)[3] == "HwStartIo");
  CHECK(Order->back() == "HwUnitControl");
  CHECK(C.fieldOrder("struct._DRIVER_OBJECT"));
}

TEST_CASE("the catalogue names the arguments kernel routines only read", "[roles]") {
  const RoleCatalog &C = catalog();
  // StorPortNotification(Type, HwDeviceExtension, ...): the extension only.
  CHECK(C.readOnlyArg("StorPortNotification", 1));
  CHECK_FALSE(C.readOnlyArg("StorPortNotification", 2));
  CHECK(C.readOnlyArg("StorPortIssueDpc", 0));
  CHECK_FALSE(C.readOnlyArg("StorPortIssueDpc", 1));
  // StorPortGetPhysicalAddress(Ext, Srb, VirtualAddress, Length): Length
  // is written.
  CHECK(C.readOnlyArg("StorPortGetPhysicalAddress", 2));
  CHECK_FALSE(C.readOnlyArg("StorPortGetPhysicalAddress", 3));
  CHECK_FALSE(C.readOnlyArg("KeAcquireSpinLock", 0));
}

TEST_CASE("sdv-map.h entries are read with their line", "[roles]") {
  auto R = parseSdvMap("// map\n"
                       "#ifndef X\n"
                       "#define fun_HW_STARTIO MyStartIo\n"
                       "/* a\n   comment */ #define fun_DRIVER_CANCEL_2 MyCancel\n"
                       "#define fun_DriverStartIo  StartIo // trailing\n"
                       "#define OTHER 1\n",
                       "sdv-map.h", catalog());
  REQUIRE_EXPECTED(R);
  REQUIRE(R->size() == 3);
  CHECK((*R)[0].Function == "MyStartIo");
  CHECK((*R)[0].Role == "HW_STARTIO");
  CHECK((*R)[0].Origin == "sdv-map.h:3");
  CHECK_FALSE((*R)[0].Strict);
  CHECK((*R)[1].Role == "DRIVER_CANCEL");
  CHECK((*R)[1].Origin == "sdv-map.h:5");
  CHECK((*R)[2].Role == "DRIVER_STARTIO");
  CHECK((*R)[2].Function == "StartIo");
}

TEST_CASE("malformed sdv-map.h lines are errors naming the line", "[roles]") {
  CHECK_THAT(mapError("\n#define fun_HW_STARTIO\n"),
             Catch::Contains("sdv-map.h:2: 'fun_HW_STARTIO' names no function"));
  CHECK_THAT(mapError("#define fun_HW_BOGUS F\n"),
             Catch::Contains("sdv-map.h:1: unknown role 'HW_BOGUS'"));
  CHECK_THAT(mapError("#define fun_HW_STARTIO 9F\n"),
             Catch::Contains("'9F' is not a function name"));
  CHECK_THAT(mapError("#define fun_HW_STARTIO A B\n"),
             Catch::Contains("exactly one function name"));
  CHECK_THAT(mapError("fun_HW_STARTIO A\n"), Catch::Contains("expected '#define"));
}

TEST_CASE("declared entries are checked against the module", "[roles]") {
  llvm::LLVMContext Ctx;
  auto M = parseIR(Ctx, "define void @Go() { ret void }\n");
  auto Found = findEntryRoutines(*M, catalog(), {{"Go", "IRP_MJ_READ", "--entry", true}});
  REQUIRE_EXPECTED(Found);
  REQUIRE(Found->Entries.size() == 1);
  CHECK(Found->Entries[0].role() == "IRP_MJ_READ");

  auto Missing = findEntryRoutines(*M, catalog(), {{"Gone", "IRP_MJ_READ", "--entry", true}});
  REQUIRE_FALSE(static_cast<bool>(Missing));
  CHECK_THAT(llvm::toString(Missing.takeError()), Catch::Contains("no function named 'Gone'"));

  auto Lax = findEntryRoutines(*M, catalog(), {{"Gone", "IRP_MJ_READ", "map:1", false}});
  REQUIRE_EXPECTED(Lax);
  CHECK(Lax->Entries.empty());
  CHECK(Lax->Warnings.size() == 1);
}

TEST_CASE("a catalogue naming an unknown role is rejected", "[roles]") {
  auto C = RoleCatalog::parse("roles: [A]\nby-name:\n  - { function: F, role: B }\n",
                              "roles.yaml");
  REQUIRE_FALSE(static_cast<bool>(C));
  CHECK_THAT(llvm::toString(C.takeError()), Catch::Contains("unknown role 'B'"));
}

namespace {

std::string catalogError(llvm::StringRef Yaml) {
  auto C = RoleCatalog::parse(Yaml, "roles.yaml");
  if (C)
    return "";
  return llvm::toString(C.takeError());
}

std::vector<std::string> exported(llvm::StringRef Text, llvm::StringRef File) {
  std::vector<std::string> Out;
  for (const DeclaredEntry &E : parseExports(Text, File, "EXPORTED_ROUTINE")) {
    CHECK(E.Role == "EXPORTED_ROUTINE");
    CHECK(E.Reach);
    CHECK_FALSE(E.Strict);
    Out.push_back(E.Function + "@" + E.Origin);
  }
  return Out;
}

} // namespace

TEST_CASE("the built-in catalogue declares the cancel-safe queue sequences", "[roles]") {
  const RoleCatalog &C = catalog();
  std::vector<std::string> By;
  for (const RoleCatalog::SequenceRule &S : C.sequenceRules()) {
    By.push_back(S.RegisteredBy);
    CHECK(C.resolveRole(S.Role));
    for (const RoleCatalog::SequenceCase &Case : S.Cases) {
      // Every case takes the queue lock first and drops it, and every step
      // passes the queue first.
      REQUIRE(Case.Steps.size() >= 3);
      CHECK(Case.Steps.front().Args == std::vector<std::string>{"queue", "&irql"});
      CHECK(llvm::any_of(Case.Steps, [](const RoleCatalog::SequenceStep &Step) {
        return Step.Args == std::vector<std::string>{"queue", "irql"};
      }));
      for (const RoleCatalog::SequenceStep &Step : Case.Steps)
        CHECK(Step.Args.front() == "queue");
    }
  }
  CHECK(By == std::vector<std::string>{"IoCsqInitialize", "IoCsqInitializeEx"});
  CHECK(C.exportedRole() == "EXPORTED_ROUTINE");
}

TEST_CASE("malformed sequences are rejected", "[roles]") {
  std::string Head = "roles: [A]\nsequences:\n  - registered-by: Init\n    role: S\n";
  CHECK_THAT(catalogError(Head + "    name: x\n    cases: []\n"),
             Catch::Contains("sequence 'x' has no cases"));
  CHECK_THAT(catalogError(Head + "    name: x\n    cases:\n      - { via: V, steps: [] }\n"),
             Catch::Contains("case 'V' has no steps"));
  CHECK_THAT(catalogError(Head + "    name: x\n    cases:\n"
                                 "      - { via: V, steps: [{ arg: 1, args: ['&1x'] }] }\n"),
             Catch::Contains("argument '1x' that is not an identifier"));
  CHECK_THAT(catalogError(Head + "    name: 'x[{2}]'\n    cases:\n"
                                 "      - { via: V, steps: [{ arg: 1, args: [q] }] }\n"),
             Catch::Contains("quotes a routine that is not one of its steps' arguments"));
  CHECK(catalogError(Head + "    name: 'x[{1}]'\n    cases:\n"
                            "      - { via: V, steps: [{ arg: 1, args: [q, '&l'] }] }\n") ==
        "");
  CHECK_THAT(catalogError("roles: [A]\nexported-role: B\n"), Catch::Contains("unknown role 'B'"));
}

TEST_CASE("export lists name the functions other drivers call", "[roles]") {
  CHECK(exported("; comment\n"
                 "LIBRARY lib.sys\n"
                 "EXPORTS\n"
                 "  First\n"
                 "  Second @2 NONAME\n"
                 "  Alias=Internal @3\n"
                 "  Data DATA\n"
                 "  Forwarded=other.Forwarded\n"
                 "  Private PRIVATE ; trailing\n"
                 "SECTIONS\n"
                 "  .text READ\n",
                 "lib.def") ==
        std::vector<std::string>{"First@lib.def:4", "Second@lib.def:5", "Internal@lib.def:6",
                                 "Private@lib.def:9"});
  CHECK(exported("EXPORTS First Second\n", "one.def") ==
        std::vector<std::string>{"First@one.def:1"});
  CHECK(exported("# comment\n"
                 "@ stdcall First(ptr long)\n"
                 "2 cdecl -private Second()\n"
                 "@ stdcall -arch=i386 Third(ptr ptr) InternalThird\n"
                 "@ extern Data\n"
                 "@ stub Missing\n"
                 "@ fastcall Forwarded(ptr) ntoskrnl.Forwarded\n"
                 "@ stdcall Spaced(ptr long) \n",
                 "lib.spec") ==
        std::vector<std::string>{"First@lib.spec:2", "Second@lib.spec:3",
                                 "InternalThird@lib.spec:4", "Spaced@lib.spec:8"});
  CHECK(exported("", "empty.def").empty());
}

TEST_CASE("an export in capitals is not a module-definition statement", "[roles]") {
  CHECK(exported("EXPORTS\n  DLLINIT\n  Other\n", "caps.def") ==
        std::vector<std::string>{"DLLINIT@caps.def:2", "Other@caps.def:3"});
}

TEST_CASE("roles files add to the built-in catalogue", "[roles]") {
  llvm::SmallString<128> Extra;
  REQUIRE_FALSE(llvm::sys::fs::createTemporaryFile("roles", "yaml", Extra));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Extra, EC);
    OS << "by-name:\n  - { function: MyStart, role: DRIVER_STARTIO }\n"
          "sequences:\n  - registered-by: Reg\n    name: 'Pair[{0}]'\n    role: MY_PAIR\n"
          "    cases:\n      - { via: Use, steps: [{ arg: 0, args: [c] }, { arg: 1, args: [c] }] }\n";
  }
  auto C = RoleCatalog::builtin({std::string(Extra)});
  REQUIRE_EXPECTED(C);
  CHECK(C->resolveRole("MY_PAIR"));
  CHECK(C->sequenceRules().size() == catalog().sequenceRules().size() + 1);
  CHECK(llvm::any_of(C->byName(), [](const RoleCatalog::ByName &B) {
    return B.Function == "MyStart" && B.Role == "DRIVER_STARTIO";
  }));
  CHECK(C->resolveRole("HW_STARTIO"));

  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Extra, EC);
    OS << "by-name:\n  - { function: F, role: NO_SUCH_ROLE }\n";
  }
  auto Bad = RoleCatalog::builtin({std::string(Extra)});
  REQUIRE_FALSE(static_cast<bool>(Bad));
  CHECK_THAT(llvm::toString(Bad.takeError()),
             Catch::Contains(std::string(Extra)) && Catch::Contains("unknown role 'NO_SUCH_ROLE'"));
  llvm::sys::fs::remove(Extra);
  auto Missing = RoleCatalog::builtin({std::string(Extra)});
  REQUIRE_FALSE(static_cast<bool>(Missing));
  CHECK_THAT(llvm::toString(Missing.takeError()), Catch::Contains("cannot read roles file"));
}
