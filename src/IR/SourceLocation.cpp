//===- SourceLocation.cpp - Source positions of IR ------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/IR/SourceLocation.h"

#include "sdv/IR/Symbols.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instruction.h"
#include "llvm/Support/Path.h"

#include <tuple>

using namespace llvm;

namespace sdv {

std::string SourceLoc::absolutePath() const {
  if (File.empty() || sys::path::is_absolute(File) || Directory.empty())
    return File;
  SmallString<256> Path(Directory);
  sys::path::append(Path, File);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

std::string SourceLoc::str() const {
  if (!known())
    return Function.empty() ? "<unknown>" : "'" + Function + "'";
  std::string S = File + ":" + std::to_string(Line);
  if (Column)
    S += ":" + std::to_string(Column);
  return S;
}

bool operator<(const SourceLoc &A, const SourceLoc &B) {
  return std::tie(A.File, A.Line, A.Column, A.Function) <
         std::tie(B.File, B.Line, B.Column, B.Function);
}

bool operator==(const SourceLoc &A, const SourceLoc &B) {
  return std::tie(A.File, A.Line, A.Column, A.Function) ==
         std::tie(B.File, B.Line, B.Column, B.Function);
}

std::string sourceName(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    if (!SP->getName().empty())
      return SP->getName().str();
  return normalizeSymbol(F.getName()).str();
}

SourceLoc locationOf(const DILocation &DL) {
  SourceLoc L;
  L.File = DL.getFilename().str();
  L.Directory = DL.getDirectory().str();
  L.Line = DL.getLine();
  L.Column = DL.getColumn();
  if (const DISubprogram *SP = DL.getScope()->getSubprogram())
    L.Function = SP->getName().str();
  return L;
}

SourceLoc locationOf(const Instruction &I) {
  // For inlined code, the position and function are the inlined callee's:
  // where the source says the call is.
  if (const DILocation *DL = I.getDebugLoc().get()) {
    SourceLoc L = locationOf(*DL);
    if (L.Function.empty())
      L.Function = sourceName(*I.getFunction());
    return L;
  }
  SourceLoc L;
  L.Function = sourceName(*I.getFunction());
  return L;
}

SourceLoc callerLocation(const Instruction &I, function_ref<bool(StringRef)> IsApi,
                         std::string *Api) {
  // The outermost inlined frame of an API wrapper: where the driver wrote
  // the call.
  const DILocation *Site = nullptr;
  for (const DILocation *DL = I.getDebugLoc().get(); DL && DL->getInlinedAt();
       DL = DL->getInlinedAt())
    if (const DISubprogram *SP = DL->getScope()->getSubprogram();
        SP && IsApi(SP->getName())) {
      Site = DL->getInlinedAt();
      if (Api)
        *Api = SP->getName().str();
    }
  if (!Site)
    return locationOf(I);
  SourceLoc L = locationOf(*Site);
  if (L.Function.empty())
    L.Function = sourceName(*I.getFunction());
  return L;
}

SourceLoc outermostLocation(const Instruction &I) {
  const DILocation *DL = I.getDebugLoc().get();
  if (!DL)
    return locationOf(I);
  while (DL->getInlinedAt())
    DL = DL->getInlinedAt();
  SourceLoc L = locationOf(*DL);
  if (L.Function.empty())
    L.Function = sourceName(*I.getFunction());
  return L;
}

SourceLoc locationOf(const Function &F) {
  SourceLoc L;
  L.Function = sourceName(F);
  if (const DISubprogram *SP = F.getSubprogram()) {
    L.File = SP->getFilename().str();
    L.Directory = SP->getDirectory().str();
    L.Line = SP->getLine();
  }
  return L;
}

} // namespace sdv
