// The LLVM pass-plugin entry point, used by `clang -fpass-plugin=` and
// `opt -load-pass-plugin`. (`clang -fplugin=` goes through FrontendAction.cpp
// instead and registers the same pass.)
//
// Options on this path, since neither loader forwards -fplugin-arg-*:
//  - the environment variable FORTIFY_OPTIONS, items as in
//    -fplugin-arg-fortify-ITEM separated by commas or spaces, e.g.
//    FORTIFY_OPTIONS="level=2,mode=abort";
//  - for opt, pass parameters: -passes='fortify<level=2;mode=abort>', which
//    override the environment.
// A bad item is an error (exit status 1) naming the valid options. No cl::opt: the file
// may be loaded twice into one process (-fplugin and -fpass-plugin under
// different paths), and a second registration of a cl::opt aborts.
#include "FortifyPass.h"
#include "PluginOptions.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <string>

using namespace llvm;

namespace {

constexpr const char *kEnvironmentVariable = "FORTIFY_OPTIONS";

// Like a compiler error, not a crash: report_fatal_error would make clang
// print a stack dump and ask for a bug report.
[[noreturn]] void failOnBadOptions(const std::string &error, StringRef origin) {
  errs() << "error: " << error << " (in " << origin << ")\n";
  errs().flush();
  std::exit(1);
}

fortify::Options optionsFromEnvironment() {
  fortify::Options options;
  if (const char *text = std::getenv(kEnvironmentVariable)) {
    std::string error;
    if (!fortify_llvm::applyOptionList(options, text, ", \t", error))
      failOnBadOptions(error, kEnvironmentVariable);
  }
  return options;
}

// "fortify" or "fortify<item;item...>" in a -passes= pipeline.
bool parsePipelineElement(StringRef name, ModulePassManager &passes) {
  if (!name.consume_front("fortify"))
    return false;
  fortify::Options options = optionsFromEnvironment();
  if (!name.empty()) {
    if (!name.consume_front("<") || !name.consume_back(">"))
      return false;
    std::string error;
    if (!fortify_llvm::applyOptionList(options, name, ";", error))
      failOnBadOptions(error, "-passes=fortify<...>");
  }
  passes.addPass(fortify_llvm::FortifyPass(options));
  return true;
}

void registerCallbacks(PassBuilder &builder) {
  fortify_llvm::registerFortifyPass(builder, optionsFromEnvironment());
  builder.registerPipelineParsingCallback(
      [](StringRef name, ModulePassManager &passes, ArrayRef<PassBuilder::PipelineElement>) {
        return parsePipelineElement(name, passes);
      });
}

}  // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "fortify", FORTIFY_VERSION, registerCallbacks};
}
