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
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

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

void addNote(Module &module, const fortify::Options &options,
             const fortify::StatusCounts &counts) {
  const std::string bytes = fortify::noteBytes(
      fortify::notePayload(FORTIFY_VERSION, compilerName(), options, counts));
  Constant *contents = ConstantDataArray::getString(module.getContext(), bytes, false);
  auto *note = new GlobalVariable(module, contents->getType(), /*isConstant=*/true,
                                  GlobalValue::PrivateLinkage, contents, "fortify.note");
  note->setSection(ref(fortify::kNoteSectionName));
  note->setAlignment(Align(4));
  appendToCompilerUsed(module, {note});
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
  addNote(module, options, summary.counts);
}

}  // namespace fortify_llvm
