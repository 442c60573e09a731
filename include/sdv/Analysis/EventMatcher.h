//===- sdv/Analysis/EventMatcher.h - Which calls are events -----*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A call is an event of a rule when it calls one of the rule's functions
/// by name, or calls it with the constant argument a pattern names
/// (`StorPortNotification(AcquireSpinLock, ...)`), or calls one of the
/// rule's framework methods through its method table
/// (`WdfFunctions[WdfSpinLockAcquireTableIndex](...)`). One call may be an
/// event of several rules (two rules over one API).
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_EVENTMATCHER_H
#define SDV_ANALYSIS_EVENTMATCHER_H

#include "sdv/Rule/Rule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace llvm {
class CallBase;
class Function;
} // namespace llvm

namespace sdv {

/// Index of a rule among those checked together.
using RuleIndex = uint8_t;

/// A call that raises event `Event` of rule `Rule`; the API's argument I is
/// the call's argument I + ArgOffset.
struct EventCall {
  RuleIndex Rule = 0;
  EventId Event = 0;
  unsigned ArgOffset = 0;
};

/// Which events of \p Rules a call raises. (It remembers what it found
/// for each callee: one matcher serves one thread.)
class EventMatcher {
public:
  explicit EventMatcher(llvm::ArrayRef<const Rule *> Rules);

  /// The events \p CB raises, in rule order.
  llvm::SmallVector<EventCall, 1> match(const llvm::CallBase &CB) const;
  /// Whether \p Name is a monitored function's (a call to it by name is an
  /// event whatever its arguments).
  bool monitorsByName(llvm::StringRef Name) const;
  bool empty() const { return ByName.empty(); }

private:
  struct Pattern {
    RuleIndex Rule;
    EventId Event;
    const CallPattern *Call;
  };
  llvm::StringMap<llvm::SmallVector<Pattern, 2>> ByName;
  std::vector<MethodSlot> Slots;
  mutable llvm::DenseMap<const llvm::Function *, const llvm::SmallVector<Pattern, 2> *>
      ByCallee;
};

/// What \p Rules' monitored calls do to memory, for canonicalisation
/// (MonitoredCalls): for a call that is an event of opaque-object rules
/// only, the call arguments it writes that the driver may read.
std::optional<llvm::SmallVector<unsigned, 2>>
knownEffects(const llvm::CallBase &CB, const EventMatcher &Matcher,
             llvm::ArrayRef<const Rule *> Rules);

/// Whether a path through \p F may leave one of \p Rules' objects in
/// another state than it found it: \p F's monitored calls taken on each
/// path, as if on one object, from the rule's initial state, fail or end in
/// another state (an acquire without its release, a release of a lock the
/// caller holds, two locks taken in turn). A function whose every path
/// takes and drops its lock leaves its callers' locks alone whichever way
/// it branches. Paths are followed in a function without loops; a function
/// with a loop, or more than a few hundred distinct paths, may change its
/// caller's locks. (A heuristic for canonicalisation: where it errs, a
/// helper is summarised rather than inlined, or the reverse; the analysis
/// stays exact either way.)
bool mayChangeState(const llvm::Function &F, const EventMatcher &Matcher,
                    llvm::ArrayRef<const Rule *> Rules);

} // namespace sdv

#endif // SDV_ANALYSIS_EVENTMATCHER_H
