// The LLVM pass: finds calls to the functions of the rule table and puts the
// check each rule's kind describes in front of them.
#ifndef FORTIFY_CLANG_FORTIFY_PASS_H
#define FORTIFY_CLANG_FORTIFY_PASS_H

#include "options.h"

#include "llvm/IR/PassManager.h"

namespace llvm {
class PassBuilder;
}

namespace fortify_llvm {

// Instrumented calls carry this metadata, so a second run of the pass (the
// plugin loaded both as -fplugin and as -fpass-plugin, or a later LTO run)
// leaves them alone.
inline constexpr const char *kCheckedMetadata = "fortify.checked";

class FortifyPass : public llvm::PassInfoMixin<FortifyPass> {
public:
  explicit FortifyPass(const fortify::Options &options) : options_(options) {}

  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &analyses);

  // optnone functions (-O0) need the checks most: never skip the pass.
  static bool isRequired() { return true; }

private:
  fortify::Options options_;
};

// Adds the pass at PipelineStartEP, where the typed GEPs that subobject sizes
// are derived from still exist and before small copies become plain loads
// and stores. Used by both the frontend plugin and the pass plugin.
void registerFortifyPass(llvm::PassBuilder &builder, const fortify::Options &options);

}  // namespace fortify_llvm

#endif
