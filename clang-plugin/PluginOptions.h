// Option text shared by the two ways the plugin is loaded, and the
// parameters of its passes in opt's -passes= pipelines, parsed and printed
// here so that what -print-pipeline-passes prints reads back the same.
#ifndef FORTIFY_CLANG_PLUGIN_OPTIONS_H
#define FORTIFY_CLANG_PLUGIN_OPTIONS_H

#include "options.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace fortify_llvm {

// Applies one "KEY[=VALUE]" item through fortify::applyOption, so spelling,
// defaults and messages are the GCC plugin's.
bool applyOptionText(fortify::Options &options, llvm::StringRef item, std::string &error);

// Applies every item of a list separated by any of `separators`; empty items
// are skipped.
bool applyOptionList(fortify::Options &options, llvm::StringRef list,
                     llvm::StringRef separators, std::string &error);

// What `fortify<...>` and `fortify-finish<...>` take: the options, items
// separated by ';' over `base` (FORTIFY_PLUGIN_OPTIONS), and for the
// finishing pass `O0` (lower the object sizes itself, as at -O0).
struct PassParameters {
  fortify::Options options;
  bool lowerSizes = false;
};
// The parameters between the pass's <>, or a StringError "invalid PASS pass
// parameter 'ITEM'..." (LLVM's wording for its own passes) naming the
// valid ones. `takesO0`: the finishing pass.
llvm::Expected<PassParameters> parseFortifyParameters(llvm::StringRef text, llvm::StringRef pass,
                                                      bool takesO0,
                                                      const fortify::Options &base);
// `name<O0;level=3;mode=trap;reads=on...>`, every parameter that
// parseFortifyParameters reads back to `parameters`; `name` falls back to
// `fallbackName` when the pass builder knows none.
void printPass(llvm::raw_ostream &out, llvm::StringRef name, llvm::StringRef fallbackName,
               const PassParameters &parameters);

}  // namespace fortify_llvm

#endif
