// The checks' object sizes still unfolded when the finishing pass runs: at
// -O0 and in optnone functions no pass folds llvm.objectsize, and in the
// ThinLTO pre-link pipeline it folds only after the link.
#ifndef FORTIFY_CLANG_UNFOLDED_SIZES_H
#define FORTIFY_CLANG_UNFOLDED_SIZES_H

#include "llvm/IR/PassManager.h"

namespace llvm {
class Module;
}

namespace fortify_llvm {

// Probes the checks' own llvm.objectsize calls left in `module` (SizeProbe.h)
// and records the unknown ones. With `lower` (the pipeline folds no object
// sizes: -O0), also lowers them and the checks' strlen/wcslen of constant
// strings as LowerConstantIntrinsics would, so that a check that folds leaves
// no code. Returns whether the IR changed.
bool probeAndLowerUnfoldedSizes(llvm::Module &module, llvm::FunctionAnalysisManager &functions,
                                bool lower);

}  // namespace fortify_llvm

#endif
