// Whether a surviving check compares against an object size LLVM cannot
// compute. LowerConstantIntrinsics folds such a size to -1 and the check
// vanishes exactly like one proven to fit; asking before it folds is the only
// way to tell the two apart. Used by the probe pass at OptimizerEarlyEP and,
// for sizes nothing folded, by the finishing pass (UnfoldedSizes.cpp).
#ifndef FORTIFY_CLANG_SIZE_PROBE_H
#define FORTIFY_CLANG_SIZE_PROBE_H

#include "unknown-reason.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace llvm {
class DataLayout;
class Function;
class Module;
class TargetLibraryInfo;
class Value;
}  // namespace llvm

namespace fortify_llvm {

// Descriptors whose size may be unknown, with the reason of each copy
// (UnknownReasons.h).
using UnknownSites =
    llvm::MapVector<llvm::StringRef, llvm::SmallVector<fortify::UnknownReason, 1>>;

// Adds to `unknown` the descriptors of the markers in `function` whose size
// may be unknown. `lowered`: the values the checks' object sizes were lowered
// to (-O0), or null to ask llvm.objectsize's own evaluation.
void probeFunction(llvm::Function &function, const llvm::TargetLibraryInfo &libraries,
                   const llvm::DenseMap<llvm::Value *, llvm::Value *> *lowered,
                   UnknownSites &unknown);

// Whether one size value may come from an object size LLVM cannot compute
// (a query that folds to -1), asking llvm.objectsize's own evaluation.
bool sizeMayBeUnknown(llvm::Value *size, const llvm::DataLayout &layout,
                      const llvm::TargetLibraryInfo &libraries);

// Adds the descriptors and reasons not yet there to !fortify.unknown
// (Sites.h): one node per descriptor and reason, with its number of copies.
void recordUnknown(llvm::Module &module, const UnknownSites &unknown);

}  // namespace fortify_llvm

#endif
