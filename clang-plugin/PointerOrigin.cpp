#include "PointerOrigin.h"

#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace fortify_llvm {
namespace {

// Enough for `q = p + 4` over `p = malloc(n)`; deeper chains stay unchecked.
constexpr unsigned kMaxDepth = 8;

// The store whose value `load` reads from `slot`, if that can be told for
// sure. It can when the slot is a local variable whose address is used by
// nothing but plain loads and stores into it and lifetime markers (so no
// call or other pointer can change it), and either a store precedes the
// load in its block (the last such store is the one read: `p = realloc(p,
// n)` after `p = malloc(4)`), or the slot is stored exactly once and that
// store dominates the load (every path to the load went through it).
StoreInst *reachingStore(const AllocaInst &slot, LoadInst &load,
                         const DominatorTree &dominators) {
  StoreInst *only = nullptr;
  unsigned stores = 0;
  for (const User *user : slot.users()) {
    // Lifetime markers (-O1 and up) change nothing a load could read.
    if (const auto *marker = dyn_cast<IntrinsicInst>(user);
        marker && (marker->isLifetimeStartOrEnd() || marker->isDebugOrPseudoInst()))
      continue;
    if (const auto *reader = dyn_cast<LoadInst>(user)) {
      if (reader->isVolatile() || reader->getPointerOperand() != &slot)
        return nullptr;
      continue;
    }
    auto *store = dyn_cast<StoreInst>(const_cast<User *>(user));
    if (!store || store->isVolatile() || store->getPointerOperand() != &slot ||
        store->getValueOperand() == &slot)
      return nullptr;
    only = store;
    ++stores;
  }
  for (Instruction *before = load.getPrevNode(); before; before = before->getPrevNode())
    if (auto *store = dyn_cast<StoreInst>(before))
      if (store->getPointerOperand() == &slot)
        return store;
  if (stores == 1 && dominators.dominates(only, &load))
    return only;
  return nullptr;
}

Value *forward(Value *value, Instruction *use, const DominatorTree &dominators,
               unsigned depth) {
  if (depth == kMaxDepth)
    return value;
  if (auto *load = dyn_cast<LoadInst>(value)) {
    auto *slot = dyn_cast<AllocaInst>(load->getPointerOperand());
    if (!slot || load->isVolatile() || !slot->isStaticAlloca())
      return value;
    // The load yields exactly the stored value, which (defined before the
    // store, which dominates the load) also dominates `use`.
    StoreInst *store = reachingStore(*slot, *load, dominators);
    if (!store || store->getValueOperand()->getType() != load->getType())
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

const Value *origin(const Value *value, const DominatorTree &dominators, unsigned depth) {
  if (depth == kMaxDepth)
    return value;
  if (const auto *load = dyn_cast<LoadInst>(value)) {
    const auto *slot = dyn_cast<AllocaInst>(load->getPointerOperand());
    if (!slot || load->isVolatile() || !slot->isStaticAlloca())
      return value;
    StoreInst *store = reachingStore(*slot, *const_cast<LoadInst *>(load), dominators);
    if (!store || store->getValueOperand()->getType() != load->getType())
      return value;
    return origin(store->getValueOperand(), dominators, depth + 1);
  }
  if (const auto *gep = dyn_cast<GetElementPtrInst>(value))
    return origin(gep->getPointerOperand(), dominators, depth + 1);
  if (const auto *cast = dyn_cast<CastInst>(value))
    if (cast->getOperand(0)->getType()->isPointerTy())
      return origin(cast->getOperand(0), dominators, depth + 1);
  return value;
}

}  // namespace

const Value *pointerOrigin(const Value *pointer, const DominatorTree &dominators) {
  return origin(pointer, dominators, 0);
}

Value *forwardThroughLocals(Value *pointer, Instruction *use, const DominatorTree &dominators) {
  return forward(pointer, use, dominators, 0);
}

}  // namespace fortify_llvm
