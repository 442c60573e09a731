//===- sdv/Rule/Rule.h - Typestate rules as data ----------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A rule is a finite automaton over the states of one object (a lock),
/// driven by calls to monitored functions. It is read from a YAML file (see
/// rules/*.yaml and docs/rule-format.md); nothing in the analysis engine
/// names a kernel API, the engine only asks a Rule which calls are its
/// events, how they name their object, and how a state moves.
///
/// What a rule can say:
/// - how its calls name their object: by a pointer argument (the lock's
///   address, or a handle's value), by a constant argument (a lock kind,
///   optionally qualified by a pointer argument), or not at all (the rule
///   has one object); and that an event binds a lock handle to its object,
///   so that a later event names the object through the handle alone;
/// - which calls are events: a function by name, a function whose argument
///   is a given constant (`StorPortNotification(AcquireSpinLock, ...)`), or
///   a method called through a framework's method table (`WdfFunctions`),
///   with the arguments the call passes before the API's own;
/// - the state an object starts in when a routine of a given role is entered
///   (the I/O manager calls a cancel routine holding the cancel spin lock),
///   possibly only when the driver configures itself so;
/// - an order between objects (lock levels): an acquisition while an object
///   of a higher level is held is a violation;
/// - the driver models it applies to.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_RULE_RULE_H
#define SDV_RULE_RULE_H

#include "sdv/IR/MethodTable.h"

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
  /// Only when the call returns zero (an acquire that returns a status,
  /// zero for success).
  OnZeroResult,
};

/// How a rule's monitored calls name the object they act on.
enum class ObjectNaming : uint8_t {
  /// By a pointer argument: the object it points to (`&Ext->Lock`), or, for
  /// a handle object, the handle value itself (`DevCtx->Lock`, a WDFSPINLOCK).
  Pointer,
  /// By a constant argument (a lock kind); a qualified key is also named by
  /// a pointer argument (the DPC a Storport DPC lock belongs to).
  Key,
  /// The rule has one object, named by no argument (the cancel spin lock).
  Single,
};

/// An object named by a constant: `StartIoLock` is 2.
struct ObjectKey {
  int64_t Value = 0;
  std::string Name;
  /// Each value of the event's qualifier argument is its own object.
  bool Qualified = false;
  /// Its level in the rule's lock order, if it has one.
  std::optional<unsigned> Level;
};

/// A call that raises an event: `Function` by source name (decoration
/// stripped) or a method of the rule's method tables, and only if argument
/// `WhenArg` is the constant `Equals`. `ArgOffset` arguments precede the
/// API's own (`StorPortNotification(AcquireSpinLock, ...)` passes the code
/// before `StorPortAcquireSpinLock`'s arguments).
struct CallPattern {
  std::string Function;
  std::optional<unsigned> WhenArg;
  int64_t Equals = 0;
  unsigned ArgOffset = 0;
};

struct RuleEvent {
  std::string Name;
  /// The argument (in the API's numbering) that names the object: its
  /// pointer (ObjectNaming::Pointer) or its constant (ObjectNaming::Key).
  /// Unused when the object is named through HandleArg or the rule has one
  /// object.
  unsigned ObjectArg = 0;
  /// Key naming: the argument that qualifies a qualified key.
  std::optional<unsigned> QualifierArg;
  /// Key naming: the key space of the object's constant (0: the rule's
  /// object-keys; others: Rule::keySpaces(), such as a message number).
  unsigned KeySpace = 0;
  /// The object is the one bound to the lock handle this argument points to
  /// (`KeReleaseInStackQueuedSpinLock(&Handle)`).
  std::optional<unsigned> HandleArg;
  /// From this event on, the lock handle this argument points to names the
  /// object (`KeAcquireInStackQueuedSpinLock(&Lock, &Handle)`).
  std::optional<unsigned> BindsHandleArg;
  /// Pointer arguments the call writes through that the driver may read
  /// afterwards (an IRQL out-parameter); every other argument's memory is
  /// untouched, when the rule's object is opaque.
  std::vector<unsigned> OutArgs;
  EventOutcome Outcome = EventOutcome::Always;
  /// An outcome other than Always holds only when this argument is not a
  /// null pointer: with a null one the event always happens
  /// (`WdfWaitLockAcquire(Lock, NULL)` waits until it has the lock).
  std::optional<unsigned> AlwaysIfNullArg;
  /// Whether the event acquires, for the lock order.
  bool Ordered = false;
  /// Source names of the functions that raise this event, as listed.
  std::vector<std::string> Functions;
  /// Every call that raises it (Functions plus conditional and offset
  /// forms).
  std::vector<CallPattern> Calls;
  /// Trace text for this event; `{object}` and `{function}` are replaced.
  std::string TraceText;
};

struct RuleViolation {
  /// Stable identifier, e.g. `double-acquire`.
  std::string Id;
  /// Diagnostic text; `{function}`, `{object}`, `{entry}`, `{role}` and
  /// (for an order violation) `{held}` are replaced.
  std::string Message;
  /// Trace text of the violating event.
  std::string TraceText;
};

/// The result of one event in one state.
struct Transition {
  std::optional<StateId> Next;
  std::optional<ViolationId> Violation;
};

/// A fact about how the driver configures itself, read off its IR: whether
/// it stores into field `Field` of structure `Struct` (the value `Value`,
/// if given). A store of a value that is not a constant leaves the fact
/// unknown.
struct DriverCondition {
  std::string Name;
  std::string Struct, Field;
  std::optional<int64_t> Value;
};

