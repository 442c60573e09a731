// Which branches a trace depends on (src/Driver/Decisions.h).
#include "Decisions.h"

#include "IRHelpers.h"

#include "llvm/IR/Instructions.h"

using namespace llvm;
using namespace sdv;
using namespace sdv::test;

namespace {

TraceStep entry(const Module &M, StringRef F) {
  return {StepKind::Entry, nullptr, M.getFunction(F), 0};
}

TraceStep at(StepKind K, const Instruction *I, const Function *Callee = nullptr) {
  return {K, I, Callee, 0};
}

/// The name of the block whose branch \p D is, and the side it takes.
std::string show(const Decision &D) {
  return D.Branch->getParent()->getName().str() + (D.TakesTrue ? ":true" : ":false");
}

} // namespace

TEST_CASE("a branch whose other side returns early is a decision", "[decisions]") {
  LLVMContext Ctx;
  auto M = parseIR(Ctx, R"(
    declare i32 @acquire()
    declare i32 @release()
    define void @f(i1 %a, i1 %b) {
    entry:
      br i1 %a, label %early, label %go
    early:
      ret void
    go:
      %acq = call i32 @acquire()
      br i1 %b, label %x, label %y
    x:
      br label %join
    y:
      br label %join
    join:
      %rel = call i32 @release()
      ret void
    }
  )");
  std::vector<TraceStep> Trace{entry(*M, "f"),
                               at(StepKind::Event, named(*M, "f", "acq")),
                               at(StepKind::Violation, named(*M, "f", "rel"))};
  std::vector<Decision> D = findDecisions(Trace);
  // The diamond between the two calls decides nothing: both sides join.
  REQUIRE(D.size() == 1);
  CHECK(show(D[0]) == "entry:false");
  CHECK(D[0].Before == 1);
}

TEST_CASE("a branch that only some paths pass is not a decision", "[decisions]") {
  LLVMContext Ctx;
  auto M = parseIR(Ctx, R"(
    declare i32 @acquire()
    define void @f(i1 %a, i1 %b) {
    entry:
      br i1 %a, label %left, label %right
    left:
      br i1 %b, label %take, label %early
    right:
      br label %take
    early:
      ret void
    take:
      %acq = call i32 @acquire()
      ret void
    }
  )");
  std::vector<TraceStep> Trace{entry(*M, "f"),
                               at(StepKind::Violation, named(*M, "f", "acq"))};
  // %left's branch has one side leading on, but the path may go right.
  CHECK(findDecisions(Trace).empty());
}

TEST_CASE("a loop's test decides only where its exit cannot lead on", "[decisions]") {
  LLVMContext Ctx;
  auto M = parseIR(Ctx, R"(
    declare i32 @acquire()
    define void @f(i1 %a, i1 %b) {
    entry:
      br label %head
    head:
      br i1 %a, label %body, label %exit
    body:
      %acq = call i32 @acquire()
      br label %head
    exit:
      ret void
    }
  )");
  // To reach the acquire in the body, the loop test must be true.
  std::vector<TraceStep> Trace{entry(*M, "f"),
                               at(StepKind::Violation, named(*M, "f", "acq"))};
  std::vector<Decision> D = findDecisions(Trace);
  REQUIRE(D.size() == 1);
  CHECK(show(D[0]) == "head:true");
}

TEST_CASE("decisions inside a callee come before its return step", "[decisions]") {
  LLVMContext Ctx;
  auto M = parseIR(Ctx, R"(
    declare i32 @acquire()
    declare void @abort() noreturn
    define i32 @helper(i1 %ok) {
    entry:
      %acq = call i32 @acquire()
      br i1 %ok, label %done, label %fail
    fail:
      call void @abort()
      unreachable
    done:
      ret i32 0
    }
    define void @f(i1 %ok) {
    entry:
      %call = call i32 @helper(i1 %ok)
      ret void
    }
  )");
  const Function *Helper = M->getFunction("helper");
  const Instruction *Call = named(*M, "f", "call");
  std::vector<TraceStep> Trace{entry(*M, "f"), at(StepKind::Call, Call, Helper),
                               at(StepKind::Event, named(*M, "helper", "acq")),
                               at(StepKind::Return, Call, Helper),
                               at(StepKind::Violation, Call->getNextNode())};
  std::vector<Decision> D = findDecisions(Trace);
  // Only the helper's `ok` test: its other side never returns.
  REQUIRE(D.size() == 1);
  CHECK(show(D[0]) == "entry:true");
  CHECK(D[0].Branch->getFunction() == Helper);
  CHECK(D[0].Before == 3);
}
