// A check that always fails once reached is a bug the compiler can show
// before the program runs, as GCC's _FORTIFY_SOURCE warnings do.
#ifndef FORTIFY_CLANG_PROVEN_PROBLEM_DIAGNOSTICS_H
#define FORTIFY_CLANG_PROVEN_PROBLEM_DIAGNOSTICS_H

#include "report.h"

#include <cstdint>

namespace llvm {
class CallBase;
}

namespace fortify_llvm {

// Warns (an error with `werror`) at `call`, the failure marker of `site`,
// with fortify::provenProblemMessage, then one note per level of inlining.
void diagnoseOverflow(llvm::CallBase &call, const fortify::SiteDescriptor &site,
                      std::uint64_t needed, std::uint64_t available, bool werror);

}  // namespace fortify_llvm

#endif
