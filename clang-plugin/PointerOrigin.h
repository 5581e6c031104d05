// At -O0 every local variable lives in an alloca, so a destination such as
// `p` in `char *p = malloc(16); memcpy(p, s, n);` reaches the call as a load
// of p's stack slot, and llvm.objectsize (which never looks through memory)
// cannot see the malloc. No mem2reg runs to fix that at -O0.
#ifndef FORTIFY_CLANG_POINTER_ORIGIN_H
#define FORTIFY_CLANG_POINTER_ORIGIN_H

namespace llvm {
class DominatorTree;
class Instruction;
class Value;
}  // namespace llvm

namespace fortify_llvm {

// A value equal to `pointer` at `use` with loads of never-escaping allocas
// replaced by the value provably stored there (and GEPs over such loads
// rebuilt in front of `use`), so that llvm.objectsize sees the allocation.
// Returns `pointer` itself when nothing can be proven.
llvm::Value *forwardThroughLocals(llvm::Value *pointer, llvm::Instruction *use,
                                  const llvm::DominatorTree &dominators);

// What `pointer` points into, as far as the same never-escaping locals, GEPs
// and casts show (an allocation call, an alloca, a phi, an argument ...),
// without changing the IR. `pointer` itself when nothing is seen through.
const llvm::Value *pointerOrigin(const llvm::Value *pointer,
                                 const llvm::DominatorTree &dominators);

}  // namespace fortify_llvm

#endif
