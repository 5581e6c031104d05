// mode=chk after optimisation: the plugin's calls of glibc's checked entry
// points (CheckEmitter.cpp) whose size is unknown (-1) or whose arguments
// are proven to fit become the plain call again, as glibc's headers make
// them. LLVM folds some of them itself at -O1 and up (__memcpy_chk,
// __strcpy_chk ...); this does it for every entry point and at -O0.
#ifndef FORTIFY_CLANG_CHK_CALLS_H
#define FORTIFY_CLANG_CHK_CALLS_H

#include "rules.h"

#include <cstdint>
#include <optional>
#include <utility>

namespace llvm {
class CallInst;
class Module;
}  // namespace llvm

namespace fortify_llvm {

// A call of `rule`'s entry point (glibc's layout, common/rules.h): the
// units the call needs and the size it passes, when both are constants
// (the size not -1).
std::optional<std::pair<std::uint64_t, std::uint64_t>> chkNeededAndAvailable(
    llvm::CallInst &call, const fortify::Rule &rule);

// Returns whether a call was replaced. Run after the sites were observed.
bool plainUnneededChkCalls(llvm::Module &module);

}  // namespace fortify_llvm

#endif
