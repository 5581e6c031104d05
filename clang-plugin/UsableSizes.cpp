#include "UsableSizes.h"
#include "IRProtocol.h"
#include "PointerOrigin.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include <string>

using namespace llvm;

namespace fortify_llvm {
namespace {

std::string placeholderName() { return std::string(kInternalPrefix) + "usable_block"; }

bool isUsableSizeCall(const CallBase &call) {
  const Function *callee = call.getCalledFunction();
  return callee && callee->getName() == "malloc_usable_size" && call.arg_size() == 1 &&
         call.getArgOperand(0)->getType()->isPointerTy();
}

// What `pointer` may point into: the objects under it, each also seen
// through the local variables it was loaded from.
void rootsOf(const Value *pointer, const DominatorTree &dominators,
             SmallPtrSetImpl<const Value *> &roots) {
  SmallVector<const Value *, 4> work{pointer};
  SmallPtrSet<const Value *, 8> seen;
  while (!work.empty() && seen.size() < 64) {
    const Value *value = work.pop_back_val();
    if (!seen.insert(value).second)
      continue;
    SmallVector<const Value *, 4> objects;
    getUnderlyingObjects(value, objects);
    for (const Value *object : objects) {
      const Value *origin = pointerOrigin(object, dominators);
      roots.insert(object);
      if (origin != object)
        work.push_back(origin);
    }
  }
}

}  // namespace

UsableBlocks::UsableBlocks(Function &function) : function_(function) {
  SmallVector<const CallBase *, 2> calls;
  for (Instruction &instruction : instructions(function))
    if (auto *call = dyn_cast<CallBase>(&instruction); call && isUsableSizeCall(*call))
      calls.push_back(call);
  if (calls.empty())
    return;
  DominatorTree dominators(function);
  for (const CallBase *call : calls)
    rootsOf(call->getArgOperand(0), dominators, roots_);
}

bool UsableBlocks::covers(const Value *pointer) const {
  if (roots_.empty())
    return false;
  DominatorTree dominators(function_);
  SmallPtrSet<const Value *, 8> roots;
  rootsOf(pointer, dominators, roots);
  for (const Value *root : roots)
    if (roots_.count(root) && !isa<ConstantPointerNull>(root))
      return true;
  return false;
}

Value *hideBlockSize(Value *pointer, Instruction *before) {
  Module &module = *before->getModule();
  LLVMContext &context = module.getContext();
  auto *type = PointerType::getUnqual(context);
  FunctionCallee placeholder =
      module.getOrInsertFunction(placeholderName(), FunctionType::get(type, {type}, false));
  if (auto *function = dyn_cast<Function>(placeholder.getCallee())) {
    // Nothing but its result: dead (and deleted) once the query is folded.
    function->setDoesNotThrow();
    function->setWillReturn();
    function->setDoesNotAccessMemory();
  }
  IRBuilder<> builder(before);
  CallInst *call = builder.CreateCall(placeholder, {pointer});
  call->setMetadata(kCheckedMetadata, MDNode::get(context, {}));
  return call;
}

bool isHiddenBlock(const Value *pointer) {
  const auto *call = dyn_cast<CallInst>(pointer);
  const Function *callee = call ? call->getCalledFunction() : nullptr;
  return callee && callee->getName() == placeholderName();
}

bool removeBlockPlaceholders(Module &module) {
  Function *placeholder = module.getFunction(placeholderName());
  if (!placeholder)
    return false;
  SmallVector<CallInst *, 8> calls;
  for (User *user : placeholder->users())
    if (auto *call = dyn_cast<CallInst>(user); call && call->getCalledFunction() == placeholder)
      calls.push_back(call);
  for (CallInst *call : calls) {
    SmallVector<IntrinsicInst *, 2> queries;
    for (User *user : call->users())
      if (auto *query = dyn_cast<IntrinsicInst>(user);
          query && query->getIntrinsicID() == Intrinsic::objectsize)
        queries.push_back(query);
    for (IntrinsicInst *query : queries) {
      query->replaceAllUsesWith(ConstantInt::getAllOnesValue(query->getType()));
      query->eraseFromParent();
    }
    call->replaceAllUsesWith(call->getArgOperand(0));
    call->eraseFromParent();
  }
  if (placeholder->use_empty())
    placeholder->eraseFromParent();
  return true;
}

}  // namespace fortify_llvm
