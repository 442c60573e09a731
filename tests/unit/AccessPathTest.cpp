#include "sdv/IR/AccessPath.h"

#include "IRHelpers.h"

#include "llvm/IR/Function.h"

using namespace sdv;
using namespace sdv::test;

namespace {

const char *IR = R"(
target datalayout = "e-m:w-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
%struct.RING = type { i32, i64 }
%struct.CHAN = type { i32, i32, ptr }
%struct.EXT = type { i64, i64, [4 x i64], ptr }
@g = global i64 0
@gext = global %struct.EXT zeroinitializer

declare ptr @get()

define void @f(ptr %E, ptr %S, i1 %c, i64 %i) {
  %a = getelementptr inbounds %struct.EXT, ptr %E, i32 0, i32 1
  %b = getelementptr inbounds i8, ptr %E, i64 8
  %first = getelementptr inbounds %struct.EXT, ptr %E, i32 0, i32 0
  %ch = getelementptr inbounds %struct.EXT, ptr %E, i32 0, i32 3
  %c1 = load ptr, ptr %ch
  %r1 = getelementptr inbounds %struct.CHAN, ptr %c1, i32 0, i32 2
  %ring1 = load ptr, ptr %r1
  %l1 = getelementptr inbounds %struct.RING, ptr %ring1, i32 0, i32 1
  %c2 = load ptr, ptr %ch
  %r2 = getelementptr inbounds %struct.CHAN, ptr %c2, i32 0, i32 2
  %ring2 = load ptr, ptr %r2
  %l2 = getelementptr inbounds i8, ptr %ring2, i64 8
  %arr1 = getelementptr inbounds %struct.EXT, ptr %E, i32 0, i32 2, i64 1
  %arr2 = getelementptr inbounds %struct.EXT, ptr %E, i32 0, i32 2, i64 2
  %arrv = getelementptr inbounds %struct.EXT, ptr %E, i32 0, i32 2, i64 %i
  %sel = select i1 %c, ptr %a, ptr %arr1
  %call = call ptr @get()
  %gl = getelementptr inbounds %struct.EXT, ptr @gext, i32 0, i32 1
  %loc = alloca i64
  %slot = alloca ptr
  %viaslot = load ptr, ptr %slot
  ret void
}
)";

} // namespace

TEST_CASE("access paths name objects by base and byte offsets", "[accesspath]") {
  llvm::LLVMContext Ctx;
  auto M = parseIR(Ctx, IR);
  const llvm::Function &F = *M->getFunction("f");
  AccessPathBuilder B(F, M->getDataLayout());
  auto P = [&](llvm::StringRef Name) { return B.pathOf(named(*M, "f", Name)).Path; };
  auto Arg = [&](unsigned N) { return B.pathOf(F.getArg(N)).Path; };

  SECTION("a field reached two ways is one object") {
    CHECK(P("a") == P("b"));
    CHECK(P("a").Kind == PathBase::Param);
    CHECK(P("a").Offsets == llvm::SmallVector<int64_t, 2>{8});
  }
  SECTION("a field at offset 0 is the struct pointer itself") {
    CHECK(P("first") == Arg(0));
    CHECK(P("first") != Arg(1));
  }
  SECTION("pointer chains are followed through loads, reloads included") {
    CHECK(P("l1") == P("l2"));
    CHECK(P("l1").Offsets == llvm::SmallVector<int64_t, 2>{48, 8, 8});
    CHECK(P("l1").derefs() == 2);
  }
  SECTION("array elements with constant indexes are distinct objects") {
    CHECK(P("arr1") != P("arr2"));
    CHECK(P("arr1").Offsets.back() == 24);
    CHECK(P("arrv").Kind == PathBase::Opaque);
  }
  SECTION("bases") {
    CHECK(P("sel").Kind == PathBase::Opaque);
    CHECK(P("call").Kind == PathBase::Opaque);
    CHECK(P("gl").Kind == PathBase::Global);
    CHECK(P("gl").Offsets.back() == 8);
    CHECK(P("loc").Kind == PathBase::Local);
    CHECK(P("loc").isFunctionLocal());
    CHECK(P("viaslot").Kind == PathBase::Local);
    CHECK(P("viaslot").derefs() == 1);
    CHECK_FALSE(P("a").isFunctionLocal());
    CHECK_FALSE(P("gl").isFunctionLocal());
  }
}

TEST_CASE("a callee's parameter path is rebased on the caller's argument",
          "[accesspath]") {
  llvm::LLVMContext Ctx;
  auto M = parseIR(Ctx, IR);
  const llvm::Function &F = *M->getFunction("f");
  AccessPathBuilder B(F, M->getDataLayout());
  // Callee view: param0 +8 * +8 (a lock behind a pointer field).
  NamedPath Callee = B.pathOf(F.getArg(0));
  Callee.Path.Offsets = {8, 8};
  Callee.Segments.resize(2);
  // Caller passes &E->Channel (param0 +48).
  NamedPath Actual = B.pathOf(named(*M, "f", "ch"));
  NamedPath R = rebasePath(Callee, Actual);
  CHECK(R.Path.Kind == PathBase::Param);
  CHECK(R.Path.Offsets == llvm::SmallVector<int64_t, 2>{56, 8});
  CHECK(R.Segments.size() == 2);
}

TEST_CASE("paths without debug info still render", "[accesspath]") {
  llvm::LLVMContext Ctx;
  auto M = parseIR(Ctx, IR);
  const llvm::Function &F = *M->getFunction("f");
  AccessPathBuilder B(F, M->getDataLayout());
  CHECK(B.pathOf(F.getArg(1)).render() == "*S");
  CHECK(B.pathOf(named(*M, "f", "gl")).render() == "gext@8");
  CHECK(B.pathOf(named(*M, "f", "a")).render() == "(*E)@8");
}
