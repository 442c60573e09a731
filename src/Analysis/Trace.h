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

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <vector>

namespace sdv {

using TraceRef = uint32_t;

class TraceArena {
public:
  TraceArena() : Nodes(1) {}

  TraceRef append(TraceRef Prefix, const TraceStep &Step) {
    Steps.push_back(Step);
    Nodes.push_back({Prefix, 0, length(Prefix) + 1, uint32_t(Steps.size() - 1)});
    return Nodes.size() - 1;
  }

  TraceRef concat(TraceRef Prefix, TraceRef Suffix) {
    if (!Suffix)
      return Prefix;
    if (!Prefix)
      return Suffix;
    Nodes.push_back({Prefix, Suffix, length(Prefix) + length(Suffix), 0});
    return Nodes.size() - 1;
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
        Out.push_back(Steps[Nd.Step]);
        N = Nd.Prev;
      }
    }
    std::reverse(Out.begin() + Begin, Out.end());
  }

private:
  /// Step Step after the trace Prev, or (when Suffix is set) the trace Prev
  /// followed by the trace Suffix. Nodes are not shared by value: looking
  /// equal ones up cost more memory in the table than it saved in nodes.
  struct Node {
    TraceRef Prev;
    TraceRef Suffix;
    uint32_t Length;
    uint32_t Step;
  };
  std::vector<Node> Nodes;
  std::vector<TraceStep> Steps;
};

} // namespace sdv

#endif // SDV_ANALYSIS_TRACE_H
