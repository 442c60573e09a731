//===- Yaml.cpp - Reading data files --------------------------------------===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#include "sdv/Support/Yaml.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace sdv {

void keepFirstDiagnostic(const SMDiagnostic &Diag, void *Context) {
  auto *Out = static_cast<std::string *>(Context);
  if (!Out->empty())
    return;
  raw_string_ostream OS(*Out);
  OS << Diag.getFilename() << ":" << Diag.getLineNo() << ":"
     << (Diag.getColumnNo() + 1) << ": " << Diag.getMessage();
}

} // namespace sdv
