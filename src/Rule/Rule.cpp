//===- Rule.cpp - Typestate rules as data ---------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Rule/Rule.h"

#include "sdv/IR/Symbols.h"
#include "sdv/Support/Yaml.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {

// The file format, as read by LLVM's YAML I/O. Names are resolved and
// checked afterwards, in Rule::parse.
struct EventSpec {
  std::string Name;
  unsigned ObjectArg = 0;
  std::string Outcome = "always";
  std::string Trace;
  std::vector<std::string> Functions;
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
  std::string Rule, Summary, Description, HelpUri, Object, ObjectType;
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

LLVM_YAML_IS_SEQUENCE_VECTOR(EventSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(TransitionSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(ExitSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(ViolationSpec)

namespace llvm::yaml {

template <> struct MappingTraits<EventSpec> {
  static void mapping(IO &Io, EventSpec &E) {
    Io.mapRequired("name", E.Name);
    Io.mapOptional("object-arg", E.ObjectArg, 0u);
    Io.mapOptional("outcome", E.Outcome, std::string("always"));
    Io.mapRequired("trace", E.Trace);
    Io.mapRequired("functions", E.Functions);
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
    Io.mapRequired("object", R.Object);
    Io.mapOptional("object-type", R.ObjectType);
    Io.mapRequired("states", R.States);
    Io.mapRequired("initial", R.Initial);
    Io.mapRequired("events", R.Events);
    Io.mapRequired("transitions", R.Transitions);
    Io.mapOptional("exit", R.Exit);
    Io.mapRequired("violations", R.Violations);
    Io.mapOptional("exit-roles", R.ExitRoles);
    Io.mapOptional("opaque-object", R.ObjectIsOpaque, false);
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
  R.ObjectIsOpaque = Spec.ObjectIsOpaque;
  R.ObjectNoun = Spec.Object;
  R.ObjectType = Spec.ObjectType;
  R.ExitRoles = Spec.ExitRoles;
  if (R.Id.empty() || !all_of(R.Id, [](char C) { return isAlnum(C) || C == '_'; }))
    return ruleError(BufferName, "rule name '" + R.Id +
                                     "' must be a non-empty identifier");

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
  for (const EventSpec &E : Spec.Events) {
    RuleEvent Event;
    Event.Name = E.Name;
    Event.ObjectArg = E.ObjectArg;
    Event.TraceText = E.Trace;
    if (E.Outcome == "always")
      Event.Outcome = EventOutcome::Always;
    else if (E.Outcome == "on-nonzero-result")
      Event.Outcome = EventOutcome::OnNonZeroResult;
    else
      return ruleError(BufferName, "event '" + E.Name + "' has outcome '" +
                                       E.Outcome +
                                       "'; expected 'always' or "
                                       "'on-nonzero-result'");
    if (indexOf<RuleEvent>(R.Events, E.Name,
                           [](const RuleEvent &X) { return StringRef(X.Name); }))
      return ruleError(BufferName, "event '" + E.Name + "' is declared twice");
    EventId Id = R.Events.size();
    for (const std::string &F : E.Functions) {
      StringRef Name = normalizeSymbol(F);
      if (Name.empty())
        return ruleError(BufferName, "event '" + E.Name +
                                         "' lists an empty function name");
      auto [It, Inserted] = R.EventByFunction.try_emplace(Name, Id);
      if (!Inserted && It->second != Id)
        return ruleError(BufferName, "function '" + F +
                                         "' is monitored by two events");
    }
    Event.Functions = E.Functions;
    R.Events.push_back(std::move(Event));
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
  return R;
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
