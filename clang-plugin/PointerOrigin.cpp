#include "PointerOrigin.h"

#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace fortify_llvm {
namespace {

// Enough for `q = p + 4` over `p = malloc(n)`; deeper chains stay unchecked.
constexpr unsigned kMaxDepth = 8;

// The only store into `slot` if the slot is a local variable whose address
// is used by nothing but plain loads and that one store: then no other code
// can change it.
StoreInst *singleStore(const AllocaInst &slot) {
  StoreInst *found = nullptr;
  for (const User *user : slot.users()) {
    if (const auto *load = dyn_cast<LoadInst>(user)) {
      if (load->isVolatile() || load->getPointerOperand() != &slot)
        return nullptr;
      continue;
    }
    auto *store = dyn_cast<StoreInst>(const_cast<User *>(user));
    if (!store || store->isVolatile() || store->getPointerOperand() != &slot ||
        store->getValueOperand() == &slot || found)
      return nullptr;
    found = store;
  }
  return found;
}

Value *forward(Value *value, Instruction *use, const DominatorTree &dominators,
               unsigned depth) {
  if (depth == kMaxDepth)
    return value;
  if (auto *load = dyn_cast<LoadInst>(value)) {
    auto *slot = dyn_cast<AllocaInst>(load->getPointerOperand());
    if (!slot || load->isVolatile() || !slot->isStaticAlloca())
      return value;
    StoreInst *store = singleStore(*slot);
    // The store dominating the load means every path to the load went
    // through it, and nothing else writes the slot: the load yields exactly
    // the stored value, which also dominates `use`.
    if (!store || store->getValueOperand()->getType() != load->getType() ||
        !dominators.dominates(store, load))
      return value;
    return forward(store->getValueOperand(), use, dominators, depth + 1);
  }
  if (auto *gep = dyn_cast<GetElementPtrInst>(value)) {
    Value *base = forward(gep->getPointerOperand(), use, dominators, depth + 1);
    if (base == gep->getPointerOperand())
      return value;
    // The same arithmetic on the forwarded base, only for llvm.objectsize;
    // dead (and deleted) once that is folded. Its indices dominate `gep`,
    // which dominates `use`.
    Instruction *copy = gep->clone();
    copy->setOperand(GetElementPtrInst::getPointerOperandIndex(), base);
    copy->insertBefore(use);
    return copy;
  }
  return value;
}

}  // namespace

Value *forwardThroughLocals(Value *pointer, Instruction *use, const DominatorTree &dominators) {
  return forward(pointer, use, dominators, 0);
}

}  // namespace fortify_llvm
