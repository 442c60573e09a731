//===- Fingerprint.cpp - Identities of findings across edits --------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Report/Report.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA256.h"

using namespace llvm;

namespace sdv {

namespace {

/// The line's code: blanks collapsed, a trailing `//` comment dropped (so
/// that adding a suppression comment keeps the identity).
std::string normalizedCode(StringRef Line) {
  size_t Comment = Line.find("//");
  if (Comment != StringRef::npos)
    Line = Line.take_front(Comment);
  return collapseBlanks(Line);
}

} // namespace

void fingerprintFindings(std::vector<Finding> &Findings, SourceFiles &Sources) {
  StringMap<unsigned> Seen;
  for (Finding &F : Findings) {
    std::string Code;
    if (std::optional<StringRef> Line = Sources.line(F.Loc))
      Code = normalizedCode(*Line);
    SHA256 Hash;
    for (StringRef Part : {StringRef(F.RuleId), StringRef(F.Violation),
                           StringRef(F.EntryRoutine), StringRef(F.Object),
                           StringRef(F.Loc.Function), StringRef(Code)}) {
      Hash.update(Part);
      Hash.update(StringRef("\0", 1));
    }
    std::array<uint8_t, 32> Digest = Hash.final();
    std::string Hex = toHex(ArrayRef<uint8_t>(Digest).take_front(16), /*LowerCase=*/true);
    unsigned Occurrence = Seen[Hex]++;
    F.Fingerprint = Hex + ":" + std::to_string(Occurrence + 1);
  }
}

} // namespace sdv
