// A diagnostic of the plugin's own kind, without a location, for what has
// none: the notes after a proven problem ("inlined from ...", the location in
// their text) and errors about the report file. Clang prints it as
// "note: ..." / "error: ...".
#ifndef FORTIFY_CLANG_FORTIFY_DIAGNOSTIC_H
#define FORTIFY_CLANG_FORTIFY_DIAGNOSTIC_H

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"

#include <string>

namespace fortify_llvm {

class FortifyDiagnostic : public llvm::DiagnosticInfo {
public:
  FortifyDiagnostic(llvm::DiagnosticSeverity severity, const std::string &text)
      : llvm::DiagnosticInfo(kind(), severity), text_(text) {}
  void print(llvm::DiagnosticPrinter &printer) const override { printer << text_; }
  static int kind() {
    static const int id = llvm::getNextAvailablePluginDiagnosticKind();
    return id;
  }

private:
  std::string text_;
};

}  // namespace fortify_llvm

#endif
