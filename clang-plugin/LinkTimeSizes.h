// Full LTO: the checks' size queries must reach the link unfolded, where
// cross-module inlining can tell what a pointer parameter points to
// (LinkTimeSizes.cpp says how and why).
#ifndef FORTIFY_CLANG_LINK_TIME_SIZES_H
#define FORTIFY_CLANG_LINK_TIME_SIZES_H

namespace llvm {
class Module;
}

namespace fortify_llvm {

// Whether `module` is being prepared for a full (regular) LTO link: Clang
// sets the module flag "ThinLTO" to 0 before the pre-link pipeline runs.
bool preparesForFullLto(const llvm::Module &module);

// In a full-LTO pre-link module, hides the checks' own llvm.objectsize calls
// from LowerConstantIntrinsics (run between OptimizerEarlyEP and
// OptimizerLastEP) behind calls of a placeholder declaration. Elsewhere does
// nothing. Returns whether the IR changed.
bool keepSizesForLink(llvm::Module &module);

// Turns the placeholder calls back into llvm.objectsize calls (same
// operands, metadata, debug location) and deletes the placeholders.
// Idempotent; returns whether the IR changed.
bool restoreKeptSizes(llvm::Module &module);

}  // namespace fortify_llvm

#endif
