// Engine corner cases on inline IR: what C cannot express directly, and the
// mechanics (recursion, summaries, bounds) in isolation.
#include "sdv/Analysis/Engine.h"
#include "sdv/Analysis/EventMatcher.h"

#include "IRHelpers.h"

#include "sdv/IR/Symbols.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"

#include <algorithm>

using namespace sdv;
using namespace sdv::test;

namespace {

const char *Prelude = R"(
declare i8 @KeAcquireSpinLockRaiseToDpc(ptr)
declare void @KeReleaseSpinLock(ptr, i8)
declare zeroext i8 @KeTryToAcquireSpinLockAtDpcLevel(ptr)
declare void @KeReleaseSpinLockFromDpcLevel(ptr)
declare x86_fastcallcc i8 @"\01@KfAcquireSpinLock@4"(ptr inreg)
declare x86_fastcallcc void @"\01@KfReleaseSpinLock@8"(ptr inreg, i8 inreg)
declare ptr @get()
declare void @work()
@g = global i64 0
@h = global i64 0
)";

struct Checked {
  llvm::LLVMContext Ctx;
  std::unique_ptr<llvm::Module> M;
  std::vector<EntryRoutine> Entries;
  RuleResult Result;

  /// "violation in function (at callee)" per defect, sorted.
  std::vector<std::string> defects() const {
    std::vector<std::string> Out;
    for (const Defect &D : Result.Defects) {
      std::string S = std::to_string(D.Violation) + " in " +
                      D.Site->getFunction()->getName().str();
      if (const auto *CB = llvm::dyn_cast<llvm::CallBase>(D.Site))
        S += " at " + normalizeSymbol(CB->getCalledFunction()->getName()).str();
      else
        S += " at exit";
      S += " from " + D.Entry->F->getName().str() + " on " + D.Object;
      Out.push_back(S);
    }
    std::sort(Out.begin(), Out.end());
    return Out;
  }
};

const Rule &spinLockDpc() {
  static const std::vector<Rule> Rules = llvm::cantFail(builtinRules());
  return Rules.front();
}

constexpr ViolationId DoubleAcquire = 0, ReleaseWithout = 1, HeldAtExit = 2;

std::unique_ptr<Checked> check(const std::string &Body,
                               const std::vector<std::string> &Roots,
                               EngineOptions Options = EngineOptions()) {
  auto C = std::make_unique<Checked>();
  C->M = parseIR(C->Ctx, std::string(Prelude) + Body);
  for (const std::string &Name : Roots) {
    const llvm::Function *F = C->M->getFunction(Name);
    REQUIRE(F);
    C->Entries.push_back({F, {{"IRP_MJ_READ", "test", nullptr}}});
  }
  C->Result = checkRule(*C->M, spinLockDpc(), C->Entries, Options);
  return C;
}

std::string d(ViolationId V, const std::string &Rest) {
  return std::to_string(V) + " in " + Rest;
}

std::vector<std::string> sorted(std::vector<std::string> V) {
  std::sort(V.begin(), V.end());
  return V;
}

} // namespace

TEST_CASE("violation ids follow the rule file", "[engine]") {
  const Rule &R = spinLockDpc();
  CHECK(R.violation(DoubleAcquire).Id == "double-acquire");
  CHECK(R.violation(ReleaseWithout).Id == "release-without-acquire");
  CHECK(R.violation(HeldAtExit).Id == "held-at-exit");
}

TEST_CASE("recursion while holding the lock re-acquires it", "[engine]") {
  auto C = check(R"(
define void @rec(ptr %L, i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %more
more:
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %L)
  %m = sub i32 %n, 1
  call void @rec(ptr %L, i32 %m)
  call void @KeReleaseSpinLock(ptr %L, i8 %i)
  br label %done
done:
  ret void
}
define void @root() {
  call void @rec(ptr @g, i32 3)
  ret void
}
)", {"root"});
  CHECK(C->defects() ==
        sorted({
            d(DoubleAcquire, "rec at KeAcquireSpinLockRaiseToDpc from root on g")}));
  CHECK(C->Result.Stats.SccIterations >= 2);
}

TEST_CASE("mutual recursion that releases before recursing passes", "[engine]") {
  auto C = check(R"(
define void @a(ptr %L, i32 %n) {
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %L)
  call void @KeReleaseSpinLock(ptr %L, i8 %i)
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %more
more:
  %m = sub i32 %n, 1
  call void @b(ptr %L, i32 %m)
  br label %done
done:
  ret void
}
define void @b(ptr %L, i32 %n) {
  call void @a(ptr %L, i32 %n)
  ret void
}
define void @root() {
  call void @a(ptr @h, i32 3)
  ret void
}
)", {"root"});
  CHECK(C->defects().empty());
}

