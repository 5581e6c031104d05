// The checks' size queries are static until inlining is done, and become
// dynamic (level 3) only then: DynamicSizes.cpp says why.
#ifndef FORTIFY_CLANG_DYNAMIC_SIZES_H
#define FORTIFY_CLANG_DYNAMIC_SIZES_H

namespace llvm {
class Function;
class Module;
class TargetLibraryInfo;
class Value;
}  // namespace llvm

namespace fortify_llvm {

// On the checks' own llvm.objectsize calls at level 3 (emitted with
// dynamic=false): the query is to ask for the dynamic size once inlining is
// done. The program's own calls never carry it.
inline constexpr const char *kDynamicSizeMetadata = "fortify.dynamic";

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

}  // namespace fortify_llvm

#endif
