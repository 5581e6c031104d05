// The checks fail through one marker call, __fortify_fail, so that the
// finishing pass can still see every surviving failure path after
// optimisation; only then does it become what the mode asks for.
#ifndef FORTIFY_CLANG_MARKER_LOWERING_H
#define FORTIFY_CLANG_MARKER_LOWERING_H

#include "options.h"

#include "llvm/ADT/ArrayRef.h"

namespace llvm {
class CallBase;
class Module;
}  // namespace llvm

namespace fortify_llvm {

// Replaces each __fortify_fail call of `markers` by a trap, or in abort mode
// by write(2, message) and abort(), then deletes the descriptors and the
// marker's declaration nothing uses any more. __fortify_report calls are not
// markers: they stay. Returns whether a marker or a descriptor went.
bool lowerFailMarkers(llvm::Module &module, const fortify::Options &options,
                      llvm::ArrayRef<llvm::CallBase *> markers);

}  // namespace fortify_llvm

#endif