// Each recursive call names the callee's objects one load deeper
// (`Node->Left->Lock`, then `Node->Left->Left->Lock`, ...): without a bound a
// tree walk doubles its objects every round and never reaches a fixpoint.
const char *TreeWalk = R"(
define i32 @walk(ptr %node) {
entry:
  %null = icmp eq ptr %node, null
  br i1 %null, label %done, label %visit
visit:
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %node)
  %vp = getelementptr i8, ptr %node, i64 8
  %v = load i32, ptr %vp
  %lp = getelementptr i8, ptr %node, i64 16
  %left = load ptr, ptr %lp
  %rp = getelementptr i8, ptr %node, i64 24
  %right = load ptr, ptr %rp
  VISIT_END
unlock:
  call void @KeReleaseSpinLock(ptr %node, i8 %i)
  %a = call i32 @walk(ptr %left)
  %b = call i32 @walk(ptr %right)
  %s = add i32 %a, %b
  br label %done
done:
  %r = phi i32 [ 0, %entry ], [ %s, %unlock ] PHI_LEAK
  ret i32 %r
}
define void @root(ptr %tree) {
  %n = call i32 @walk(ptr %tree)
  ret void
}
)";

/// The walk; with \p Leak, a node whose value is 0 returns still locked.
std::string treeWalk(bool Leak) {
  std::string Body = TreeWalk;
  auto Put = [&](llvm::StringRef Slot, llvm::StringRef Text) {
    Body.replace(Body.find(Slot.str()), Slot.size(), Text.str());
  };
  Put("VISIT_END", Leak ? "%bad = icmp eq i32 %v, 0\n  br i1 %bad, label %done, label %unlock"
                        : "br label %unlock");
  Put("PHI_LEAK", Leak ? ", [ 1, %visit ]" : "");
  return Body;
}

TEST_CASE("a recursive tree walk reaches a fixpoint", "[engine]") {
  auto C = check(treeWalk(false), {"root"});
  CHECK(C->defects().empty());
  CHECK(C->Result.Stats.UnconvergedSccs == 0);
  CHECK(C->Result.Stats.SccIterations <= 6);
  // The locks of the node and its children are followed; those of the
  // grandchildren are named once, then dropped: no deeper object exists.
  CHECK(C->Result.Stats.Objects <= 10);
}

TEST_CASE("a recursive tree walk that leaks its node's lock", "[engine]") {
  auto C = check(treeWalk(true), {"root"});
  CHECK(C->defects() == sorted({d(HeldAtExit, "root at exit from root on *tree")}));
  CHECK(C->Result.Stats.UnconvergedSccs == 0);
}

TEST_CASE("a callee that never returns ends the path", "[engine]") {
  auto C = check(R"(
define void @die() {
  unreachable
}
define void @root() {
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @g)
  call void @die()
  ret void
}
)", {"root"});
  CHECK(C->defects().empty());
}

TEST_CASE("objects behind unknown pointers start in an unknown state",
          "[engine]") {
  auto C = check(R"(
define void @rel() {
  %p = call ptr @get()
  call void @KeReleaseSpinLock(ptr %p, i8 0)
  ret void
}
define void @twice() {
  %p = call ptr @get()
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %p)
  %j = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %p)
  ret void
}
define void @leak() {
  %p = call ptr @get()
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %p)
  ret void
}
)", {"rel", "twice", "leak"});
  // Releasing what some other code may hold is not evidence; what this code
  // did to the object is.
  CHECK(C->defects() ==
        sorted({
            d(DoubleAcquire, "twice at KeAcquireSpinLockRaiseToDpc from twice on *p"),
            d(HeldAtExit, "leak at exit from leak on *p")}));
}

TEST_CASE("try-acquire holds the lock only when it returns non-zero", "[engine]") {
  const char *Good = R"(
define void @root() {
  %t = call zeroext i8 @KeTryToAcquireSpinLockAtDpcLevel(ptr @g)
  %ok = icmp ne i8 %t, 0
  br i1 %ok, label %locked, label %out
locked:
  call void @KeReleaseSpinLockFromDpcLevel(ptr @g)
  br label %out
out:
  ret void
}
)";
  CHECK(check(Good, {"root"})->defects().empty());

  std::string Bad = Good;
  Bad.replace(Bad.find("icmp ne"), 7, "icmp eq");
  CHECK(check(Bad, {"root"})->defects() ==
        sorted({
            d(HeldAtExit, "root at exit from root on g"),
            d(ReleaseWithout, "root at KeReleaseSpinLockFromDpcLevel from root on g")}));
}

