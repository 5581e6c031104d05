// common/ speaks std::string_view, LLVM StringRef: the two conversions,
// once.
#ifndef FORTIFY_CLANG_STRINGS_H
#define FORTIFY_CLANG_STRINGS_H

#include "llvm/ADT/StringRef.h"

#include <string_view>

namespace fortify_llvm {

inline std::string_view view(llvm::StringRef text) { return {text.data(), text.size()}; }
inline llvm::StringRef ref(std::string_view text) { return {text.data(), text.size()}; }

}  // namespace fortify_llvm

#endif
