//===- Monitors.h - Which calls are rule events -----------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Classifies every call of a driver once, for all the rules checked
/// together (see EventMatcher).
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_MONITORS_H
#define SDV_ANALYSIS_MONITORS_H

#include "ObjectTable.h"

#include "sdv/Analysis/EventMatcher.h"

#include "sdv/Rule/Rule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <vector>

namespace llvm {
class CallBase;
class Function;
class Module;
} // namespace llvm

namespace sdv {

class Monitors {
public:
  Monitors(const llvm::Module &M, llvm::ArrayRef<const Rule *> Rules);

  /// The events \p CB raises, in rule order; empty if none.
  llvm::ArrayRef<EventCall> eventsOf(const llvm::CallBase &CB) const {
    auto It = Calls.find(&CB);
    if (It == Calls.end())
      return {};
    return It->second;
  }
  /// Whether the driver calls a function rule \p R monitors.
  bool monitored(RuleIndex R) const { return Found[R]; }
  /// Whether \p F is itself a monitored function (a defined wrapper, such
  /// as an API's inline body kept at -O0): its calls are events, its body
  /// is not the driver's.
  bool isMonitoredFunction(const llvm::Function &F) const {
    return MonitoredFunctions.count(&F);
  }

private:
  llvm::DenseMap<const llvm::CallBase *, llvm::SmallVector<EventCall, 1>> Calls;
  std::vector<bool> Found;
  llvm::DenseSet<const llvm::Function *> MonitoredFunctions;
};

} // namespace sdv

#endif // SDV_ANALYSIS_MONITORS_H
