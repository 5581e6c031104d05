#include "ChkCalls.h"
#include "IRProtocol.h"
#include "Strings.h"

#include "rules.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"

#include <optional>
#include <vector>

using namespace llvm;

namespace fortify_llvm {
namespace {

std::optional<uint64_t> constantOf(Value *value) {
  if (auto *constant = dyn_cast_or_null<ConstantInt>(value))
    if (constant->getValue().getActiveBits() <= 64)
      return constant->getZExtValue();
  return std::nullopt;
}

class ChkCall {
public:
  ChkCall(CallInst &call, const fortify::Rule &rule) : call_(call), rule_(rule) {
    int inserted = int(fortify::chkChecksSize(rule)) + int(fortify::chkChecksFormat(rule));
    layout_ = fortify::chkArguments(rule, int(call.arg_size()) - inserted);
  }
  bool valid() const { return fortify::chkChecksSize(rule_) && layout_.size() == call_.arg_size(); }

  Value *original(int index) const {
    for (size_t i = 0; i < layout_.size(); ++i)
      if (layout_[i].kind == fortify::ChkArgumentKind::Original && layout_[i].index == index)
        return call_.getArgOperand(i);
    return nullptr;
  }
  Value *size() const { return call_.getArgOperand(rule_.chkSizeAt); }

  // What the call needs, in the size argument's unit, when constant (as
  // gcc-plugin/chk-calls.cpp).
  std::optional<uint64_t> needed() const {
    fortify::ChkConstants known;
    if (rule_.length != fortify::kNoArg)
      known.length = constantOf(original(rule_.length));
    if (rule_.count != fortify::kNoArg)
      known.count = constantOf(original(rule_.count));
    StringRef text;
    if (rule_.source != fortify::kNoArg && rule_.elementSize == 1 &&
        getConstantStringInfo(original(rule_.source), text))
      known.sourceLength = text.size();
    return fortify::chkNeeded(rule_, known);
  }

  bool unneeded() const {
    auto available = constantOf(size());
    if (!available)
      return false;
    if (cast<ConstantInt>(size())->isMinusOne())
      return true;
    auto units = needed();
    return units && *units <= *available;
  }

  // The intrinsic the rule names among its aliases (llvm.memcpy ...), so
  // that a small copy is still lowered inline, as before the plugin.
  Intrinsic::ID intrinsic() const {
    for (std::string_view alias : rule_.aliases)
      if (Intrinsic::ID id = Function::lookupIntrinsicID(ref(alias)); id != Intrinsic::not_intrinsic)
        return id;
    return Intrinsic::not_intrinsic;
  }

  void replaceByPlainCall() {
    Module &module = *call_.getModule();
    IRBuilder<> builder(&call_);
    builder.SetCurrentDebugLocation(call_.getDebugLoc());
    Intrinsic::ID id = intrinsic();
    if ((id == Intrinsic::memcpy || id == Intrinsic::memmove || id == Intrinsic::memset) &&
        rule_.arity == 3) {
      Value *d = original(0), *second = original(1), *n = original(2);
      CallInst *replacement =
          id == Intrinsic::memset
              ? builder.CreateMemSet(d, builder.CreateTrunc(second, builder.getInt8Ty()), n, MaybeAlign())
              : id == Intrinsic::memcpy ? builder.CreateMemCpy(d, MaybeAlign(), second, MaybeAlign(), n)
                                        : builder.CreateMemMove(d, MaybeAlign(), second, MaybeAlign(), n);
      replacement->setMetadata(kCheckedMetadata, call_.getMetadata(kCheckedMetadata));
      call_.replaceAllUsesWith(d);  // the functions return their destination
      call_.eraseFromParent();
      return;
    }
    SmallVector<Value *, 8> args;
    SmallVector<Type *, 8> parameters;
    for (size_t i = 0; i < layout_.size(); ++i)
      if (layout_[i].kind == fortify::ChkArgumentKind::Original) {
        args.push_back(call_.getArgOperand(i));
        if (layout_[i].index < rule_.arity)
          parameters.push_back(call_.getArgOperand(i)->getType());
      }
    FunctionCallee plain = module.getOrInsertFunction(
        ref(rule_.name), FunctionType::get(call_.getType(), parameters, rule_.variadic));
    CallInst *replacement = builder.CreateCall(plain, args);
    replacement->setDebugLoc(call_.getDebugLoc());
    replacement->setCallingConv(call_.getCallingConv());
    replacement->setMetadata(kCheckedMetadata, call_.getMetadata(kCheckedMetadata));
    if (call_.doesNotThrow())
      replacement->setDoesNotThrow();
    replacement->takeName(&call_);
    call_.replaceAllUsesWith(replacement);
    call_.eraseFromParent();
  }

private:
  CallInst &call_;
  const fortify::Rule &rule_;
  std::vector<fortify::ChkArgument> layout_;
};

}  // namespace

std::optional<std::pair<uint64_t, uint64_t>> chkNeededAndAvailable(CallInst &call,
                                                                   const fortify::Rule &rule) {
  ChkCall chk(call, rule);
  if (!chk.valid())
    return std::nullopt;
  auto available = constantOf(chk.size());
  auto needed = chk.needed();
  if (!available || !needed || cast<ConstantInt>(chk.size())->isMinusOne())
    return std::nullopt;
  return std::make_pair(*needed, *available);
}

bool plainUnneededChkCalls(Module &module) {
  SmallVector<std::pair<CallInst *, const fortify::Rule *>, 8> unneeded;
  for (Function &function : module)
    for (Instruction &instruction : instructions(function)) {
      auto *call = dyn_cast<CallInst>(&instruction);
      MDNode *tag = call ? call->getMetadata(kChkEntryMetadata) : nullptr;
      if (!tag || tag->getNumOperands() != 1 || !call->getCalledFunction() ||
          !mdconst::extract<ConstantInt>(tag->getOperand(0))->isOne())
        continue;
      const fortify::Rule *rule =
          fortify::findRuleByCheckedName(view(call->getCalledFunction()->getName()));
      if (rule && ChkCall(*call, *rule).valid() && ChkCall(*call, *rule).unneeded())
        unneeded.push_back({call, rule});
    }
  for (auto [call, rule] : unneeded)
    ChkCall(*call, *rule).replaceByPlainCall();
  return !unneeded.empty();
}

}  // namespace fortify_llvm
