#include "sdv/Rule/Rule.h"

#include "IRHelpers.h"

#include "llvm/Support/Error.h"

#include <catch2/catch.hpp>

using namespace sdv;

namespace {

std::string parseError(llvm::StringRef Yaml) {
  llvm::Expected<Rule> R = Rule::parse(Yaml, "test.yaml");
  if (R)
    return "";
  return llvm::toString(R.takeError());
}

const char *Minimal = R"(
rule: Toy
summary: a toy
object: thing
states: [off, on]
initial: off
events:
  - name: open
    trace: opened
    functions: [Open, "@OpenFast@4"]
  - name: close
    trace: closed
    functions: [Close]
transitions:
  - { from: off, event: open, to: on }
  - { from: on, event: close, to: off }
  - { from: on, event: open, violation: twice }
exit:
  - { state: on, violation: left-open }
violations:
  - { id: twice, message: "opened twice", trace: again }
  - { id: left-open, message: "left open", trace: exit }
)";

} // namespace

TEST_CASE("the built-in SpinLockDpc rule loads", "[rule]") {
  llvm::Expected<std::vector<Rule>> Rules = builtinRules();
  REQUIRE_EXPECTED(Rules);
  REQUIRE(Rules->size() == 1);
  const Rule &R = Rules->front();
  CHECK(R.id() == "SpinLockDpc");
  CHECK(R.numStates() == 2);
  CHECK(R.stateName(R.initialState()) == "released");

  // Every API name of the rule, x64 and decorated x86.
  for (const char *Name :
       {"KeAcquireSpinLockRaiseToDpc", "KeAcquireSpinLockAtDpcLevel",
        "KeAcquireSpinLockForDpc", "\1@KfAcquireSpinLock@4",
        "\1@KefAcquireSpinLockAtDpcLevel@4"})
    CHECK(R.event(*R.eventFor(Name)).Name == "acquire");
  for (const char *Name :
       {"KeReleaseSpinLock", "KeReleaseSpinLockFromDpcLevel",
        "KeReleaseSpinLockForDpc", "\1@KfReleaseSpinLock@8",
        "\1@KefReleaseSpinLockFromDpcLevel@4"})
    CHECK(R.event(*R.eventFor(Name)).Name == "release");
  CHECK(R.event(*R.eventFor("KeTryToAcquireSpinLockAtDpcLevel")).Outcome ==
        EventOutcome::OnNonZeroResult);
  // Queued and cancel spin locks are other rules.
  CHECK_FALSE(R.eventFor("KeAcquireInStackQueuedSpinLock"));
  CHECK_FALSE(R.eventFor("IoAcquireCancelSpinLock"));

  StateId Released = R.initialState();
  EventId Acquire = *R.eventFor("KeAcquireSpinLockRaiseToDpc");
  EventId Release = *R.eventFor("KeReleaseSpinLock");
  StateId Held = *R.step(Released, Acquire).Next;
  CHECK(R.stateName(Held) == "held");
  CHECK(R.violation(*R.step(Held, Acquire).Violation).Id == "double-acquire");
  CHECK(R.violation(*R.step(Released, Release).Violation).Id ==
        "release-without-acquire");
  CHECK(R.violation(*R.exitViolation(Held)).Id == "held-at-exit");
  CHECK_FALSE(R.exitViolation(Released));
  CHECK(R.checksExitOf("HW_STARTIO"));
}

TEST_CASE("a minimal rule compiles to tables", "[rule]") {
  llvm::Expected<Rule> R = Rule::parse(Minimal, "toy.yaml");
  REQUIRE_EXPECTED(R);
  EventId Open = *R->eventFor("Open");
  EventId Close = *R->eventFor("Close");
  CHECK(*R->eventFor("\1@OpenFast@4") == Open);
  // Unlisted pairs leave the state alone.
  CHECK(*R->step(R->initialState(), Close).Next == R->initialState());
  CHECK(R->checksExitOf("anything"));
}

TEST_CASE("malformed rules are rejected with a reason", "[rule]") {
  std::string Base = Minimal;
  auto With = [&](const std::string &From, const std::string &To) {
    std::string S = Base;
    size_t Pos = S.find(From);
    REQUIRE(Pos != std::string::npos);
    S.replace(Pos, From.size(), To);
    return S;
  };
  CHECK_THAT(parseError("rule: [unterminated"), Catch::Contains("test.yaml"));
  CHECK_THAT(parseError(With("initial: off", "initial: nowhere")),
             Catch::Contains("initial state 'nowhere'"));
  CHECK_THAT(parseError(With("to: on }", "to: mars }")),
             Catch::Contains("unknown state 'mars'"));
  CHECK_THAT(parseError(With("violation: twice }", "violation: thrice }")),
             Catch::Contains("unknown violation 'thrice'"));
  CHECK_THAT(parseError(With("functions: [Close]", "functions: [Open]")),
             Catch::Contains("monitored by two events"));
  CHECK_THAT(parseError(With("{ from: on, event: close, to: off }",
                             "{ from: on, event: close, to: off, violation: twice }")),
             Catch::Contains("exactly one of"));
  CHECK_THAT(parseError(With("{ from: on, event: close, to: off }",
                             "{ from: off, event: open, to: off }")),
             Catch::Contains("declared twice"));
  CHECK_THAT(parseError(With("states: [off, on]", "states: [a,b,c,d,e,f,g,h,i]")),
             Catch::Contains("1 to 8 states"));
  CHECK_THAT(parseError(With("summary: a toy", "summary: a toy\nbogus: 1")),
             Catch::Contains("unknown key 'bogus'"));
  CHECK_THAT(parseError(With("{ state: on, violation: left-open }",
                             "{ state: off, violation: left-open }")),
             Catch::Contains("initial state cannot"));
  CHECK_THAT(parseError(With("rule: Toy", "rule: 'no spaces'")),
             Catch::Contains("identifier"));
}

TEST_CASE("a missing rule file is an error naming it", "[rule]") {
  llvm::Expected<Rule> R = loadRuleFile("/nonexistent/rule.yaml");
  REQUIRE_FALSE(static_cast<bool>(R));
  CHECK_THAT(llvm::toString(R.takeError()), Catch::Contains("/nonexistent/rule.yaml"));
}
