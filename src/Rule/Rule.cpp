//===- Rule.cpp - Typestate rules as data ---------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Rule/Rule.h"

#include "sdv/IR/Symbols.h"
#include "sdv/Support/MethodTableYaml.h"
#include "sdv/Support/Yaml.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {

// The file format, as read by LLVM's YAML I/O. Names are resolved and
// checked afterwards, in Rule::parse.
struct CallSpec {
  std::string Function;
  std::optional<unsigned> WhenArg;
  int64_t Equals = 0;
  unsigned ArgOffset = 0;
};

struct EventSpec {
  std::string Name;
  std::optional<unsigned> ObjectArg;
  std::optional<unsigned> QualifierArg, HandleArg, BindsHandleArg;
  std::string KeySpace;
  std::vector<unsigned> OutArgs;
  std::string Outcome = "always";
  std::optional<unsigned> AlwaysIfNullArg;
  bool Ordered = false;
  std::string Trace;
  std::vector<std::string> Functions;
  std::vector<CallSpec> Calls;
};

struct KeySpec {
  int64_t Value = 0;
  std::string Name;
  bool Qualified = false;
  std::optional<unsigned> Level;
};

struct OrderSpec {
  std::string Violation;
  std::vector<std::string> Holding;
};

struct ConditionSpec {
  std::string Name, Struct, Field;
  std::optional<int64_t> Value;
};

struct EntryStateSpec {
  std::vector<std::string> Roles;
  std::string Key, State;
  std::optional<unsigned> Param;
  std::vector<std::string> When;
};

struct TransitionSpec {
  std::string From, Event, To, Violation;
};

struct ExitSpec {
  std::string State, Violation;
};

struct ViolationSpec {
  std::string Id, Message, Trace;
};

