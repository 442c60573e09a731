//===- Writers.h - The report writers ---------------------------*- C++ -*-===//
//
// Part of sdv-lite.
//
//===----------------------------------------------------------------------===//

#ifndef SDV_REPORT_WRITERS_H
#define SDV_REPORT_WRITERS_H

#include "sdv/Report/Report.h"

namespace sdv {

/// Compiler-style diagnostics: `file:line:col: error: [Rule] message`, a
/// `note:` per trace step, then one verdict line per rule.
class TextWriter : public ReportWriter {
public:
  void write(const CheckReport &Report, llvm::raw_ostream &OS) override;
};

/// The JSON format of docs/json-format.md.
class JsonWriter : public ReportWriter {
public:
  void write(const CheckReport &Report, llvm::raw_ostream &OS) override;
};

/// SARIF 2.1.0.
class SarifWriter : public ReportWriter {
public:
  void write(const CheckReport &Report, llvm::raw_ostream &OS) override;
};

} // namespace sdv

#endif // SDV_REPORT_WRITERS_H
