//===- sdv/Rule/Rule.h - Typestate rules as data ----------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A rule is a finite automaton over the states of one object (a lock),
/// driven by calls to monitored functions. It is read from a YAML file (see
/// rules/SpinLockDpc.yaml); nothing in the analysis engine names a kernel API,
/// the engine only asks a Rule which event a call is and how a state moves.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_RULE_RULE_H
#define SDV_RULE_RULE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sdv {

using StateId = uint8_t;
using EventId = uint8_t;
using ViolationId = uint8_t;

/// A set of automaton states, one bit per state.
using StateSet = uint8_t;

/// Upper bound on the number of states of a rule, so that a set of states
/// fits a StateSet.
constexpr unsigned MaxRuleStates = 8;

/// When the event of a monitored call takes effect.
enum class EventOutcome : uint8_t {
  /// Whenever the call returns.
  Always,
  /// Only when the call returns a non-zero value (a try-acquire).
  OnNonZeroResult,
};

struct RuleEvent {
  std::string Name;
  /// Index of the call argument that points to the tracked object.
  unsigned ObjectArg = 0;
  EventOutcome Outcome = EventOutcome::Always;
  /// Source names of the functions that raise this event; x86-decorated
  /// spellings are accepted and normalised.
  std::vector<std::string> Functions;
  /// Trace text for this event; `{object}` and `{function}` are replaced.
  std::string TraceText;
};

struct RuleViolation {
  /// Stable identifier, e.g. `double-acquire`.
  std::string Id;
  /// Diagnostic text; `{function}`, `{object}`, `{entry}` and `{role}` are
  /// replaced.
  std::string Message;
  /// Trace text of the violating event.
  std::string TraceText;
};

/// The result of one event in one state.
struct Transition {
  std::optional<StateId> Next;
  std::optional<ViolationId> Violation;
};

/// A compiled rule: names resolved to indices, tables ready for the engine.
class Rule {
public:
  /// Parses and validates a rule from YAML text. \p BufferName names the file
  /// in error messages.
  static llvm::Expected<Rule> parse(llvm::StringRef Yaml,
                                    llvm::StringRef BufferName);

  llvm::StringRef id() const { return Id; }
  llvm::StringRef summary() const { return Summary; }
  llvm::StringRef description() const { return Description; }
  llvm::StringRef helpUri() const { return HelpUri; }
  /// What the checked object is called in messages, e.g. `spinlock`.
  llvm::StringRef objectNoun() const { return ObjectNoun; }
  /// The C type of the checked object (e.g. `KSPIN_LOCK`), to name it in
  /// messages; empty if not declared.
  llvm::StringRef objectType() const { return ObjectType; }
  /// Whether the object is opaque: the driver never reads or writes its
  /// memory, and the monitored routines touch no other memory of the
  /// driver's (a spin lock). A driver's reads of its own fields are then
  /// known equal across calls to them.
  bool objectIsOpaque() const { return ObjectIsOpaque; }

  unsigned numStates() const { return States.size(); }
  llvm::StringRef stateName(StateId S) const { return States[S]; }
  StateId initialState() const { return Initial; }

  /// The event raised by a call to \p Callee (an IR symbol name; decoration is
  /// stripped before the look-up), if the rule monitors it.
  std::optional<EventId> eventFor(llvm::StringRef Callee) const;
  const RuleEvent &event(EventId E) const { return Events[E]; }
  unsigned numEvents() const { return Events.size(); }

  const Transition &step(StateId S, EventId E) const {
    return Table[S * Events.size() + E];
  }
  /// The violation raised when an entry routine returns in state \p S.
  std::optional<ViolationId> exitViolation(StateId S) const {
    return ExitViolations[S];
  }
  const RuleViolation &violation(ViolationId V) const { return Violations[V]; }
  unsigned numViolations() const { return Violations.size(); }

  /// Whether entry routines with role \p Role are checked at their return.
  bool checksExitOf(llvm::StringRef Role) const;

private:
  std::string Id, Summary, Description, HelpUri, ObjectNoun, ObjectType;
  bool ObjectIsOpaque = false;
  std::vector<std::string> States;
  StateId Initial = 0;
  std::vector<RuleEvent> Events;
  std::vector<RuleViolation> Violations;
  std::vector<Transition> Table;
  std::vector<std::optional<ViolationId>> ExitViolations;
  llvm::StringMap<EventId> EventByFunction;
  /// Empty means every role.
  std::vector<std::string> ExitRoles;
};

/// The rules built into the binary, in a stable order.
llvm::Expected<std::vector<Rule>> builtinRules();

/// Loads a rule from a YAML file.
llvm::Expected<Rule> loadRuleFile(llvm::StringRef Path);

} // namespace sdv

#endif // SDV_RULE_RULE_H
