// Whether a surviving check compares against an object size LLVM cannot
// compute. LowerConstantIntrinsics folds such a size to -1 and the check
// vanishes exactly like one proven to fit; asking before it folds is the only
// way to tell the two apart. Used by the probe pass at OptimizerEarlyEP and,
// for sizes nothing folded, by the finishing pass (UnfoldedSizes.cpp).
#ifndef FORTIFY_CLANG_SIZE_PROBE_H
#define FORTIFY_CLANG_SIZE_PROBE_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringRef.h"

namespace llvm {
class DataLayout;
class Function;
class Module;
class TargetLibraryInfo;
class Value;
}  // namespace llvm

namespace fortify_llvm {

// Adds to `unknown` the descriptors of the markers in `function` whose size
// may be unknown. `lowered`: the values the checks' object sizes were lowered
// to (-O0), or null to ask llvm.objectsize's own evaluation.
void probeFunction(llvm::Function &function, const llvm::TargetLibraryInfo &libraries,
                   const llvm::DenseMap<llvm::Value *, llvm::Value *> *lowered,
                   llvm::SetVector<llvm::StringRef> &unknown);

// Whether one size value may come from an object size LLVM cannot compute
// (a query that folds to -1), asking llvm.objectsize's own evaluation.
bool sizeMayBeUnknown(llvm::Value *size, const llvm::DataLayout &layout,
                      const llvm::TargetLibraryInfo &libraries);

// Adds the descriptors not yet there to !fortify.unknown (Sites.h).
void recordUnknown(llvm::Module &module, const llvm::SetVector<llvm::StringRef> &unknown);

}  // namespace fortify_llvm

#endif
