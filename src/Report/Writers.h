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
/// `note:` per trace step, each with its source line and a caret, then one
/// verdict line per rule.
class TextWriter : public ReportWriter {
public:
  explicit TextWriter(const WriterOptions &Options) : Options(Options) {}
  void write(const CheckReport &Report, llvm::raw_ostream &OS) override;

private:
  WriterOptions Options;
};

/// The JSON format of docs/json-format.md.
class JsonWriter : public ReportWriter {
public:
  explicit JsonWriter(const WriterOptions &Options) : Options(Options) {}
  void write(const CheckReport &Report, llvm::raw_ostream &OS) override;

private:
  WriterOptions Options;
};

/// SARIF 2.1.0.
class SarifWriter : public ReportWriter {
public:
  explicit SarifWriter(const WriterOptions &Options) : Options(Options) {}
  void write(const CheckReport &Report, llvm::raw_ostream &OS) override;

private:
  WriterOptions Options;
};

} // namespace sdv

#endif // SDV_REPORT_WRITERS_H
