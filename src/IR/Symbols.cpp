//===- Symbols.cpp - Symbol names as written in source --------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/IR/Symbols.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace sdv {

/// Removes a trailing `@<digits>`; returns true if there was one.
static bool stripArgSizeSuffix(StringRef &Name) {
  size_t At = Name.rfind('@');
  if (At == StringRef::npos || At == 0 || At + 1 == Name.size())
    return false;
  StringRef Digits = Name.substr(At + 1);
  if (!all_of(Digits, isDigit))
    return false;
  Name = Name.take_front(At);
  return true;
}

StringRef normalizeSymbol(StringRef Name) {
  bool Verbatim = Name.consume_front("\1");
  StringRef Stem = Name;
  bool Decorated = stripArgSizeSuffix(Stem);
  if (!Verbatim && !Decorated)
    return Name;
  // `@Name@N` is __fastcall, `_Name@N` is __stdcall (and `_Name` __cdecl
  // when the name is verbatim).
  if (Stem.size() > 1 && (Stem.front() == '@' || Stem.front() == '_'))
    Stem = Stem.drop_front();
  return Stem;
}

} // namespace sdv