TEST_CASE("correlated branches are kept apart, and the bound joins soundly",
          "[engine]") {
  const char *IR = R"(
define void @root(i1 %c) {
entry:
  br i1 %c, label %lock, label %mid
lock:
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @g)
  br label %mid
mid:
  %irql = phi i8 [ %i, %lock ], [ 0, %entry ]
  call void @work()
  br i1 %c, label %unlock, label %out
unlock:
  call void @KeReleaseSpinLock(ptr @g, i8 %irql)
  br label %out
out:
  ret void
}
)";
  auto Precise = check(IR, {"root"});
  CHECK(Precise->defects().empty());
  CHECK(Precise->Result.Stats.Joins == 0);

  EngineOptions Tight;
  Tight.MaxStatesPerBlock = 1;
  auto Joined = check(IR, {"root"}, Tight);
  // Joining forgets the correlation: the result over-approximates (both
  // possible violations), it never drops one.
  CHECK(Joined->Result.Stats.Joins > 0);
  CHECK(Joined->defects() ==
        sorted({
            d(HeldAtExit, "root at exit from root on g"),
            d(ReleaseWithout, "root at KeReleaseSpinLock from root on g")}));
}

TEST_CASE("a callee may release the caller's lock", "[engine]") {
  auto C = check(R"(
define void @unlock(ptr %L) {
  call void @KeReleaseSpinLock(ptr %L, i8 0)
  ret void
}
define void @maybeUnlock(ptr %L, i1 %c) {
  br i1 %c, label %u, label %out
u:
  call void @KeReleaseSpinLock(ptr %L, i8 0)
  br label %out
out:
  ret void
}
define void @good() {
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @g)
  call void @unlock(ptr @g)
  ret void
}
define void @bad(i1 %c) {
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @h)
  call void @maybeUnlock(ptr @h, i1 %c)
  ret void
}
)", {"good", "bad"});
  CHECK(C->defects() ==
        sorted({d(HeldAtExit, "bad at exit from bad on h")}));
}

TEST_CASE("helpers may return holding a lock; only entry routines may not",
          "[engine]") {
  auto C = check(R"(
define i8 @lock(ptr %L) {
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %L)
  ret i8 %i
}
define void @root() {
  %i = call i8 @lock(ptr @g)
  call void @KeReleaseSpinLock(ptr @g, i8 %i)
  ret void
}
)", {"root"});
  CHECK(C->defects().empty());
}

TEST_CASE("a defect in a shared helper is reported once", "[engine]") {
  auto C = check(R"(
define void @helper(ptr %L) {
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %L)
  %j = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %L)
  call void @KeReleaseSpinLock(ptr %L, i8 %i)
  ret void
}
define void @one() {
  call void @helper(ptr @g)
  ret void
}
define void @two() {
  call void @helper(ptr @g)
  ret void
}
)", {"one", "two"});
  CHECK(C->defects() ==
        sorted({
            d(DoubleAcquire, "helper at KeAcquireSpinLockRaiseToDpc from one on g")}));
}

TEST_CASE("after a violation the lock is dropped, other locks are still checked",
          "[engine]") {
  auto C = check(R"(
define void @root() {
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @g)
  %j = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @g)
  call void @KeReleaseSpinLock(ptr @g, i8 %j)
  call void @KeReleaseSpinLock(ptr @g, i8 %i)
  %k = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @h)
  ret void
}
)", {"root"});
  CHECK(C->defects() ==
        sorted({
            d(DoubleAcquire, "root at KeAcquireSpinLockRaiseToDpc from root on g"),
            d(HeldAtExit, "root at exit from root on h")}));
}

TEST_CASE("switch cases decide later switches on the same value", "[engine]") {
  auto C = check(R"(
define void @root(i32 %x) {
entry:
  switch i32 %x, label %mid [ i32 1, label %lock
                              i32 2, label %mid ]
lock:
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @g)
  br label %mid
mid:
  switch i32 %x, label %out [ i32 1, label %unlock ]
unlock:
  call void @KeReleaseSpinLock(ptr @g, i8 0)
  br label %out
out:
  ret void
}
)", {"root"});
  CHECK(C->defects().empty());
}

