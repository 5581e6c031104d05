#include "CheckEmitter.h"

#include "llvm-compat.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

#include <string>

using namespace llvm;

namespace fortify_llvm {
namespace {

using fortify::CheckKind;
using fortify::Rule;

bool isPointerArgument(const CallBase &call, int index) {
  // Address space 0 only: strlen and friends take generic pointers.
  return index >= 0 && unsigned(index) < call.arg_size() &&
         call.getArgOperand(index)->getType()->isPointerTy() &&
         call.getArgOperand(index)->getType()->getPointerAddressSpace() == 0;
}

bool isIntegerArgument(const CallBase &call, int index) {
  return index >= 0 && unsigned(index) < call.arg_size() &&
         call.getArgOperand(index)->getType()->isIntegerTy();
}

class Emitter {
public:
  Emitter(const CheckSite &site, const fortify::Options &options)
      : site_(site), rule_(*site.rule), options_(options), call_(*site.call),
        module_(*call_.getModule()), context_(module_.getContext()),
        sizeType_(module_.getDataLayout().getIntPtrType(context_)),
        builder_(&call_) {
    // Every instruction of the check, the trap included, reports the call's
    // source location.
    builder_.SetCurrentDebugLocation(call_.getDebugLoc());
  }

  void emit() {
    Value *size = objectSize();
    // String lengths are only measured when the size is known, so that an
    // unknown size, once folded to -1, leaves no code behind.
    if (fortify::kindNeedsStringLength(rule_.kind) || rule_.elementSize != 1) {
      Value *known = builder_.CreateICmpNE(size, ConstantInt::getAllOnesValue(sizeType_));
      Instruction *measure = SplitBlockAndInsertIfThen(known, builder_.GetInsertPoint(),
                                                       /*Unreachable=*/false);
      builder_.SetInsertPoint(measure);
    }
    Value *overflow = overflowCondition(size);
    Instruction *failure = SplitBlockAndInsertIfThen(
        overflow, builder_.GetInsertPoint(), /*Unreachable=*/true,
        MDBuilder(context_).createUnlikelyBranchWeights());
    builder_.SetInsertPoint(failure);
    emitFailure();
  }

private:
  Value *argument(int index) { return call_.getArgOperand(index); }

  Value *toSize(Value *value) { return builder_.CreateZExtOrTrunc(value, sizeType_); }

  // llvm.objectsize(p, min=false, nullunknown=true, dynamic=level>=3), folded
  // by LowerConstantIntrinsics (in the optimisation pipeline, and in the
  // code generator at -O0) to a constant, a run-time expression or -1.
  Value *objectSize() {
    Value *pointer = site_.objectPointer;
    Function *intrinsic = intrinsicDeclaration(module_, Intrinsic::objectsize,
                                               {sizeType_, pointer->getType()});
    Value *size = builder_.CreateCall(
        intrinsic, {pointer, builder_.getFalse(), builder_.getTrue(),
                    builder_.getInt1(fortify::usesDynamicSizes(options_))});
    if (site_.subobjectLimit)
      size = builder_.CreateBinaryIntrinsic(
          Intrinsic::umin, size, ConstantInt::get(sizeType_, *site_.subobjectLimit));
    return size;
  }

  FunctionCallee libraryFunction(StringRef name, Type *result, ArrayRef<Type *> parameters) {
    return module_.getOrInsertFunction(name, FunctionType::get(result, parameters, false));
  }

  Value *stringLength(Value *string) {
    PointerType *pointer = PointerType::getUnqual(context_);
    return builder_.CreateCall(libraryFunction("strlen", sizeType_, {pointer}), {string});
  }

  Value *boundedStringLength(Value *string, Value *bound) {
    PointerType *pointer = PointerType::getUnqual(context_);
    return builder_.CreateCall(
        libraryFunction("strnlen", sizeType_, {pointer, sizeType_}), {string, toSize(bound)});
  }

  Value *overflowCondition(Value *size) {
    switch (rule_.kind) {
    case CheckKind::CopyLength: {
      // count * elementSize > size, written without the product so that a
      // count whose product wraps is caught too.
      Value *count = toSize(argument(rule_.length));
      Value *limit = rule_.elementSize == 1
                         ? size
                         : builder_.CreateUDiv(size, ConstantInt::get(sizeType_, rule_.elementSize));
      return builder_.CreateICmpUGT(count, limit);
    }
    case CheckKind::CopyString:
      return builder_.CreateICmpUGE(stringLength(argument(rule_.source)), size);
    case CheckKind::AppendString:
    case CheckKind::AppendBounded: {
      Value *present = stringLength(argument(rule_.dest));
      Value *added = rule_.kind == CheckKind::AppendString
                         ? stringLength(argument(rule_.source))
                         : boundedStringLength(argument(rule_.source), argument(rule_.length));
      return builder_.CreateICmpUGE(builder_.CreateAdd(present, added), size);
    }
    }
    return builder_.getFalse();
  }

  // Whether `name` can only mean the C library's function: a module that
  // defines its own `write` (a static helper, or libc itself) would have
  // abort mode call that instead. The GCC plugin makes the same choice.
  bool isLibraryFunction(StringRef name) {
    GlobalValue *value = module_.getNamedValue(name);
    if (!value)
      return true;
    auto *function = dyn_cast<Function>(value);
    return function && function->isDeclaration() && !function->hasLocalLinkage();
  }

  void emitFailure() {
    if (options_.mode == fortify::FailureMode::Abort && isLibraryFunction("write") &&
        isLibraryFunction("abort")) {
      std::string message = abortMessage();
      Value *text = builder_.CreateGlobalString(message, "fortify.message", 0, &module_);
      builder_.CreateCall(
          libraryFunction("write", sizeType_,
                          {builder_.getInt32Ty(), PointerType::getUnqual(context_), sizeType_}),
          {builder_.getInt32(2), text, ConstantInt::get(sizeType_, message.size())});
      CallInst *abort = builder_.CreateCall(libraryFunction("abort", builder_.getVoidTy(), {}));
      abort->setDoesNotReturn();
      return;
    }
    CallInst *trap = builder_.CreateIntrinsic(Intrinsic::trap, {}, {});
    trap->setDoesNotReturn();
  }

  std::string abortMessage() {
    if (const DILocation *location = call_.getDebugLoc().get())
      return fortify::abortMessage(rule_.name, std::string(location->getFilename()),
                                   location->getLine(), location->getColumn());
    return fortify::abortMessage(rule_.name, module_.getSourceFileName(), 0, 0);
  }

  const CheckSite &site_;
  const Rule &rule_;
  const fortify::Options &options_;
  CallBase &call_;
  Module &module_;
  LLVMContext &context_;
  IntegerType *sizeType_;
  IRBuilder<> builder_;
};

}  // namespace

bool hasExpectedShape(const CallBase &call, const Rule &rule, bool isIntrinsic) {
  int arguments = int(call.arg_size());
  if (isIntrinsic ? arguments < rule.arity : arguments != rule.arity)
    return false;
  if (!isPointerArgument(call, rule.dest))
    return false;
  if (rule.kind != CheckKind::CopyLength && rule.source != fortify::kNoArg &&
      !isPointerArgument(call, rule.source))
    return false;
  if (rule.length != fortify::kNoArg && !isIntegerArgument(call, rule.length))
    return false;
  return true;
}

void emitCheck(const CheckSite &site, const fortify::Options &options) {
  Emitter(site, options).emit();
}

}  // namespace fortify_llvm
