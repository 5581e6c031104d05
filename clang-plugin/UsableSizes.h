// malloc_usable_size: a program that asks how big its block really is may
// use all of it (systemd writes up to the answer), so the size it asked for
// at allocation must not stop it. The checks' size of a block the function
// asks malloc_usable_size about is unknown.
//
// LLVM folds an allocation's size as soon as InstCombine sees the query
// (before inlining), so the decision is made when the pass instruments: the
// check asks llvm.objectsize about `fortify.usable_block(p)`, a call that
// returns p and that LLVM cannot see through. The probe reads the reason
// off it (the allocator's), and the finishing pass removes it.
#ifndef FORTIFY_CLANG_USABLE_SIZES_H
#define FORTIFY_CLANG_USABLE_SIZES_H

#include "llvm/ADT/SmallPtrSet.h"

namespace llvm {
class Function;
class Instruction;
class Module;
class Value;
}  // namespace llvm

namespace fortify_llvm {

// The objects `function` asks malloc_usable_size about: what the argument
// of each call points into, through GEPs, casts, phis, selects and (-O0,
// and before mem2reg) never-escaping local variables (PointerOrigin.h).
class UsableBlocks {
public:
  explicit UsableBlocks(llvm::Function &function);
  // Whether `pointer` may point into one of them.
  bool covers(const llvm::Value *pointer) const;

private:
  llvm::Function &function_;
  llvm::SmallPtrSet<const llvm::Value *, 8> roots_;
};

// `pointer` as the checks' size queries are to see it: through the
// placeholder, inserted before `before`.
llvm::Value *hideBlockSize(llvm::Value *pointer, llvm::Instruction *before);
// Whether `pointer` is such a placeholder's result.
bool isHiddenBlock(const llvm::Value *pointer);
// The finishing pass: each placeholder becomes its argument again (and a
// size query still asking about one, kept for the link, unknown). Returns
// whether the IR changed.
bool removeBlockPlaceholders(llvm::Module &module);

}  // namespace fortify_llvm

#endif
