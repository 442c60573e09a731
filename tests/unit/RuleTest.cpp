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

const Rule &builtin(llvm::StringRef Id) {
  static std::vector<Rule> Rules = [] {
    llvm::Expected<std::vector<Rule>> Loaded = builtinRules();
    REQUIRE_EXPECTED(Loaded);
    return std::move(*Loaded);
  }();
  for (const Rule &R : Rules)
    if (R.id() == Id)
      return R;
  FAIL("no built-in rule " << Id.str());
  return Rules.front();
}

TEST_CASE("the built-in rules load, in a stable order", "[rule]") {
  llvm::Expected<std::vector<Rule>> Rules = builtinRules();
  REQUIRE_EXPECTED(Rules);
  std::vector<std::string> Ids;
  for (const Rule &R : *Rules)
    Ids.push_back(R.id().str());
  CHECK(Ids == std::vector<std::string>{"SpinLockDpc", "QueuedSpinLock", "CancelSpinLock",
                                        "InterruptSpinLock", "StorPortSpinLock",
                                        "StorPortSpinLock3", "WdfSpinlock", "WdfWaitlock", "WdfObjectLock", "NdisSpinLock"});
  for (const Rule &R : *Rules) {
    CHECK_FALSE(R.models().empty());
    CHECK_FALSE(R.helpUri().empty());
  }
}

TEST_CASE("the lock family's rules say how their calls name their locks", "[rule]") {
  const Rule &Queued = builtin("QueuedSpinLock");
  CHECK(Queued.naming() == ObjectNaming::Pointer);
  const RuleEvent &QAcquire = Queued.event(*Queued.eventFor("\1@KeAcquireInStackQueuedSpinLock@8"));
  CHECK(QAcquire.ObjectArg == 0);
  CHECK(QAcquire.BindsHandleArg == 1u);
  CHECK(Queued.event(*Queued.eventFor("KeReleaseInStackQueuedSpinLock")).HandleArg == 0u);

  const Rule &Cancel = builtin("CancelSpinLock");
  CHECK(Cancel.naming() == ObjectNaming::Single);
  CHECK(Cancel.singleName() == "cancel spin lock");
  REQUIRE(Cancel.entryStates().size() == 1);
  CHECK(Cancel.entryStates()[0].Roles == std::vector<std::string>{"DRIVER_CANCEL"});
  CHECK(Cancel.stateName(Cancel.entryStates()[0].State) == "held");
  CHECK(Cancel.event(*Cancel.eventFor("IoAcquireCancelSpinLock")).OutArgs ==
        std::vector<unsigned>{0});

  const Rule &StorPort = builtin("StorPortSpinLock");
  CHECK(StorPort.naming() == ObjectNaming::Key);
  REQUIRE(StorPort.keyIndex(2));
  CHECK(StorPort.keys()[*StorPort.keyIndex(2)].Name == "StartIoLock");
  CHECK(StorPort.keys()[*StorPort.keyIndex(1)].Qualified);
  // The inline wrapper's expansion: StorPortNotification(AcquireSpinLock, ...).
  const RuleEvent &SAcquire = StorPort.event(*StorPort.eventFor("StorPortAcquireSpinLock"));
  bool Notification = false;
  for (const CallPattern &P : SAcquire.Calls)
    if (P.Function == "StorPortNotification")
      Notification = P.WhenArg == 0u && P.Equals == 0x1003 && P.ArgOffset == 1;
  CHECK(Notification);
  CHECK_FALSE(StorPort.eventFor("StorPortNotification"));
  // MSI locks are numbered by message, apart from the lock kinds.
  const RuleEvent &Msi = StorPort.event(*StorPort.eventFor("StorPortAcquireMSISpinLock"));
  REQUIRE(Msi.KeySpace != 0);
  CHECK(StorPort.keySpaceName(Msi.KeySpace) == "MSI spin lock");
  CHECK(Rule::spacedKey(Msi.KeySpace, 2) != 2);
  CHECK(Rule::keyValueOf(Rule::spacedKey(Msi.KeySpace, 2)) == 2);
  CHECK(Rule::keySpaceOf(Rule::spacedKey(Msi.KeySpace, 2)) == Msi.KeySpace);

  const Rule &Order = builtin("StorPortSpinLock3");
  REQUIRE(Order.orderViolation());
  CHECK(Order.violation(*Order.orderViolation()).Id == "lock-order");
  CHECK(*Order.keys()[*Order.keyIndex(3)].Level > *Order.keys()[*Order.keyIndex(2)].Level);
  CHECK(Order.conditions().size() == 3);

  const Rule &Wdf = builtin("WdfSpinlock");
  CHECK(Wdf.objectIsHandle());
  REQUIRE(Wdf.methodSlots().size() == 2);
  CHECK(Wdf.methodSlots()[0].Name == "WdfSpinLockAcquire");
  CHECK(Wdf.methodSlots()[0].Slot == 316);
  CHECK(Wdf.methodSlots()[0].HiddenArgs == 1);

  // A wait lock acquired with a timeout is held only on STATUS_SUCCESS;
  // without one (NULL) it always is.
  const Rule &Wait = builtin("WdfWaitlock");
  const RuleEvent &WAcquire = Wait.event(*Wait.eventFor("WdfWaitLockAcquire"));
  CHECK(WAcquire.Outcome == EventOutcome::OnZeroResult);
  CHECK(WAcquire.AlwaysIfNullArg == 1u);
  REQUIRE(Wait.methodSlots().size() == 2);
  CHECK(Wait.methodSlots()[0].Slot == 313);
  CHECK(Wait.methodSlots()[1].Slot == 314);

  const Rule &ObjectLock = builtin("WdfObjectLock");
  CHECK(ObjectLock.objectIsHandle());
  REQUIRE(ObjectLock.methodSlots().size() == 2);
  CHECK(ObjectLock.methodSlots()[0].Slot == 310);
  CHECK(ObjectLock.methodSlots()[1].Slot == 311);
  // The lock KMDF holds around queue callbacks: the Queue parameter's.
  REQUIRE(ObjectLock.entryStates().size() == 1);
  CHECK(ObjectLock.entryStates()[0].Param == 0u);
  CHECK(!ObjectLock.entryStates()[0].Key);
  CHECK(ObjectLock.stateName(ObjectLock.entryStates()[0].State) == "framework-held");
  CHECK(llvm::is_contained(ObjectLock.entryStates()[0].Roles, "EVT_WDF_IO_QUEUE_IO_READ"));
}

