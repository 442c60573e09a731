//===- CallTargets.h - Where indirect calls go ------------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Resolves calls through function pointers from what the driver stores
/// where the call loads its target, field by field: `Ops->Read(...)` may
/// reach every function stored into (or initialising) the `Read` field of an
/// `OPS` structure, or into the global it is loaded from; a call through a
/// parameter reaches what the callers pass. Type signatures alone are not
/// used: two tables of the same shape do not mix.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_IR_CALLTARGETS_H
#define SDV_IR_CALLTARGETS_H

#include "sdv/IR/AccessPath.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace llvm {
class CallBase;
class Constant;
class DataLayout;
class Function;
class Instruction;
class Module;
class Value;
} // namespace llvm

namespace sdv {

class CallTargets {
public:
  explicit CallTargets(const llvm::Module &M);
  ~CallTargets();

  /// The defined functions an indirect call may reach, by name; empty when
  /// nothing says.
  llvm::ArrayRef<const llvm::Function *> targetsOf(const llvm::CallBase &CB);

private:
  /// A place function pointers live in: a struct (or `@global`) and a byte
  /// offset in it.
  using Slot = std::pair<std::string, uint64_t>;
  /// The offset of a slot reached through a variable index: any element.
  static constexpr uint64_t AnyOffset = ~uint64_t(0);

  std::optional<Slot> slotOf(const llvm::Value *Address, const llvm::Function &Where);
  void scanInitializer(const llvm::Constant *C, const std::string &Global,
                       uint64_t Offset);
  void resolve(const llvm::Value *Callee, const llvm::Function &Where,
               unsigned Depth,
               llvm::SmallVectorImpl<const llvm::Function *> &Out);
  AccessPathBuilder &builder(const llvm::Function &F);

  const llvm::DataLayout &DL;
  std::map<Slot, llvm::SmallVector<const llvm::Function *, 2>> Stored;
  llvm::DenseMap<const llvm::Function *, std::unique_ptr<AccessPathBuilder>> Builders;
  llvm::DenseMap<const llvm::CallBase *, llvm::SmallVector<const llvm::Function *, 2>>
      Resolved;
};

} // namespace sdv

#endif // SDV_IR_CALLTARGETS_H
