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
// opt also knows the two later passes by name, with the same parameters:
// fortify-probe (OptimizerEarlyEP) and fortify-finish (OptimizerLastEP);
// `fortify-finish<O0>` lowers the checks' object sizes itself, as at -O0.
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

constexpr const char *kEnvironmentVariable = "FORTIFY_PLUGIN_OPTIONS";

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

// "fortify", "fortify-finish", "fortify-probe", optionally followed by
// "<item;item...>", in a -passes= pipeline.
bool parsePipelineElement(StringRef name, ModulePassManager &passes) {
  enum { Instrument, Probe, Finish } pass;
  if (name.consume_front("fortify-finish"))
    pass = Finish;
  else if (name.consume_front("fortify-probe"))
    pass = Probe;
  else if (name.consume_front("fortify"))
    pass = Instrument;
  else
    return false;
  fortify::Options options = optionsFromEnvironment();
  bool lowerSizes = false;
  if (!name.empty()) {
    if (!name.consume_front("<") || !name.consume_back(">"))
      return false;
    if (pass == Finish) {
      // "O0": the pipeline folds no object sizes (as at -O0).
      SmallVector<StringRef, 4> items;
      std::string rest;
      name.split(items, ';');
      for (StringRef item : items) {
        if (item.trim() == "O0")
          lowerSizes = true;
        else
          rest += item.str() + ";";
      }
      std::string error;
      if (!fortify_llvm::applyOptionList(options, rest, ";", error))
        failOnBadOptions(error, "-passes=fortify-finish<...>");
    } else {
      std::string error;
      if (!fortify_llvm::applyOptionList(options, name, ";", error))
        failOnBadOptions(error, "-passes=fortify<...>");
    }
  }
  switch (pass) {
  case Instrument:
    passes.addPass(fortify_llvm::FortifyPass(options));
    break;
  case Probe:
    passes.addPass(fortify_llvm::FortifyProbePass());
    break;
  case Finish:
    passes.addPass(fortify_llvm::FortifyFinishPass(options, lowerSizes));
    break;
  }
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