TEST_CASE("x86 decorated names are the same events", "[engine]") {
  auto C = check(R"(
define void @root() {
  %i = call x86_fastcallcc i8 @"\01@KfAcquireSpinLock@4"(ptr inreg @g)
  %j = call x86_fastcallcc i8 @"\01@KfAcquireSpinLock@4"(ptr inreg @g)
  ret void
}
)", {"root"});
  CHECK(C->defects() ==
        sorted({d(DoubleAcquire, "root at KfAcquireSpinLock from root on g")}));
}

TEST_CASE("facts about a loop's values do not outlive the iteration", "[engine]") {
  // Each iteration computes %c anew: the release must follow the acquire of
  // the same iteration, not a stale %c of the previous one.
  auto C = check(R"(
declare i1 @cond()
define void @root() {
entry:
  br label %loop
loop:
  %c = call i1 @cond()
  br i1 %c, label %lock, label %next
lock:
  %i = call i8 @KeAcquireSpinLockRaiseToDpc(ptr @g)
  br label %next
next:
  br i1 %c, label %unlock, label %latch
unlock:
  call void @KeReleaseSpinLock(ptr @g, i8 0)
  br label %latch
latch:
  %more = call i1 @cond()
  br i1 %more, label %loop, label %out
out:
  ret void
}
)", {"root"});
  CHECK(C->defects().empty());
}

TEST_CASE("a function changes its caller's locks only where a path leaves one changed",
          "[engine]") {
  llvm::LLVMContext Ctx;
  std::unique_ptr<llvm::Module> M = parseIR(Ctx, std::string(Prelude) + R"(
define void @balanced(ptr %l, i32 %code) {
  switch i32 %code, label %out [ i32 0, label %locked
                                 i32 1, label %other ]
locked:
  %irql = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %l)
  %busy = load i64, ptr @g
  %b = icmp ne i64 %busy, 0
  br i1 %b, label %early, label %late
early:
  call void @KeReleaseSpinLock(ptr %l, i8 %irql)
  ret void
late:
  call void @KeReleaseSpinLock(ptr %l, i8 %irql)
  br label %out
other:
  call void @work()
  br label %out
out:
  ret void
}

define void @chooses(ptr %a, ptr %b) {
  %msi = load i64, ptr @g
  %c = icmp ne i64 %msi, 0
  br i1 %c, label %one, label %two
one:
  %i1 = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %a)
  ret void
two:
  %i2 = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %b)
  ret void
}

define i1 @lockIfActive(ptr %l) {
  %irql = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %l)
  %active = load i64, ptr @g
  %c = icmp eq i64 %active, 0
  br i1 %c, label %inactive, label %active.bb
inactive:
  call void @KeReleaseSpinLock(ptr %l, i8 %irql)
  ret i1 false
active.bb:
  ret i1 true
}

define void @twoLocks(ptr %a, ptr %b) {
  %ib = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %b)
  %flag = load i64, ptr @g
  %c = icmp ne i64 %flag, 0
  br i1 %c, label %take, label %skip
take:
  %ia = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %a)
  br label %skip
skip:
  call void @KeReleaseSpinLock(ptr %b, i8 %ib)
  ret void
}

define void @unlock(ptr %l) {
  call void @KeReleaseSpinLock(ptr %l, i8 0)
  ret void
}

define void @spin(ptr %l) {
entry:
  br label %loop
loop:
  %irql = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %l)
  call void @KeReleaseSpinLock(ptr %l, i8 %irql)
  %again = load i64, ptr @g
  %c = icmp ne i64 %again, 0
  br i1 %c, label %loop, label %done
done:
  ret void
}
)");
  std::vector<const Rule *> Rules{&spinLockDpc()};
  EventMatcher Matcher(Rules);
  auto Changes = [&](const char *Name) {
    const llvm::Function *F = M->getFunction(Name);
    REQUIRE(F);
    return mayChangeState(*F, Matcher, Rules);
  };
  // Takes and drops the lock on every path that takes it.
  CHECK_FALSE(Changes("balanced"));
  // Leaves one of two locks held, or the lock held on one path.
  CHECK(Changes("chooses"));
  CHECK(Changes("lockIfActive"));
  // Leaves the inner lock held on one path (two locks are not one).
  CHECK(Changes("twoLocks"));
  // Releases its caller's lock.
  CHECK(Changes("unlock"));
  // Loops are not followed.
  CHECK(Changes("spin"));
}
