// The records and the note are made once per module, at compile time, so
// that coverage can be told per object and per program without running it
// (also under LTO, where they are written before the link).
#include "UnitReport.h"
#include "Strings.h"
#include "FortifyDiagnostic.h"
#include "FrontendFacts.h"
#include "SiteTable.h"
#include "report.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/IR/Module.h"

#include <string>
#include <string_view>
#include <vector>

using namespace llvm;

namespace fortify_llvm {
namespace {


const std::string &compilerName() {
  static const std::string name = "clang " LLVM_VERSION_STRING;
  return name;
}

// The note, non-allocated (nothing reads it at run time: it takes no memory
// in the process) and the records beside it, as module assembly: LLVM makes
// a global in a named section allocated, and module assembly also travels
// through LTO's bitcode to the object the link makes.
void addSections(Module &module, const fortify::Options &options,
                 const fortify::UnitSummary &summary) {
  module.appendModuleInlineAsm(
      fortify::sectionAssembly(
          fortify::kNoteSectionName, "", "note", 4,
          fortify::noteBytes(
              fortify::notePayload(FORTIFY_VERSION, compilerName(), options, summary.counts))) +
      fortify::sectionAssembly(fortify::kRecordsSectionName, "", "progbits", 1,
                               fortify::recordsText(summary.records)));
}

}  // namespace

void writeUnitReport(Module &module, const fortify::Options &options,
                     const fortify::SiteTable &table, int libcLevel) {
  const fortify::UnitSummary summary =
      fortify::summarizeUnit(table, compilerName(), sourceFileName(module), options, libcLevel);
  if (!options.reportPath.empty()) {
    std::string error;
    if (!fortify::appendCoverageRecords(options.reportPath, summary.records, error))
      module.getContext().diagnose(FortifyDiagnostic(DS_Error, error));
  }
  addSections(module, options, summary);
}

}  // namespace fortify_llvm
