// Lowering of the checks' own object sizes where no pass of the pipeline does
// it (-O0): without it a check that would fold at -O1 stays as code, and one
// that always fails is not known to.
#include "UnfoldedSizes.h"
#include "DynamicSizes.h"
#include "FortifyPass.h"
#include "SizeProbe.h"
#include "llvm-compat.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/InstructionSimplify.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

using namespace llvm;

namespace fortify_llvm {
namespace {

// The plugin's own llvm.objectsize calls (marked), in `function`.
void ownObjectSizes(Function &function, SmallVectorImpl<IntrinsicInst *> &sizes) {
  unsigned checkedKind = function.getContext().getMDKindID(kCheckedMetadata);
  for (Instruction &instruction : instructions(function))
    if (auto *intrinsic = dyn_cast<IntrinsicInst>(&instruction))
      if (intrinsic->getIntrinsicID() == Intrinsic::objectsize &&
          intrinsic->getMetadata(checkedKind))
        sizes.push_back(intrinsic);
}

// As LowerConstantIntrinsics does: replaces the call by its value, simplifies
// what depends on it, and turns branches that became constant into plain
// ones. Returns whether blocks became unreachable.
bool replaceAndFold(Instruction *call, Value *value) {
  SmallSetVector<Instruction *, 8> unsimplified;
  replaceAndRecursivelySimplify(call, value, nullptr, nullptr, nullptr, &unsimplified);
  SmallVector<WeakVH, 8> worklist(unsimplified.begin(), unsimplified.end());
  bool deadBlocks = false;
  for (WeakVH &handle : worklist) {
    auto *branch = dyn_cast_or_null<BranchInst>(handle);
    if (!branch || branch->isUnconditional())
      continue;
    auto *condition = dyn_cast<ConstantInt>(branch->getCondition());
    if (!condition)
      continue;
    BasicBlock *target = branch->getSuccessor(condition->isZero() ? 1 : 0);
    BasicBlock *other = branch->getSuccessor(condition->isZero() ? 0 : 1);
    if (target == other)
      continue;
    BasicBlock *source = branch->getParent();
    other->removePredecessor(source);
    BranchInst::Create(target, source)->setDebugLoc(branch->getDebugLoc());
    branch->eraseFromParent();
    deadBlocks |= pred_empty(other);
  }
  return deadBlocks;
}

// At -O0 nothing folds strlen("hello") either (GCC does, even at -O0): the
// checks' own string lengths of constant strings become constants, so that
// `strcpy(name, "hello")` into char[4] is known to fail as at -O1.
bool foldOwnStringLengths(Function &function) {
  unsigned checkedKind = function.getContext().getMDKindID(kCheckedMetadata);
  SmallVector<std::pair<CallInst *, uint64_t>, 4> constants;
  for (Instruction &instruction : instructions(function)) {
    auto *call = dyn_cast<CallInst>(&instruction);
    if (!call || !call->getMetadata(checkedKind) || call->arg_size() != 1 ||
        !call->getType()->isIntegerTy() || !call->getCalledFunction())
      continue;
    StringRef name = call->getCalledFunction()->getName();
    unsigned characterBits = name == "strlen" ? 8 : name == "wcslen" ? 32 : 0;
    if (!characterBits)
      continue;
    // The length plus one, or 0 when it cannot be told.
    if (uint64_t withNul = GetStringLength(call->getArgOperand(0), characterBits))
      constants.push_back({call, withNul - 1});
  }
  bool deadBlocks = false;
  for (auto [call, length] : constants) {
    Value *value = ConstantInt::get(call->getType(), length);
    WeakVH handle(call);  // null if simplification erased the call
    deadBlocks |= replaceAndFold(call, value);
    if (auto *left = dyn_cast_or_null<CallInst>(handle); left && left->use_empty())
      left->eraseFromParent();
  }
  return deadBlocks;
}

}  // namespace

bool probeAndLowerUnfoldedSizes(Module &module, FunctionAnalysisManager &functions, bool lower) {
  bool changed = false;
  UnknownSites unknown;
  for (Function &function : module) {
    if (function.isDeclaration())
      continue;
    SmallVector<IntrinsicInst *, 8> sizes;
    ownObjectSizes(function, sizes);
    if (sizes.empty())
      continue;
    const TargetLibraryInfo &libraries = functions.getResult<TargetLibraryAnalysis>(function);
    if (!lower) {
      probeFunction(function, libraries, nullptr, unknown);
      continue;
    }
    DenseMap<Value *, Value *> lowered;
    for (IntrinsicInst *size : sizes) {
      // A dynamic query's exact size first: must-succeed asks for the largest.
      Value *value = cast<ConstantInt>(size->getArgOperand(3))->isOne()
                         ? lowerExactDynamicSize(size, libraries)
                         : nullptr;
      lowered[size] = value ? value
                            : lowerObjectSize(size, module.getDataLayout(), &libraries,
                                              /*mustSucceed=*/true);
    }
    probeFunction(function, libraries, &lowered, unknown);
    bool deadBlocks = false;
    for (IntrinsicInst *size : sizes)
      deadBlocks |= replaceAndFold(size, lowered[size]);
    deadBlocks |= foldOwnStringLengths(function);
    if (deadBlocks)
      removeUnreachableBlocks(function);
    functions.invalidate(function, PreservedAnalyses::none());
    changed = true;
  }
  recordUnknown(module, unknown);
  return changed;
}

}  // namespace fortify_llvm
