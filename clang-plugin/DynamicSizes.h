// The checks' size queries are static until inlining is done, and become
// dynamic (level 3) only then: DynamicSizes.cpp says why.
#ifndef FORTIFY_CLANG_DYNAMIC_SIZES_H
#define FORTIFY_CLANG_DYNAMIC_SIZES_H

#include "IRProtocol.h"

namespace llvm {
class Function;
class IntrinsicInst;
class Module;
class TargetLibraryInfo;
class Value;
}  // namespace llvm

namespace fortify_llvm {


// Whether a level-3 query about an object `origin` points into
// (PointerOrigin.h) asks for the dynamic size from the start: the function
// sees the object (a local array, a VLA, a global defined here, an
// allocation, a phi or select of pointers), so inlining cannot tell more
// about it. The others (parameters, loaded pointers, other calls' results)
// stay static until inlining is done.
bool asksDynamicSizeFromStart(const llvm::Value *origin, const llvm::TargetLibraryInfo &libraries);

// Sets dynamic=true on the tagged llvm.objectsize calls of `function` /
// `module` that are still static. Returns whether one changed. Idempotent.
bool switchToDynamicSizes(llvm::Function &function);
bool switchToDynamicSizes(llvm::Module &module);

// Lowers the checks' own dynamic queries of `function` the way InstCombine
// lowers a dynamic query it meets (llvm.objectsize must not fail there, so
// it asks for the exact size: a phi or select of the chosen objects' sizes),
// leaving those it cannot size. LowerConstantIntrinsics, the only folder
// left once the switch is made after inlining, must succeed and asks the
// static evaluation for the largest size first: `d = c ? small : big`
// became sizeof big. Returns whether one was lowered.
bool lowerExactDynamicSizes(llvm::Function &function, const llvm::TargetLibraryInfo &libraries);

// A check's query about a choice between null and objects (`p = c ? NULL :
// buf - 8`): llvm.objectsize takes null for "unknown" (nullunknown=true,
// as Clang's __builtin_object_size does, for GCC's sake), and the whole
// choice becomes unknown. The query is asked with null as 0 bytes instead,
// so that the objects are sized exactly, and its value is
// `select (p == null), -1, size`, tagged !fortify.null_guard: a null
// destination itself is never stopped (memcpy(NULL, s, 0), getcwd(NULL, n)
// and mbstowcs(NULL, s, n) are correct calls). Returns whether one changed.
bool guardNullChoices(llvm::Function &function);

// One query, as above: its value (instructions inserted before it), or null.
llvm::Value *lowerExactDynamicSize(llvm::IntrinsicInst *query,
                                   const llvm::TargetLibraryInfo &libraries);

}  // namespace fortify_llvm

#endif
