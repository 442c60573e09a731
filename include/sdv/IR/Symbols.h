//===- sdv/IR/Symbols.h - Symbol names as written in source ----*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Maps the names functions carry in IR back to their source names. On x86
/// Windows targets clang emits decorated names for __stdcall and __fastcall
/// functions (`\01_Name@8`, `\01@Name@4`); rules and role catalogues speak of
/// `Name`.
///
//===----------------------------------------------------------------------===//

#ifndef SDV_IR_SYMBOLS_H
#define SDV_IR_SYMBOLS_H

#include "llvm/ADT/StringRef.h"

namespace sdv {

/// Strips the `\01` verbatim marker, the x86 `@`/`_` decoration prefix and
/// the `@N` argument-size suffix. Undecorated names are returned unchanged,
/// so a plain C name that happens to begin with `_` keeps it.
llvm::StringRef normalizeSymbol(llvm::StringRef Name);

} // namespace sdv

#endif // SDV_IR_SYMBOLS_H
