// The LLVM pass: finds calls to the functions of the rule table and puts the
// check each rule's kind describes in front of them.
#ifndef FORTIFY_CLANG_FORTIFY_PASS_H
#define FORTIFY_CLANG_FORTIFY_PASS_H

#include "IRProtocol.h"

#include "FrontendFacts.h"
#include "options.h"

#include "llvm/IR/PassManager.h"

#include <map>
#include <memory>
#include <string>

namespace llvm {
class PassBuilder;
}

namespace fortify_llvm {


// What opt's -passes= calls the passes (Plugin.cpp), and what
// -print-pipeline-passes prints.
inline constexpr const char *kFortifyPassName = "fortify";
inline constexpr const char *kProbePassName = "fortify-probe";
inline constexpr const char *kFinishPassName = "fortify-finish";

class FortifyPass : public llvm::PassInfoMixin<FortifyPass> {
public:
  // `optimising`: the pipeline optimises (not -O0); caller-sized copies
  // are made only then (CallerSizes.h).
  explicit FortifyPass(const fortify::Options &options,
                       std::shared_ptr<const FrontendFacts> facts = nullptr,
                       bool optimising = true)
      : options_(options), facts_(std::move(facts)), optimising_(optimising) {}
  // A pass that only reports `error` as a compile error (a bad
  // FORTIFY_PLUGIN_OPTIONS): a pass plugin has no other way to fail the
  // compilation than a diagnostic.
  static FortifyPass failing(std::string error) {
    FortifyPass pass{fortify::Options()};
    pass.optionsError_ = std::move(error);
    return pass;
  }

  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &analyses);
  // `fortify<level=3;mode=trap;reads=on>`: every parameter, as -passes= reads it.
  void printPipeline(llvm::raw_ostream &out,
                     llvm::function_ref<llvm::StringRef(llvm::StringRef)> passNameOf);

  // optnone functions (-O0) need the checks most: never skip the pass.
  static bool isRequired() { return true; }

private:
  llvm::PreservedAnalyses reportOptionsError(llvm::Module &module);

  fortify::Options options_;
  std::shared_ptr<const FrontendFacts> facts_;
  bool optimising_ = true;
  std::string optionsError_;
};

// After inlining, before LowerConstantIntrinsics (OptimizerEarlyEP): records
// in !fortify.unknown the sites whose surviving checks ask llvm.objectsize
// about an object of unknown size. Folding would make those checks vanish
// exactly like ones proven to fit; this tells the two apart (SizeProbe.cpp).
class FortifyProbePass : public llvm::PassInfoMixin<FortifyProbePass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &analyses);
  static bool isRequired() { return true; }
};

// After optimisation (OptimizerLastEP): decides each site's status, warns
// about checks that always fail, lowers the failure markers (trap, or
// write + abort), writes the coverage records and the .note.fortify note.
// `lowerSizes`: the pipeline folds no object sizes (-O0): the pass probes
// and lowers the checks' llvm.objectsize calls itself, so that checks that
// fold leave no code, as at -O1 and up (FinishPass.cpp).
class FortifyFinishPass : public llvm::PassInfoMixin<FortifyFinishPass> {
public:
  FortifyFinishPass(const fortify::Options &options, bool lowerSizes,
                    std::shared_ptr<const FrontendFacts> facts = nullptr)
      : options_(options), lowerSizes_(lowerSizes), facts_(std::move(facts)) {}
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &analyses);
  // `fortify-finish<O0;level=3;...>`, as -passes= reads it.
  void printPipeline(llvm::raw_ostream &out,
                     llvm::function_ref<llvm::StringRef(llvm::StringRef)> passNameOf);
  static bool isRequired() { return true; }

private:
  fortify::Options options_;
  bool lowerSizes_;
  std::shared_ptr<const FrontendFacts> facts_;
};

// Adds the pass at PipelineStartEP, where the typed GEPs that subobject sizes
// are derived from still exist and before small copies become plain loads
// and stores; the probe at OptimizerEarlyEP and the finishing pass at
// OptimizerLastEP (both also run at -O0 and in the LTO pre-link pipelines).
// Used by both the frontend plugin and the pass plugin.
void registerFortifyPass(llvm::PassBuilder &builder, const fortify::Options &options,
                         std::shared_ptr<const FrontendFacts> facts = nullptr);

// What the frontend plugin hands the pass plugin's entry point in Clangs
// without CodeGenOptions::PassBuilderCallbacks (before 18), where it reaches
// the pipeline as an -fpass-plugin= of its own file (llvm-compat.h): the
// -fplugin-arg-fortify-* options and the facts of the unit being compiled.
struct FrontendRegistration {
  fortify::Options options;
  std::shared_ptr<const FrontendFacts> facts;
};
void setFrontendRegistration(const fortify::Options &options,
                             std::shared_ptr<const FrontendFacts> facts);
// The registration the frontend left, if any.
const FrontendRegistration *frontendRegistration();

}  // namespace fortify_llvm

#endif
