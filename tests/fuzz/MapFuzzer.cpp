//===- MapFuzzer.cpp - Fuzzing the sdv-map.h role-map reader --------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
//
// The input is read as an sdv-map.h role map against the built-in roles
// catalogue; the routines it declares are then looked up in a small driver,
// as `sdv-lite roles --map` does.
//
//===----------------------------------------------------------------------===//

#include "sdv/Roles/Roles.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdint>
#include <cstdlib>

using namespace llvm;

namespace {

/// Two routines a map may name, and a registration of a third.
const char *const Driver = R"(
declare void @KeAcquireSpinLockAtDpcLevel(ptr)
declare void @KeReleaseSpinLockFromDpcLevel(ptr)
@Lock = global i64 0
define void @MyStartIo(ptr %Ext) {
  call void @KeAcquireSpinLockAtDpcLevel(ptr @Lock)
  ret void
}
define void @MyRead(ptr %Dev, ptr %Irp) {
  call void @KeReleaseSpinLockFromDpcLevel(ptr @Lock)
  ret void
}
define i32 @DriverEntry(ptr %Drv, ptr %Path) {
  ret i32 0
}
)";

struct Fixture {
  LLVMContext Ctx;
  std::unique_ptr<Module> M;
  std::optional<sdv::RoleCatalog> Catalog;
  Fixture() {
    SMDiagnostic Err;
    M = parseAssemblyString(Driver, Err, Ctx);
    Expected<sdv::RoleCatalog> C = sdv::RoleCatalog::builtin();
    if (!M || !C)
      std::abort(); // The fixture itself is broken.
    Catalog = std::move(*C);
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static Fixture F;
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  Expected<std::vector<sdv::DeclaredEntry>> Declared =
      sdv::parseSdvMap(Text, "sdv-map.h", *F.Catalog);
  if (!Declared) {
    consumeError(Declared.takeError());
    return 0;
  }
  Expected<sdv::RoleDiscovery> Found = sdv::findEntryRoutines(*F.M, *F.Catalog, *Declared);
  if (!Found)
    consumeError(Found.takeError());
  return 0;
}
