//===- sdv/Support/Yaml.h - Reading data files ------------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#ifndef SDV_SUPPORT_YAML_H
#define SDV_SUPPORT_YAML_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"

#include <string>

namespace llvm {
class SMDiagnostic;
} // namespace llvm

namespace sdv {

/// Keeps the first YAML diagnostic as `file:line:col: message` in the
/// std::string \p Context points to, instead of printing it.
void keepFirstDiagnostic(const llvm::SMDiagnostic &Diag, void *Context);

/// Reads \p Text (named \p BufferName in errors) into \p Out with LLVM's
/// YAML I/O. Unknown keys, missing required keys and type errors are errors
/// that name the file, line and column.
template <typename T>
llvm::Error readYaml(llvm::StringRef Text, llvm::StringRef BufferName, T &Out) {
  std::string Diagnostic;
  auto Buffer = llvm::MemoryBuffer::getMemBuffer(Text, BufferName,
                                                 /*RequiresNullTerminator=*/false);
  llvm::yaml::Input In(Buffer->getMemBufferRef(), nullptr, keepFirstDiagnostic,
                       &Diagnostic);
  In >> Out;
  if (!In.error())
    return llvm::Error::success();
  if (Diagnostic.empty())
    Diagnostic = (BufferName + ": not a valid YAML document").str();
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Diagnostic);
}

} // namespace sdv

#endif // SDV_SUPPORT_YAML_H