TEST_CASE("the built-in SpinLockDpc rule loads", "[rule]") {
  const Rule &R = builtin("SpinLockDpc");
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
  // The lock family's extensions.
  CHECK_THAT(parseError(With("summary: a toy", "summary: a toy\nmodels: [UMDF]")),
             Catch::Contains("unknown driver model 'UMDF'"));
  CHECK_THAT(parseError(With("trace: closed", "trace: closed\n    handle-arg: 0\n    object-arg: 1")),
             Catch::Contains("through 'handle-arg'"));
  CHECK_THAT(parseError(With("trace: closed", "trace: closed\n    qualifier-arg: 1")),
             Catch::Contains("no object key is qualified"));
  CHECK_THAT(parseError(With("object: thing", "object: thing\nsingle-object: it\nobject-keys: [{value: 1, name: A}]")),
             Catch::Contains("exclude each other"));
  CHECK_THAT(parseError(With("object: thing", "object: thing\nobject-keys: [{value: 1, name: A}, {value: 1, name: B}]")),
             Catch::Contains("declared twice"));
  // Pointer naming: an entry state names the parameter that names the object.
  CHECK_THAT(parseError(With("summary: a toy", "summary: a toy\nentry-states: [{roles: [X], state: on}]")),
             Catch::Contains("names the routine's parameter that names the object ('param')"));
  CHECK_THAT(parseError(With("object: thing", "object: thing\nsingle-object: it\nentry-states: [{roles: [X], param: 0, state: on}]")),
             Catch::Contains("names parameter 0, but the rule's objects are not named by pointers"));
  CHECK_THAT(parseError(With("object: thing", "object: thing\nsingle-object: it\nentry-states: [{roles: [X], state: up}]")),
             Catch::Contains("entry state 'up' is not a state"));
  CHECK_THAT(parseError(With("object: thing", "object: thing\nsingle-object: it\nentry-states: [{roles: [X], state: on, when: [hot]}]")),
             Catch::Contains("unknown condition 'hot'"));
  CHECK_THAT(parseError(With("object: thing", "object: thing\nobject-keys: [{value: 1, name: A}]\norder: {violation: twice, holding: [on]}")),
             Catch::Contains("object keys with levels"));
  CHECK_THAT(parseError(With("functions: [Close]", "calls: [{function: Open}]")),
             Catch::Contains("monitored by two events"));
  // Conditional forms of one function do not clash.
  CHECK(parseError(With("functions: [Close]",
                        "calls: [{function: Notify, when-arg: 0, equals: 2}]\n"
                        "    functions: [Close]")) == "");
  CHECK_THAT(parseError(With("trace: closed", "trace: closed\n    outcome: sometimes")),
             Catch::Contains("on-zero-result"));
  CHECK_THAT(parseError(With("trace: closed", "trace: closed\n    always-if-null-arg: 1")),
             Catch::Contains("'always-if-null-arg' but its outcome is 'always'"));
}

TEST_CASE("a missing rule file is an error naming it", "[rule]") {
  llvm::Expected<Rule> R = loadRuleFile("/nonexistent/rule.yaml");
  REQUIRE_FALSE(static_cast<bool>(R));
  CHECK_THAT(llvm::toString(R.takeError()), Catch::Contains("/nonexistent/rule.yaml"));
}