struct RuleSpec {
  std::string Rule, Summary, Description, HelpUri, Object, ObjectType, HandleType;
  std::string QualifierType;
  std::vector<std::string> Models;
  bool ObjectIsHandle = false;
  std::vector<KeySpec> Keys;
  std::string SingleObject;
  std::vector<sdv::MethodTableSpec> MethodTables;
  std::optional<OrderSpec> Order;
  std::vector<ConditionSpec> Conditions;
  std::vector<EntryStateSpec> EntryStates;
  std::vector<std::string> States;
  std::string Initial;
  std::vector<EventSpec> Events;
  std::vector<TransitionSpec> Transitions;
  std::vector<ExitSpec> Exit;
  std::vector<ViolationSpec> Violations;
  std::vector<std::string> ExitRoles;
  bool ObjectIsOpaque = false;
};

} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(CallSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(EventSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(KeySpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(ConditionSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(EntryStateSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(TransitionSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(ExitSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(ViolationSpec)

namespace llvm::yaml {

template <> struct MappingTraits<CallSpec> {
  static void mapping(IO &Io, CallSpec &C) {
    Io.mapRequired("function", C.Function);
    Io.mapOptional("when-arg", C.WhenArg);
    Io.mapOptional("equals", C.Equals, int64_t(0));
    Io.mapOptional("arg-offset", C.ArgOffset, 0u);
  }
};

template <> struct MappingTraits<EventSpec> {
  static void mapping(IO &Io, EventSpec &E) {
    Io.mapRequired("name", E.Name);
    Io.mapOptional("object-arg", E.ObjectArg);
    Io.mapOptional("qualifier-arg", E.QualifierArg);
    Io.mapOptional("key-space", E.KeySpace);
    Io.mapOptional("handle-arg", E.HandleArg);
    Io.mapOptional("binds-handle-arg", E.BindsHandleArg);
    Io.mapOptional("out-args", E.OutArgs);
    Io.mapOptional("outcome", E.Outcome, std::string("always"));
    Io.mapOptional("always-if-null-arg", E.AlwaysIfNullArg);
    Io.mapOptional("ordered", E.Ordered, false);
    Io.mapRequired("trace", E.Trace);
    Io.mapOptional("functions", E.Functions);
    Io.mapOptional("calls", E.Calls);
  }
};

template <> struct MappingTraits<KeySpec> {
  static void mapping(IO &Io, KeySpec &K) {
    Io.mapRequired("value", K.Value);
    Io.mapRequired("name", K.Name);
    Io.mapOptional("qualified", K.Qualified, false);
    Io.mapOptional("level", K.Level);
  }
};

template <> struct MappingTraits<OrderSpec> {
  static void mapping(IO &Io, OrderSpec &O) {
    Io.mapRequired("violation", O.Violation);
    Io.mapRequired("holding", O.Holding);
  }
};

template <> struct MappingTraits<ConditionSpec> {
  static void mapping(IO &Io, ConditionSpec &C) {
    Io.mapRequired("name", C.Name);
    Io.mapRequired("struct", C.Struct);
    Io.mapRequired("field", C.Field);
    Io.mapOptional("value", C.Value);
  }
};

template <> struct MappingTraits<EntryStateSpec> {
  static void mapping(IO &Io, EntryStateSpec &E) {
    Io.mapRequired("roles", E.Roles);
    Io.mapOptional("key", E.Key);
    Io.mapOptional("param", E.Param);
    Io.mapRequired("state", E.State);
    Io.mapOptional("when", E.When);
  }
};

template <> struct MappingTraits<TransitionSpec> {
  static void mapping(IO &Io, TransitionSpec &T) {
    Io.mapRequired("from", T.From);
    Io.mapRequired("event", T.Event);
    Io.mapOptional("to", T.To);
    Io.mapOptional("violation", T.Violation);
  }
};

template <> struct MappingTraits<ExitSpec> {
  static void mapping(IO &Io, ExitSpec &X) {
    Io.mapRequired("state", X.State);
    Io.mapRequired("violation", X.Violation);
  }
};

template <> struct MappingTraits<ViolationSpec> {
  static void mapping(IO &Io, ViolationSpec &V) {
    Io.mapRequired("id", V.Id);
    Io.mapRequired("message", V.Message);
    Io.mapRequired("trace", V.Trace);
  }
};

template <> struct MappingTraits<RuleSpec> {
  static void mapping(IO &Io, RuleSpec &R) {
    Io.mapRequired("rule", R.Rule);
    Io.mapRequired("summary", R.Summary);
    Io.mapOptional("description", R.Description);
    Io.mapOptional("help-uri", R.HelpUri);
    Io.mapOptional("models", R.Models);
    Io.mapRequired("object", R.Object);
    Io.mapOptional("object-type", R.ObjectType);
    Io.mapOptional("object-is-handle", R.ObjectIsHandle, false);
    Io.mapOptional("handle-type", R.HandleType);
    Io.mapOptional("qualifier-type", R.QualifierType);
    Io.mapOptional("object-keys", R.Keys);
    Io.mapOptional("single-object", R.SingleObject);
    Io.mapOptional("method-tables", R.MethodTables);
    Io.mapRequired("states", R.States);
    Io.mapRequired("initial", R.Initial);
    Io.mapRequired("events", R.Events);
    Io.mapRequired("transitions", R.Transitions);
    Io.mapOptional("exit", R.Exit);
    Io.mapRequired("violations", R.Violations);
    Io.mapOptional("exit-roles", R.ExitRoles);
    Io.mapOptional("opaque-object", R.ObjectIsOpaque, false);
    Io.mapOptional("order", R.Order);
    Io.mapOptional("conditions", R.Conditions);
    Io.mapOptional("entry-states", R.EntryStates);
  }
};

} // namespace llvm::yaml

namespace sdv {

namespace {

Error ruleError(StringRef BufferName, const Twine &Message) {
  return createStringError(inconvertibleErrorCode(),
                           BufferName + ": " + Message);
}

template <typename T>
std::optional<unsigned> indexOf(const std::vector<T> &Items, StringRef Name,
                                function_ref<StringRef(const T &)> Key) {
  for (unsigned I = 0; I < Items.size(); ++I)
    if (Key(Items[I]) == Name)
      return I;
  return std::nullopt;
}

} // namespace

Expected<Rule> Rule::parse(StringRef Yaml, StringRef BufferName) {
  RuleSpec Spec;
  if (Error E = readYaml(Yaml, BufferName, Spec))
    return std::move(E);

  Rule R;
  R.Id = Spec.Rule;
  R.Summary = Spec.Summary;
  R.Description = Spec.Description;
  R.HelpUri = Spec.HelpUri;
  R.Models = Spec.Models;
  R.ObjectIsOpaque = Spec.ObjectIsOpaque;
  R.ObjectNoun = Spec.Object;
  R.ObjectType = Spec.ObjectType;
  R.ObjectIsHandle = Spec.ObjectIsHandle;
  R.HandleType = Spec.HandleType;
  R.QualifierType = Spec.QualifierType;
  R.ExitRoles = Spec.ExitRoles;
  R.Methods = sdv::methodSlots(Spec.MethodTables);
  if (R.Id.empty() || !all_of(R.Id, [](char C) { return isAlnum(C) || C == '_'; }))
    return ruleError(BufferName, "rule name '" + R.Id +
                                     "' must be a non-empty identifier");
  for (const std::string &Model : R.Models)
    if (!is_contained(std::initializer_list<StringRef>{"WDM", "KMDF", "NDIS", "Storport"},
                      Model))
      return ruleError(BufferName, "unknown driver model '" + Model +
                                       "' (expected WDM, KMDF, NDIS or Storport)");

  // How objects are named.
  if (!Spec.Keys.empty() && !Spec.SingleObject.empty())
    return ruleError(BufferName,
                     "'object-keys' and 'single-object' exclude each other");
  if (!Spec.Keys.empty()) {
    R.Naming = ObjectNaming::Key;
    for (const KeySpec &K : Spec.Keys) {
      if (any_of(R.Keys, [&](const ObjectKey &O) {
            return O.Value == K.Value || O.Name == K.Name;
          }))
        return ruleError(BufferName, "object key '" + K.Name + "' (" +
                                         Twine(K.Value) + ") is declared twice");
      R.Keys.push_back({K.Value, K.Name, K.Qualified, K.Level});
    }
  } else if (!Spec.SingleObject.empty()) {
    R.Naming = ObjectNaming::Single;
    R.SingleName = Spec.SingleObject;
  }
  if (R.ObjectIsHandle && R.Naming != ObjectNaming::Pointer)
    return ruleError(BufferName, "'object-is-handle' needs objects named by pointer");

  if (Spec.States.empty() || Spec.States.size() > MaxRuleStates)
    return ruleError(BufferName, "a rule has 1 to " + Twine(MaxRuleStates) +
                                     " states, not " +
                                     Twine(Spec.States.size()));
  StringSet<> Seen;
  for (const std::string &S : Spec.States)
    if (!Seen.insert(S).second)
      return ruleError(BufferName, "state '" + S + "' is declared twice");
  R.States = Spec.States;
  auto StateIndex = [&](StringRef Name) {
    return indexOf<std::string>(R.States, Name,
                                [](const std::string &S) { return StringRef(S); });
  };
  std::optional<unsigned> Initial = StateIndex(Spec.Initial);
  if (!Initial)
    return ruleError(BufferName,
                     "initial state '" + Spec.Initial + "' is not a state");
  R.Initial = *Initial;

  for (const ViolationSpec &V : Spec.Violations) {
    if (indexOf<RuleViolation>(R.Violations, V.Id,
                               [](const RuleViolation &X) { return StringRef(X.Id); }))
      return ruleError(BufferName, "violation '" + V.Id + "' is declared twice");
    R.Violations.push_back({V.Id, V.Message, V.Trace});
  }
  if (R.Violations.empty() || R.Violations.size() > 255)
    return ruleError(BufferName, "a rule declares 1 to 255 violations");
  auto ViolationIndex = [&](StringRef Id) {
    return indexOf<RuleViolation>(R.Violations, Id,
                                  [](const RuleViolation &X) { return StringRef(X.Id); });
  };

  if (Spec.Events.empty() || Spec.Events.size() > 255)
    return ruleError(BufferName, "a rule declares 1 to 255 events");
  bool AnyQualified = any_of(R.Keys, [](const ObjectKey &K) { return K.Qualified; });
  for (const EventSpec &E : Spec.Events) {
    auto EventError = [&](const Twine &Message) {
      return ruleError(BufferName, "event '" + E.Name + "' " + Message);
    };
    RuleEvent Event;
    Event.Name = E.Name;
    Event.ObjectArg = E.ObjectArg.value_or(0);
    Event.QualifierArg = E.QualifierArg;
    Event.HandleArg = E.HandleArg;
    Event.BindsHandleArg = E.BindsHandleArg;
    Event.OutArgs = E.OutArgs;
    Event.Ordered = E.Ordered;
    Event.TraceText = E.Trace;
    if (E.Outcome == "always")
      Event.Outcome = EventOutcome::Always;
    else if (E.Outcome == "on-nonzero-result")
      Event.Outcome = EventOutcome::OnNonZeroResult;
    else if (E.Outcome == "on-zero-result")
      Event.Outcome = EventOutcome::OnZeroResult;
    else
      return EventError("has outcome '" + E.Outcome +
                        "'; expected 'always', 'on-nonzero-result' or "
                        "'on-zero-result'");
    if (E.AlwaysIfNullArg && Event.Outcome == EventOutcome::Always)
      return EventError("has 'always-if-null-arg' but its outcome is 'always'");
    Event.AlwaysIfNullArg = E.AlwaysIfNullArg;
    if (!E.KeySpace.empty()) {
      if (R.Naming != ObjectNaming::Key)
        return EventError("has a 'key-space', but objects are not named by key");
      auto It = find(R.KeySpaces, E.KeySpace);
      Event.KeySpace = (It - R.KeySpaces.begin()) + 1;
      if (It == R.KeySpaces.end())
        R.KeySpaces.push_back(E.KeySpace);
    }
    if (E.HandleArg && (E.ObjectArg || E.BindsHandleArg || E.QualifierArg))
      return EventError("names its object through 'handle-arg': it takes no "
                        "'object-arg', 'qualifier-arg' or 'binds-handle-arg'");
    if (R.Naming == ObjectNaming::Single && (E.ObjectArg || E.QualifierArg || E.HandleArg))
      return EventError("names no object argument: the rule has a single object");
    if (E.QualifierArg && !AnyQualified)
      return EventError("has a 'qualifier-arg', but no object key is qualified");
    if (E.Ordered && R.Naming != ObjectNaming::Key)
      return EventError("is ordered, but objects have levels only by key");
    if (indexOf<RuleEvent>(R.Events, E.Name,
                           [](const RuleEvent &X) { return StringRef(X.Name); }))
      return EventError("is declared twice");
    if (E.Functions.empty() && E.Calls.empty())
      return EventError("lists no 'functions' or 'calls'");
    EventId Id = R.Events.size();
    for (const std::string &F : E.Functions) {
      StringRef Name = normalizeSymbol(F);
      if (Name.empty())
        return EventError("lists an empty function name");
      auto [It, Inserted] = R.EventByFunction.try_emplace(Name, Id);
      if (!Inserted && It->second != Id)
        return ruleError(BufferName, "function '" + F +
                                         "' is monitored by two events");
      if (none_of(Event.Calls, [&](const CallPattern &P) { return P.Function == Name; }))
        Event.Calls.push_back({Name.str(), std::nullopt, 0, 0});
    }
    for (const CallSpec &C : E.Calls) {
      StringRef Name = normalizeSymbol(C.Function);
      if (Name.empty())
        return EventError("lists an empty function name");
      Event.Calls.push_back({Name.str(), C.WhenArg, C.Equals, C.ArgOffset});
    }
    Event.Functions = E.Functions;
    R.Events.push_back(std::move(Event));
  }
  // Two events raised by one call would be ambiguous.
  for (unsigned A = 0; A < R.Events.size(); ++A)
    for (unsigned B = A + 1; B < R.Events.size(); ++B)
      for (const CallPattern &P : R.Events[A].Calls)
        for (const CallPattern &Q : R.Events[B].Calls) {
          if (P.Function != Q.Function)
            continue;
          bool Overlap = !P.WhenArg || !Q.WhenArg ||
                         (*P.WhenArg == *Q.WhenArg && P.Equals == Q.Equals);
          if (Overlap)
            return ruleError(BufferName, "a call of '" + P.Function +
                                             "' is monitored by two events");
        }

  unsigned NumEvents = R.Events.size();
  R.Table.assign(R.States.size() * NumEvents, Transition());
  std::vector<bool> Defined(R.Table.size(), false);
  for (const TransitionSpec &T : Spec.Transitions) {
    std::optional<unsigned> From = StateIndex(T.From);
    if (!From)
      return ruleError(BufferName, "transition from unknown state '" + T.From + "'");
    std::optional<unsigned> Ev = indexOf<RuleEvent>(
        R.Events, T.Event, [](const RuleEvent &X) { return StringRef(X.Name); });
    if (!Ev)
      return ruleError(BufferName, "transition on unknown event '" + T.Event + "'");
    if (T.To.empty() == T.Violation.empty())
      return ruleError(BufferName, "transition from '" + T.From + "' on '" +
                                       T.Event +
                                       "' needs exactly one of 'to' and "
                                       "'violation'");
    unsigned Slot = *From * NumEvents + *Ev;
    if (Defined[Slot])
      return ruleError(BufferName, "transition from '" + T.From + "' on '" +
                                       T.Event + "' is declared twice");
    Defined[Slot] = true;
    Transition &Tr = R.Table[Slot];
    if (!T.To.empty()) {
      std::optional<unsigned> To = StateIndex(T.To);
      if (!To)
        return ruleError(BufferName, "transition to unknown state '" + T.To + "'");
      Tr.Next = *To;
    } else {
      std::optional<unsigned> V = ViolationIndex(T.Violation);
      if (!V)
        return ruleError(BufferName,
                         "transition raises unknown violation '" + T.Violation + "'");
      Tr.Violation = *V;
    }
  }
  // An unlisted (state, event) pair leaves the state as it is.
  for (unsigned S = 0; S < R.States.size(); ++S)
    for (unsigned E = 0; E < NumEvents; ++E)
      if (!Defined[S * NumEvents + E])
        R.Table[S * NumEvents + E].Next = S;

  R.ExitViolations.assign(R.States.size(), std::nullopt);
  for (const ExitSpec &X : Spec.Exit) {
    std::optional<unsigned> S = StateIndex(X.State);
    if (!S)
      return ruleError(BufferName, "exit check on unknown state '" + X.State + "'");
    std::optional<unsigned> V = ViolationIndex(X.Violation);
    if (!V)
      return ruleError(BufferName,
                       "exit check raises unknown violation '" + X.Violation + "'");
    R.ExitViolations[*S] = *V;
  }
  if (R.ExitViolations[R.Initial])
    return ruleError(BufferName, "the initial state cannot be an exit violation");

  if (Spec.Order) {
    std::optional<unsigned> V = ViolationIndex(Spec.Order->Violation);
    if (!V)
      return ruleError(BufferName, "the order raises unknown violation '" +
                                       Spec.Order->Violation + "'");
    R.OrderViolation = *V;
    for (const std::string &S : Spec.Order->Holding) {
      std::optional<unsigned> Index = StateIndex(S);
      if (!Index)
        return ruleError(BufferName, "the order names unknown state '" + S + "'");
      R.Holding |= StateSet(1u << *Index);
    }
    if (none_of(R.Keys, [](const ObjectKey &K) { return K.Level.has_value(); }))
      return ruleError(BufferName, "an order needs object keys with levels");
    if (none_of(R.Events, [](const RuleEvent &E) { return E.Ordered; }))
      return ruleError(BufferName, "an order needs an event marked 'ordered'");
  }

  for (const ConditionSpec &C : Spec.Conditions) {
    if (any_of(R.Conditions, [&](const DriverCondition &D) { return D.Name == C.Name; }))
      return ruleError(BufferName, "condition '" + C.Name + "' is declared twice");
    R.Conditions.push_back({C.Name, C.Struct, C.Field, C.Value});
  }
  for (const EntryStateSpec &E : Spec.EntryStates) {
    EntryState ES;
    ES.Roles = E.Roles;
    if (ES.Roles.empty())
      return ruleError(BufferName, "an entry state names no role");
    std::optional<unsigned> State = StateIndex(E.State);
    if (!State)
      return ruleError(BufferName, "entry state '" + E.State + "' is not a state");
    ES.State = *State;
    if (E.Param && R.Naming != ObjectNaming::Pointer)
      return ruleError(BufferName, "entry state names parameter " + Twine(*E.Param) +
                                       ", but the rule's objects are not named by "
                                       "pointers or handles");
    switch (R.Naming) {
    case ObjectNaming::Key: {
      auto It = find_if(R.Keys, [&](const ObjectKey &K) { return K.Name == E.Key; });
      if (It == R.Keys.end())
        return ruleError(BufferName, "entry state names unknown object key '" +
                                         E.Key + "'");
      if (It->Qualified)
        return ruleError(BufferName, "entry state names qualified key '" + E.Key +
                                         "', which is one object per qualifier");
      ES.Key = It - R.Keys.begin();
      break;
    }
    case ObjectNaming::Single:
      if (!E.Key.empty())
        return ruleError(BufferName, "entry state names key '" + E.Key +
                                         "', but the rule has a single object");
      break;
    case ObjectNaming::Pointer:
      if (!E.Param)
        return ruleError(BufferName, "an entry state of a rule whose objects are "
                                     "named by pointers or handles names the "
                                     "routine's parameter that names the object "
                                     "('param')");
      ES.Param = *E.Param;
      break;
    }
    for (StringRef When : E.When) {
      bool Negated = When.consume_front("!");
      auto It = find_if(R.Conditions,
                        [&](const DriverCondition &D) { return D.Name == When; });
      if (It == R.Conditions.end())
        return ruleError(BufferName, "entry state depends on unknown condition '" +
                                         When + "'");
      ES.When.push_back({unsigned(It - R.Conditions.begin()), Negated});
    }
    R.EntryStates.push_back(std::move(ES));
  }
  return R;
}

std::optional<unsigned> Rule::keyIndex(int64_t Value) const {
  for (unsigned I = 0; I < Keys.size(); ++I)
    if (Keys[I].Value == Value)
      return I;
  return std::nullopt;
}

std::optional<EventId> Rule::eventFor(StringRef Callee) const {
  auto It = EventByFunction.find(normalizeSymbol(Callee));
  if (It == EventByFunction.end())
    return std::nullopt;
  return It->second;
}

bool Rule::checksExitOf(StringRef Role) const {
  if (ExitRoles.empty())
    return true;
  return any_of(ExitRoles,
                [&](const std::string &R) { return R == "*" || R == Role; });
}

Expected<std::vector<Rule>> builtinRules() {
  struct Embedded {
    const char *Name;
    const char *Text;
  };
  static const Embedded Files[] = {
#include "BuiltinRules.inc"
  };
  std::vector<Rule> Rules;
  for (const Embedded &F : Files) {
    Expected<Rule> R = Rule::parse(F.Text, F.Name);
    if (!R)
      return R.takeError();
    Rules.push_back(std::move(*R));
  }
  return Rules;
}

Expected<Rule> loadRuleFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read rule file '" +
                                                    Path + "': " +
                                                    Buffer.getError().message());
  return Rule::parse((*Buffer)->getBuffer(), Path);
}

} // namespace sdv
