// Option text shared by the two ways the plugin is loaded.
#ifndef FORTIFY_CLANG_PLUGIN_OPTIONS_H
#define FORTIFY_CLANG_PLUGIN_OPTIONS_H

#include "options.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace fortify_llvm {

// Applies one "KEY[=VALUE]" item through fortify::applyOption, so spelling,
// defaults and messages are the GCC plugin's.
bool applyOptionText(fortify::Options &options, llvm::StringRef item, std::string &error);

// Applies every item of a list separated by any of `separators`; empty items
// are skipped.
bool applyOptionList(fortify::Options &options, llvm::StringRef list,
                     llvm::StringRef separators, std::string &error);

}  // namespace fortify_llvm

#endif
