// The LLVM pass-plugin entry point, used by `clang -fpass-plugin=` and
// `opt -load-pass-plugin`. (`clang -fplugin=` goes through FrontendAction.cpp
// instead and registers the same pass.)
//
// Options on this path, since neither loader forwards -fplugin-arg-*:
//  - the environment variable FORTIFY_PLUGIN_OPTIONS, items as in
//    -fplugin-arg-fortify-ITEM separated by commas or spaces, e.g.
//    FORTIFY_PLUGIN_OPTIONS="level=2,mode=abort" (FORTIFY_OPTIONS is the
//    report runtime's, read by the program when it runs);
//  - for opt, pass parameters: -passes='fortify<level=2;mode=abort>', which
//    override the environment.
// opt also knows the two later passes by name: fortify-probe
// (OptimizerEarlyEP, no parameters) and fortify-finish (OptimizerLastEP,
// the same parameters, and `O0` to lower the checks' object sizes itself).
//
// Errors are LLVM's kind, never an exit from inside the plugin: a bad pass
// parameter makes the pipeline fail to parse (opt exits 1 after its own
// message; LLVM 19's parsing callbacks can only refuse a name, so the
// plugin's message says why first), and a bad FORTIFY_PLUGIN_OPTIONS is a
// compile error the pass reports. No cl::opt: the file may be loaded twice
// into one process (-fplugin and -fpass-plugin under different paths), and
// a second registration of a cl::opt aborts.
#include "FortifyPass.h"
#include "PluginOptions.h"
#include "llvm-compat.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <string>

using namespace llvm;

namespace {

constexpr const char *kEnvironmentVariable = "FORTIFY_PLUGIN_OPTIONS";

Expected<fortify::Options> optionsFromEnvironment() {
  fortify::Options options;
  if (const char *text = std::getenv(kEnvironmentVariable)) {
    std::string error;
    if (!fortify_llvm::applyOptionList(options, text, ", \t", error))
      return make_error<StringError>(error + " (in " + kEnvironmentVariable + ")",
                                     inconvertibleErrorCode());
  }
  return options;
}

// The pipeline does not parse: says why, and leaves the name to opt's own
// "unknown pass name" error.
bool refuse(Error error) {
  errs() << "error: " << toString(std::move(error)) << "\n";
  return false;
}

// The parameters of `fortify<...>` or `fortify-finish<...>` over the
// environment's options, LLVM's way (PassBuilder::parsePassParameters).
Expected<fortify_llvm::PassParameters> parametersOf(StringRef element, StringRef pass,
                                                   bool takesO0) {
  Expected<fortify::Options> base = optionsFromEnvironment();
  if (!base)
    return base.takeError();
  return fortify_llvm::parsePassParameters(
      [&](StringRef text) {
        return fortify_llvm::parseFortifyParameters(text, pass, takesO0, *base);
      },
      element, pass);
}

// "fortify", "fortify-probe", "fortify-finish", the first and the last
// optionally followed by "<item;item...>", in a -passes= pipeline.
bool parsePipelineElement(StringRef element, ModulePassManager &passes) {
  using fortify_llvm::kFinishPassName;
  using fortify_llvm::kFortifyPassName;
  using fortify_llvm::kProbePassName;
  if (fortify_llvm::isParametrizedPassName(element, kFortifyPassName)) {
    auto parameters = parametersOf(element, kFortifyPassName, /*takesO0=*/false);
    if (!parameters)
      return refuse(parameters.takeError());
    passes.addPass(fortify_llvm::FortifyPass(parameters->options));
    return true;
  }
  if (fortify_llvm::isParametrizedPassName(element, kFinishPassName)) {
    auto parameters = parametersOf(element, kFinishPassName, /*takesO0=*/true);
    if (!parameters)
      return refuse(parameters.takeError());
    passes.addPass(fortify_llvm::FortifyFinishPass(parameters->options, parameters->lowerSizes));
    return true;
  }
  if (fortify_llvm::isParametrizedPassName(element, kProbePassName)) {
    if (element != kProbePassName)
      return refuse(make_error<StringError>(
          "invalid " + std::string(kProbePassName) + " pass parameter '" +
              element.drop_front(StringRef(kProbePassName).size() + 1).drop_back().str() +
              "'; it takes none",
          inconvertibleErrorCode()));
    passes.addPass(fortify_llvm::FortifyProbePass());
    return true;
  }
  return false;
}

void registerCallbacks(PassBuilder &builder) {
  builder.registerPipelineParsingCallback(
      [](StringRef name, ModulePassManager &passes, ArrayRef<PassBuilder::PipelineElement>) {
        return parsePipelineElement(name, passes);
      });
  // Clang before 18, -fplugin=: the frontend's options and facts.
  if (const fortify_llvm::FrontendRegistration *frontend = fortify_llvm::frontendRegistration()) {
    fortify_llvm::registerFortifyPass(builder, frontend->options, frontend->facts);
    return;
  }
  Expected<fortify::Options> options = optionsFromEnvironment();
  if (options) {
    fortify_llvm::registerFortifyPass(builder, *options);
    return;
  }
  // Reported by the first pass: one error line, and the compilation fails.
  std::string error = toString(options.takeError());
  builder.registerPipelineStartEPCallback(
      [error](ModulePassManager &passes, OptimizationLevel) {
        passes.addPass(fortify_llvm::FortifyPass::failing(error));
      });
}

}  // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "fortify", FORTIFY_VERSION, registerCallbacks};
}
