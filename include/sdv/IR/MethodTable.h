//===- sdv/IR/MethodTable.h - Calls through a method table ------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A framework may expose its methods through a table of function pointers
/// instead of by name: every KMDF method is an inline wrapper that calls
/// `WdfFunctions[Index](WdfDriverGlobals, ...)`. Rules and the roles
/// catalogue name such methods by their source name; this says which method
/// an indirect call through a table is, and how many arguments of the
/// framework's own precede the method's.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_IR_METHODTABLE_H
#define SDV_IR_METHODTABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace llvm {
class CallBase;
} // namespace llvm

namespace sdv {

/// Method `Name` is element `Slot` of the table that a global named `Table`
/// (or `Table_<version>`, as KMDF renames it per version: WdfFunctions_01015)
/// points to; the framework passes `HiddenArgs` arguments of its own before
/// the method's.
struct MethodSlot {
  std::string Table, Name;
  uint64_t Slot = 0;
  unsigned HiddenArgs = 0;
};

/// The method of \p Slots that \p CB calls through its table
/// (`load (gep (load @Table), Slot)`, the slot's offset folded or not), if
/// any.
const MethodSlot *calledMethod(const llvm::CallBase &CB,
                               llvm::ArrayRef<MethodSlot> Slots);

/// What a call calls, by source name: a direct callee's name without x86
/// decoration, or the name of a table method, with the framework's own
/// arguments to skip.
struct CalledName {
  llvm::StringRef Name;
  unsigned HiddenArgs = 0;
};

/// The source name of what \p CB calls, if it is a direct call or a call of
/// one of \p Slots.
std::optional<CalledName> calledName(const llvm::CallBase &CB,
                                     llvm::ArrayRef<MethodSlot> Slots);

} // namespace sdv

#endif // SDV_IR_METHODTABLE_H
