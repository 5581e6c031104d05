#include "UnknownReasons.h"
#include "UsableSizes.h"
#include "llvm-compat.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace fortify_llvm {
namespace {

using fortify::UnknownReason;

// A walk ends at a reason or at a sized object (common/unknown-reason.h).
// The same walk as the GCC plugin's (gcc-plugin/unknown-reasons.cpp), on LLVM IR.
using Origin = fortify::PointerRoot;

Origin reasonOnly(UnknownReason reason) { return Origin::because(reason); }
Origin sizedObject() { return Origin::sizedObject(); }
Origin choose(const Origin &a, const Origin &b) { return fortify::chooseBetween(a, b); }

class Classifier {
public:
  explicit Classifier(const TargetLibraryInfo &libraries) : libraries_(libraries) {}

  Origin pointer(const Value *value, unsigned depth) {
    // A walk of -O0 stack slots fans out over every store into each slot:
    // each value is classified once, and a walk that grows past its budget
    // gives up (SQLite's sqlite3VdbeExec took minutes otherwise).
    if (depth > fortify::kMaxWalkDepth || ++steps_ > fortify::kMaxWalkSteps)
      return reasonOnly(UnknownReason::Other);
    if (auto known = done_.find(value); known != done_.end())
      return known->second;
    if (!visiting_.insert(value).second)
      return sizedObject();  // around a loop: adds nothing
    Origin origin = definition(value, depth);
    visiting_.erase(value);
    done_.try_emplace(value, origin);
    return origin;
  }

private:
  Origin definition(const Value *value, unsigned depth) {
    if (const auto *gep = dyn_cast<GEPOperator>(value))
      return pointer(gep->getPointerOperand(), depth + 1);
    if (const auto *cast = dyn_cast<Operator>(value);
        cast && (cast->getOpcode() == Instruction::BitCast ||
                 cast->getOpcode() == Instruction::AddrSpaceCast))
      return pointer(cast->getOperand(0), depth + 1);
    if (const auto *argument = dyn_cast<Argument>(value))
      return argument->hasByValAttr() ? sizedObject() : reasonOnly(UnknownReason::Parameter);
    if (const auto *phi = dyn_cast<PHINode>(value)) {
      Origin origin = sizedObject();
      for (const Value *incoming : phi->incoming_values())
        origin = choose(origin, pointer(incoming, depth + 1));
      return origin;
    }
    if (const auto *select = dyn_cast<SelectInst>(value))
      return choose(pointer(select->getTrueValue(), depth + 1),
                    pointer(select->getFalseValue(), depth + 1));
    if (const auto *load = dyn_cast<LoadInst>(value))
      return loaded(*load, depth);
    if (const auto *call = dyn_cast<CallBase>(value))
      return callResult(*call, depth);
    if (const auto *slot = dyn_cast<AllocaInst>(value))
      return slot->isStaticAlloca() ? sizedObject() : reasonOnly(UnknownReason::Allocator);
    if (const auto *global = dyn_cast<GlobalVariable>(value)) {
      // LLVM sizes a global only by a definition that cannot be replaced
      // (ObjectSizeOffsetVisitor::visitGlobalVariable).
      if (!global->getValueType()->isSized() || !global->hasInitializer() ||
          global->isInterposable() || global->hasExternalWeakLinkage())
        return reasonOnly(UnknownReason::External);
      return sizedObject();
    }
    if (isa<ConstantDataSequential>(value) || isa<GlobalValue>(value))
      return sizedObject();
    return reasonOnly(UnknownReason::Other);  // inttoptr, null, asm ...
  }

  // At -O0 every local variable is a stack slot: a pointer kept in one that
  // only loads and stores use (no address escapes) is whatever was stored
  // there, as GCC's SSA form (and its phis) shows it.
  Origin loaded(const LoadInst &load, unsigned depth) {
    const auto *slot = dyn_cast<AllocaInst>(load.getPointerOperand()->stripPointerCasts());
    if (!slot || !slot->isStaticAlloca())
      return reasonOnly(UnknownReason::Loaded);
    Origin origin = sizedObject();
    bool stored = false;
    for (const User *user : slot->users()) {
      if (const auto *intrinsic = dyn_cast<IntrinsicInst>(user);
          intrinsic && (intrinsic->isLifetimeStartOrEnd() || intrinsic->isDebugOrPseudoInst()))
        continue;
      if (const auto *reader = dyn_cast<LoadInst>(user)) {
        if (reader->getPointerOperand() != slot)
          return reasonOnly(UnknownReason::Loaded);
        continue;
      }
      const auto *store = dyn_cast<StoreInst>(user);
      if (!store || store->getPointerOperand() != slot || store->getValueOperand() == slot ||
          !store->getValueOperand()->getType()->isPointerTy())
        return reasonOnly(UnknownReason::Loaded);
      origin = choose(origin, pointer(store->getValueOperand(), depth + 1));
      stored = true;
    }
    return stored ? origin : reasonOnly(UnknownReason::Other);
  }

  Origin callResult(const CallBase &call, unsigned depth) {
    // A block the program asks malloc_usable_size about: its size is the
    // allocator's to tell (UsableSizes.h).
    if (isHiddenBlock(&call))
      return reasonOnly(UnknownReason::Allocator);
    // Functions returning an argument (memcpy, strcpy ...): llvm.objectsize
    // follows them, and so does the reason.
    if (const Value *returned = getArgumentAliasingToReturnedPointer(&call, false))
      return pointer(returned, depth + 1);
    if (isAllocationFn(&call, &libraries_) || call.hasFnAttr(Attribute::AllocSize))
      return allocSizeKnown(call, &libraries_) ? sizedObject()  // a constant size
                                                : reasonOnly(UnknownReason::Allocator);
    if (isa<InlineAsm>(call.getCalledOperand()))
      return reasonOnly(UnknownReason::Other);
    return reasonOnly(UnknownReason::CallResult);
  }

  const TargetLibraryInfo &libraries_;
  SmallPtrSet<const Value *, 16> visiting_;
  DenseMap<const Value *, Origin> done_;
  unsigned steps_ = 0;
};

}  // namespace

UnknownReason classifyPointer(const Value *pointer, const TargetLibraryInfo &libraries) {
  Origin origin = Classifier(libraries).pointer(pointer, 0);
  return origin.unknownReason();
}

}  // namespace fortify_llvm
