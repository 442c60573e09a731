//===- Trace.h - Shared, persistent traces ----------------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Traces are built by extending other traces (a callee's trace behind a
/// call step) and are shared by many path states, so they live in an arena
/// as linked lists from their last step back to their first, referred to by
/// a 32-bit index. Index 0 is the empty trace. Joining two traces makes one
/// node that refers to both, not a copy of the second: a lock's history
/// passes through every summary on the way up a call chain, and copying it
/// at each level made building traces quadratic in the chain's depth.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_ANALYSIS_TRACE_H
#define SDV_ANALYSIS_TRACE_H

#include "sdv/Analysis/Engine.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <tuple>
#include <vector>

namespace sdv {

using TraceRef = uint32_t;

class TraceArena {
public:
  TraceArena() : Nodes(1) {}

  TraceRef append(TraceRef Prefix, const TraceStep &Step) {
    auto Key = std::make_tuple(Prefix, Step.Inst, Step.Callee,
                               static_cast<unsigned>(Step.Kind) << 8 | Step.Event);
    auto [It, Inserted] = Appended.try_emplace(Key, 0);
    if (!Inserted)
      return It->second;
    Nodes.push_back({Step, Prefix, 0, length(Prefix) + 1});
    It->second = Nodes.size() - 1;
    return It->second;
  }

  TraceRef concat(TraceRef Prefix, TraceRef Suffix) {
    if (!Suffix)
      return Prefix;
    if (!Prefix)
      return Suffix;
    auto [It, Inserted] = Concatenated.try_emplace({Prefix, Suffix}, 0);
    if (!Inserted)
      return It->second;
    Nodes.push_back({TraceStep(), Prefix, Suffix, length(Prefix) + length(Suffix)});
    It->second = Nodes.size() - 1;
    return It->second;
  }

  unsigned length(TraceRef R) const { return R ? Nodes[R].Length : 0; }

  /// Appends the steps of \p R, first to last, to \p Out.
  void materialize(TraceRef R, std::vector<TraceStep> &Out) const {
    size_t Begin = Out.size();
    // Collected last to first: a joined trace's suffix, then its prefix.
    llvm::SmallVector<TraceRef, 8> Prefixes{R};
    while (!Prefixes.empty()) {
      for (TraceRef N = Prefixes.pop_back_val(); N;) {
        const Node &Nd = Nodes[N];
        if (Nd.Suffix) {
          Prefixes.push_back(Nd.Prev);
          N = Nd.Suffix;
          continue;
        }
        Out.push_back(Nd.Step);
        N = Nd.Prev;
      }
    }
    std::reverse(Out.begin() + Begin, Out.end());
  }

private:
  /// A step after the trace Prev, or (when Suffix is set) the trace Prev
  /// followed by the trace Suffix.
  struct Node {
    TraceStep Step;
    TraceRef Prev;
    TraceRef Suffix;
    uint32_t Length;
  };
  std::vector<Node> Nodes;
  llvm::DenseMap<std::tuple<TraceRef, const llvm::Instruction *,
                            const llvm::Function *, unsigned>,
                 TraceRef>
      Appended;
  llvm::DenseMap<std::pair<TraceRef, TraceRef>, TraceRef> Concatenated;
};

} // namespace sdv

#endif // SDV_ANALYSIS_TRACE_H
