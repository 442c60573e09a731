// Helpers for unit tests that build IR inline.
#ifndef SDV_TESTS_UNIT_IRHELPERS_H
#define SDV_TESTS_UNIT_IRHELPERS_H

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

#include <memory>

/// Requires an llvm::Expected to hold a value; fails with its error if not.
#define REQUIRE_EXPECTED(E)                                                    \
  do {                                                                         \
    if (!(E))                                                                  \
      FAIL(llvm::toString((E).takeError()));                                   \
  } while (false)

namespace sdv::test {

inline std::unique_ptr<llvm::Module> parseIR(llvm::LLVMContext &Ctx,
                                             llvm::StringRef Text) {
  llvm::SMDiagnostic Err;
  std::unique_ptr<llvm::Module> M = llvm::parseAssemblyString(Text, Err, Ctx);
  if (!M) {
    std::string Message;
    llvm::raw_string_ostream OS(Message);
    Err.print("inline-ir", OS);
    FAIL(OS.str());
  }
  return M;
}

/// The instruction named %Name in function F.
inline const llvm::Instruction *named(const llvm::Module &M, llvm::StringRef F,
                                      llvm::StringRef Name) {
  const llvm::Function *Fn = M.getFunction(F);
  REQUIRE(Fn);
  for (const llvm::Instruction &I : llvm::instructions(*Fn))
    if (I.getName() == Name)
      return &I;
  FAIL("no instruction %" << Name.str() << " in @" << F.str());
  return nullptr;
}

} // namespace sdv::test

#endif
