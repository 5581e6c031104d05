#include "FrontendFacts.h"
#include "FortifyDiagnostic.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"

namespace fortify_llvm {
namespace {

const FrontendFacts *gActive = nullptr;

}  // namespace

const FrontendFacts *activeFacts() { return gActive; }

ActiveFacts::ActiveFacts(const FrontendFacts *facts) : previous_(gActive) { gActive = facts; }

ActiveFacts::~ActiveFacts() { gActive = previous_; }

void warnAt(const llvm::Function &function, bool forceError, const std::string &message,
            const llvm::DebugLoc &location, const std::vector<std::string> &notes) {
  if (const FrontendFacts *facts = activeFacts())
    if (facts->warn &&
        facts->warn(forceError, message, location.get(), notes, function.getName().str()))
      return;
  llvm::LLVMContext &context = function.getContext();
  context.diagnose(llvm::DiagnosticInfoUnsupported(function, message, location,
                                                   forceError ? llvm::DS_Error : llvm::DS_Warning));
  for (const std::string &note : notes)
    context.diagnose(FortifyDiagnostic(llvm::DS_Note, note));
}

}  // namespace fortify_llvm