/// An object's state when a routine of one of `Roles` is entered, if every
/// condition of `When` holds (a condition index, and whether it is negated).
struct EntryState {
  std::vector<std::string> Roles;
  /// Index into keys() (Key naming); unset for the rule's one object.
  std::optional<unsigned> Key;
  /// Pointer naming: the object the routine's parameter of this number
  /// (0-based) points to, or is, for a rule whose objects are handles.
  std::optional<unsigned> Param;
  StateId State = 0;
  std::vector<std::pair<unsigned, bool>> When;
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
  /// The driver models the rule applies to (`WDM`, `KMDF`, `NDIS`,
  /// `Storport`); empty for every model.
  const std::vector<std::string> &models() const { return Models; }
  /// What the checked object is called in messages, e.g. `spinlock`.
  llvm::StringRef objectNoun() const { return ObjectNoun; }
  /// The C type of the checked object (e.g. `KSPIN_LOCK`), to name it in
  /// messages; empty if not declared.
  llvm::StringRef objectType() const { return ObjectType; }
  /// Whether the object is opaque: the driver never reads or writes its
  /// memory, and the monitored routines touch no other memory of the
  /// driver's (but their events' OutArgs and bound handles). A driver's
  /// reads of its own fields are then known equal across calls to them.
  bool objectIsOpaque() const { return ObjectIsOpaque; }

  ObjectNaming naming() const { return Naming; }
  /// Pointer naming: the pointer argument is a handle whose value is the
  /// object (`WDFSPINLOCK`), printed as the expression that holds it.
  bool objectIsHandle() const { return ObjectIsHandle; }
  /// The C type of the lock handles events bind (`KLOCK_QUEUE_HANDLE`), to
  /// name one in messages; empty if not declared.
  llvm::StringRef handleType() const { return HandleType; }
  /// The C type of what a qualified key's qualifier points to (`STOR_DPC`),
  /// to name it in messages; empty if not declared.
  llvm::StringRef qualifierType() const { return QualifierType; }
  /// Key naming: the objects by constant.
  const std::vector<ObjectKey> &keys() const { return Keys; }
  /// The key whose value is \p Value, if any.
  std::optional<unsigned> keyIndex(int64_t Value) const;
  /// Single naming: the object's name in messages (`cancel spin lock`).
  llvm::StringRef singleName() const { return SingleName; }
  /// Key naming: the names of the key spaces besides object-keys, from 1
  /// (`MSI spin lock`, whose constants are message numbers).
  llvm::StringRef keySpaceName(unsigned Space) const { return KeySpaces[Space - 1]; }
  /// An object's key: \p Value in key space \p Space.
  static int64_t spacedKey(unsigned Space, int64_t Value) {
    return Space ? (int64_t(Space) << KeySpaceShift) | (Value & KeyValueMask) : Value;
  }
  static unsigned keySpaceOf(int64_t Key) {
    return Key >= 0 ? unsigned(Key >> KeySpaceShift) : 0;
  }
  static int64_t keyValueOf(int64_t Key) {
    return keySpaceOf(Key) ? (Key & KeyValueMask) : Key;
  }
  /// The value of a key that is no constant but a number read from memory;
  /// the object is then qualified by where it was read.
  static constexpr int64_t ValueKey = (int64_t(1) << 40) - 1;

  unsigned numStates() const { return States.size(); }
  llvm::StringRef stateName(StateId S) const { return States[S]; }
  StateId initialState() const { return Initial; }

  /// The event a call to \p Callee raises whatever its arguments, if it is
  /// one of an event's `functions` (an IR symbol name; decoration is
  /// stripped before the look-up).
  std::optional<EventId> eventFor(llvm::StringRef Callee) const;
  const RuleEvent &event(EventId E) const { return Events[E]; }
  unsigned numEvents() const { return Events.size(); }
  /// The framework methods called through tables that the rule's calls name.
  const std::vector<MethodSlot> &methodSlots() const { return Methods; }

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

  /// The lock order's violation, if the rule orders its objects.
  std::optional<ViolationId> orderViolation() const { return OrderViolation; }
  /// The states in which an object counts as held for the lock order.
  StateSet holdingStates() const { return Holding; }

  const std::vector<DriverCondition> &conditions() const { return Conditions; }
  const std::vector<EntryState> &entryStates() const { return EntryStates; }

private:
  static constexpr unsigned KeySpaceShift = 40;
  static constexpr int64_t KeyValueMask = ValueKey;

  std::string Id, Summary, Description, HelpUri, ObjectNoun, ObjectType, HandleType,
      QualifierType;
  std::vector<std::string> Models;
  bool ObjectIsOpaque = false;
  ObjectNaming Naming = ObjectNaming::Pointer;
  bool ObjectIsHandle = false;
  std::vector<ObjectKey> Keys;
  std::string SingleName;
  std::vector<std::string> KeySpaces;
  std::vector<std::string> States;
  StateId Initial = 0;
  std::vector<RuleEvent> Events;
  std::vector<RuleViolation> Violations;
  std::vector<Transition> Table;
  std::vector<std::optional<ViolationId>> ExitViolations;
  llvm::StringMap<EventId> EventByFunction;
  std::vector<MethodSlot> Methods;
  /// Empty means every role.
  std::vector<std::string> ExitRoles;
  std::optional<ViolationId> OrderViolation;
  StateSet Holding = 0;
  std::vector<DriverCondition> Conditions;
  std::vector<EntryState> EntryStates;
};

/// The rules built into the binary, in a stable order.
llvm::Expected<std::vector<Rule>> builtinRules();

/// Loads a rule from a YAML file.
llvm::Expected<Rule> loadRuleFile(llvm::StringRef Path);

} // namespace sdv

#endif // SDV_RULE_RULE_H
