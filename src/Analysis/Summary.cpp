//===- Summary.cpp - Function summaries -----------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "Summary.h"

namespace sdv {

bool sameSummary(const Summary &A, const Summary &B) {
  if (A.Exits.size() != B.Exits.size() ||
      A.Violations.size() != B.Violations.size())
    return false;
  for (unsigned I = 0; I < A.Exits.size(); ++I)
    if (!sameStates(A.Exits[I].Objects, B.Exits[I].Objects) ||
        !sameFacts(A.Exits[I].Returns, B.Exits[I].Returns) ||
        A.Exits[I].ReturnedBase != B.Exits[I].ReturnedBase ||
        A.Exits[I].Handles != B.Exits[I].Handles ||
        !sameFacts(A.Exits[I].Pre, B.Exits[I].Pre))
      return false;
  for (unsigned I = 0; I < A.Violations.size(); ++I) {
    const ViolationRecord &X = A.Violations[I], &Y = B.Violations[I];
    if (X.Violation != Y.Violation || X.Object != Y.Object ||
        X.Acquired != Y.Acquired || X.EntryState != Y.EntryState || X.Site != Y.Site ||
        X.Unconditional != Y.Unconditional || X.FromEntry != Y.FromEntry ||
        !sameFacts(X.Pre, Y.Pre) || !sameStates(X.Prior, Y.Prior))
      return false;
  }
  return true;
}

void addViolation(std::vector<ViolationRecord> &List, const ViolationRecord &V,
                  const TraceArena &Traces) {
  for (ViolationRecord &Old : List) {
    if (Old.Violation != V.Violation || Old.Object != V.Object ||
        Old.Acquired != V.Acquired || Old.Site != V.Site || Old.Unconditional != V.Unconditional ||
        (!V.Unconditional && Old.EntryState != V.EntryState) ||
        !sameStates(Old.Prior, V.Prior))
      continue;
    if (Traces.length(V.Trace) < Traces.length(Old.Trace)) {
      Old.Trace = V.Trace;
      Old.FromEntry = V.FromEntry;
    }
    intersectFacts(Old.Pre, V.Pre);
    return;
  }
  List.push_back(V);
}

} // namespace sdv
