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
// A call inside an inlined C library wrapper (glibc's __*_chk) is placed
// at the wrapper's call site: the first location up its inlinedAt chain
// that is the site's own.
void diagnoseOverflow(llvm::CallBase &call, const fortify::SiteDescriptor &site,
                      std::uint64_t needed, std::uint64_t available, bool werror);

}  // namespace fortify_llvm

#endif
