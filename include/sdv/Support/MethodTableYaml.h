//===- sdv/Support/MethodTableYaml.h - Method tables in YAML ----*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The `method-tables` section that rule files and the roles catalogue share:
///
///   method-tables:
///     - table: WdfFunctions       # the global (or WdfFunctions_<version>)
///       hidden-args: 1            # WdfDriverGlobals, before the method's
///       methods:
///         - { function: WdfSpinLockAcquire, index: 316 }
///
//===----------------------------------------------------------------------===//

#ifndef SDV_SUPPORT_METHODTABLEYAML_H
#define SDV_SUPPORT_METHODTABLEYAML_H

#include "sdv/IR/MethodTable.h"

#include "llvm/Support/YAMLTraits.h"

#include <string>
#include <vector>

namespace sdv {

struct MethodSpec {
  std::string Function;
  uint64_t Index = 0;
};

struct MethodTableSpec {
  std::string Table;
  unsigned HiddenArgs = 0;
  std::vector<MethodSpec> Methods;
};

/// One slot per method of \p Tables.
inline std::vector<MethodSlot> methodSlots(const std::vector<MethodTableSpec> &Tables) {
  std::vector<MethodSlot> Slots;
  for (const MethodTableSpec &T : Tables)
    for (const MethodSpec &M : T.Methods)
      Slots.push_back({T.Table, M.Function, M.Index, T.HiddenArgs});
  return Slots;
}

} // namespace sdv

LLVM_YAML_IS_SEQUENCE_VECTOR(sdv::MethodSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(sdv::MethodTableSpec)

namespace llvm::yaml {

template <> struct MappingTraits<sdv::MethodSpec> {
  static void mapping(IO &Io, sdv::MethodSpec &M) {
    Io.mapRequired("function", M.Function);
    Io.mapRequired("index", M.Index);
  }
};

template <> struct MappingTraits<sdv::MethodTableSpec> {
  static void mapping(IO &Io, sdv::MethodTableSpec &T) {
    Io.mapRequired("table", T.Table);
    Io.mapOptional("hidden-args", T.HiddenArgs, 0u);
    Io.mapRequired("methods", T.Methods);
  }
};

} // namespace llvm::yaml

#endif // SDV_SUPPORT_METHODTABLEYAML_H
