// The probe pass (FortifyProbePass, OptimizerEarlyEP) and the size probe it
// runs: after inlining a check may still ask llvm.objectsize about an object
// LLVM cannot size, and once folded nothing shows it was never checked.
#include "SizeProbe.h"
#include "DynamicSizes.h"
#include "FortifyPass.h"
#include "LibcFortify.h"
#include "LinkTimeSizes.h"
#include "Sites.h"
#include "Strings.h"
#include "UnknownReasons.h"
#include "llvm-compat.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace fortify_llvm {
namespace {

bool isNullGuard(const SelectInst &select) {
  return select.getMetadata(kNullGuardMetadata) != nullptr;
}

// `select (S == -1 [| ...]), -1, left`: a passed size after InstCombine
// turned `left | sext(S == -1)` into a choice (CheckEmitter.cpp). Its -1
// is unknown exactly when S is; S, or null when `size` is not that.
Value *unknownPassedSize(Value *size) {
  auto *select = dyn_cast<SelectInst>(size);
  auto *minusOne = select ? dyn_cast<ConstantInt>(select->getTrueValue()) : nullptr;
  if (!minusOne || !minusOne->isMinusOne())
    return nullptr;
  SmallVector<Value *, 4> conditions{select->getCondition()};
  while (!conditions.empty()) {
    Value *condition = conditions.pop_back_val();
    if (auto *either = dyn_cast<BinaryOperator>(condition);
        either && either->getOpcode() == Instruction::Or) {
      conditions.append({either->getOperand(0), either->getOperand(1)});
      continue;
    }
    if (auto *either = dyn_cast<SelectInst>(condition)) {  // a logical or
      if (auto *always = dyn_cast<ConstantInt>(either->getTrueValue()); always && always->isOne())
        conditions.append({either->getCondition(), either->getFalseValue()});
      continue;
    }
    auto *compare = dyn_cast<ICmpInst>(condition);
    auto *other = compare ? dyn_cast<ConstantInt>(compare->getOperand(1)) : nullptr;
    if (compare && compare->getPredicate() == ICmpInst::ICMP_EQ && other && other->isMinusOne())
      return compare->getOperand(0);
  }
  return nullptr;
}

class SizeProbe {
public:
  // `lowered`: the values the checks' object sizes were lowered to (-O0),
  // or null to ask llvm.objectsize's own evaluation.
  SizeProbe(const DataLayout &layout, const TargetLibraryInfo &libraries,
            const DenseMap<Value *, Value *> *lowered)
      : layout_(layout), libraries_(libraries), lowered_(lowered) {}

  // Whether `size` (a marker's `available`) may have come from an object
  // size LLVM cannot compute: it folds to -1 and the check vanishes.
  bool mayBeUnknown(Value *size, unsigned depth = 0) {
    if (depth > 16)
      return false;
    auto [entry, inserted] = memo_.try_emplace(size, false);  // cycles: known
    if (!inserted)
      return entry->second;
    bool unknown = evaluate(size, depth);
    memo_[size] = unknown;
    return unknown;
  }

  // The query that makes `size` unknown (the first one found, as
  // mayBeUnknown walks), or null when none does (-1 itself, or known).
  IntrinsicInst *unknownQuery(Value *size, unsigned depth = 0) {
    if (depth > 16 || !mayBeUnknown(size))
      return nullptr;
    if (auto *cast = dyn_cast<CastInst>(size))
      return unknownQuery(cast->getOperand(0), depth + 1);
    if (auto *intrinsic = dyn_cast<IntrinsicInst>(size)) {
      if (intrinsic->getIntrinsicID() == Intrinsic::objectsize)
        return intrinsic;
      // umin(own size, bound): the bound's query first, when it is what a
      // caller passed (its object is the one that has no size).
      if (intrinsic->getIntrinsicID() == Intrinsic::umin) {
        if (IntrinsicInst *query = unknownQuery(intrinsic->getArgOperand(1), depth + 1))
          return query;
        return unknownQuery(intrinsic->getArgOperand(0), depth + 1);
      }
      if (intrinsic->getIntrinsicID() == Intrinsic::usub_sat)
        return unknownQuery(intrinsic->getArgOperand(0), depth + 1);
      return nullptr;
    }
    SmallVector<Value *, 4> operands;
    if (auto *select = dyn_cast<SelectInst>(size); select && isNullGuard(*select))
      operands = {select->getFalseValue()};
    else if (Value *passed = unknownPassedSize(size))
      operands = {passed, cast<SelectInst>(size)->getFalseValue()};
    else if (auto *select = dyn_cast<SelectInst>(size))
      operands = {select->getTrueValue(), select->getFalseValue()};
    else if (auto *phi = dyn_cast<PHINode>(size))
      operands.append(phi->incoming_values().begin(), phi->incoming_values().end());
    else if (auto *binary = dyn_cast<BinaryOperator>(size))
      operands = {binary->getOperand(0)};
    else if (auto *argument = dyn_cast<Argument>(size))
      operands = passedValues(*argument);
    for (Value *operand : operands)
      if (IntrinsicInst *query = unknownQuery(operand, depth + 1))
        return query;
    return nullptr;
  }

private:
  bool evaluate(Value *size, unsigned depth) {
    if (auto *constant = dyn_cast<ConstantInt>(size))
      return constant->isMinusOne();
    if (auto *cast = dyn_cast<CastInst>(size))
      return mayBeUnknown(cast->getOperand(0), depth + 1);
    if (auto *intrinsic = dyn_cast<IntrinsicInst>(size)) {
      switch (intrinsic->getIntrinsicID()) {
      case Intrinsic::objectsize:
        return objectSizeUnknown(intrinsic);
      case Intrinsic::umin:  // umin(objectsize, subobject limit or passed size)
        return mayBeUnknown(intrinsic->getArgOperand(0), depth + 1) &&
               mayBeUnknown(intrinsic->getArgOperand(1), depth + 1);
      case Intrinsic::usub_sat:  // what is left of a passed size: unknown stays unknown
        return mayBeUnknown(intrinsic->getArgOperand(0), depth + 1);
      default:
        return false;
      }
    }
    // A null destination's -1 (DynamicSizes.h): the objects' size decides.
    if (auto *select = dyn_cast<SelectInst>(size); select && isNullGuard(*select))
      return mayBeUnknown(select->getFalseValue(), depth + 1);
    if (Value *passed = unknownPassedSize(size))
      return mayBeUnknown(passed, depth + 1) ||
             mayBeUnknown(cast<SelectInst>(size)->getFalseValue(), depth + 1);
    if (auto *select = dyn_cast<SelectInst>(size))
      return mayBeUnknown(select->getTrueValue(), depth + 1) ||
             mayBeUnknown(select->getFalseValue(), depth + 1);
    if (auto *phi = dyn_cast<PHINode>(size)) {
      for (Value *incoming : phi->incoming_values())
        if (mayBeUnknown(incoming, depth + 1))
          return true;
      return false;
    }
    if (auto *binary = dyn_cast<BinaryOperator>(size)) {
      if (binary->getOpcode() == Instruction::UDiv || binary->getOpcode() == Instruction::LShr)
        return mayBeUnknown(binary->getOperand(0), depth + 1);
      // A passed size (CheckEmitter.cpp): left | -1 when the caller did
      // not know or the pointer is before the start; the latter is no
      // object of unknown size.
      if (binary->getOpcode() == Instruction::Or)
        return mayBeUnknown(binary->getOperand(0), depth + 1);
    }
    if (auto *argument = dyn_cast<Argument>(size)) {
      for (Value *passed : passedValues(*argument))
        if (mayBeUnknown(passed, depth + 1))
          return true;
      return false;
    }
    return false;  // a value computed at run time
  }

  // What the callers pass for `argument` (a size a caller-sized copy or a
  // pass_object_size parameter takes), when every call is in view: a local
  // function called only directly. Otherwise nothing (a run-time value).
  SmallVector<Value *, 4> passedValues(Argument &argument) {
    SmallVector<Value *, 4> values;
    Function *function = argument.getParent();
    if (!argument.getType()->isIntegerTy() || !function->hasLocalLinkage())
      return values;
    for (Use &use : function->uses()) {
      auto *call = dyn_cast<CallBase>(use.getUser());
      if (!call || !call->isCallee(&use) || call->arg_size() != function->arg_size())
        return {};
      values.push_back(call->getArgOperand(argument.getArgNo()));
    }
    return values;
  }

  bool objectSizeUnknown(IntrinsicInst *call) {
    Value *size = nullptr;
    if (lowered_ && lowered_->count(call)) {
      size = lowered_->lookup(call);
    } else {
      SmallVector<Instruction *, 8> inserted;
      size = lowerObjectSize(call, layout_, &libraries_, /*mustSucceed=*/false, &inserted);
      bool unknown = !size || (isa<ConstantInt>(size) && cast<ConstantInt>(size)->isMinusOne());
      for (Instruction *instruction : inserted)
        instruction->dropAllReferences();
      for (Instruction *instruction : inserted)
        instruction->eraseFromParent();
      return unknown;
    }
    return !size || (isa<ConstantInt>(size) && cast<ConstantInt>(size)->isMinusOne());
  }

  const DataLayout &layout_;
  const TargetLibraryInfo &libraries_;
  const DenseMap<Value *, Value *> *lowered_;
  DenseMap<Value *, bool> memo_;
};

}  // namespace

void probeFunction(Function &function, const TargetLibraryInfo &libraries,
                   const DenseMap<Value *, Value *> *lowered, UnknownSites &unknown) {
  SmallVector<CallBase *, 8> calls;
  failureCalls(function, calls);
  if (calls.empty())
    return;
  SizeProbe probe(function.getParent()->getDataLayout(), libraries, lowered);
  for (CallBase *call : calls) {
    if (!probe.mayBeUnknown(call->getArgOperand(2)))
      continue;
    IntrinsicInst *query = probe.unknownQuery(call->getArgOperand(2));
    fortify::UnknownReason reason = query ? classifyPointer(query->getArgOperand(0), libraries)
                                          : fortify::UnknownReason::Other;
    SmallVector<StringRef, 2> texts;
    descriptorTexts(call->getArgOperand(0), texts);
    for (StringRef text : texts)
      unknown[text].push_back(reason);
  }
}

bool sizeMayBeUnknown(Value *size, const DataLayout &layout, const TargetLibraryInfo &libraries) {
  return SizeProbe(layout, libraries, nullptr).mayBeUnknown(size);
}

void recordUnknown(Module &module, const UnknownSites &unknown) {
  if (unknown.empty())
    return;
  LLVMContext &context = module.getContext();
  NamedMDNode *list = module.getOrInsertNamedMetadata(kUnknownMetadata);
  // A descriptor and reason already recorded (an earlier probe of the same
  // copies: the ThinLTO back end after the pre-link pipeline) stay as they are.
  auto key = [](StringRef text, StringRef reason) { return (text + Twine('\0') + reason).str(); };
  StringSet<> present;
  for (MDNode *node : list->operands())
    if (node->getNumOperands() >= 2)
      if (auto *text = dyn_cast<MDString>(node->getOperand(0)))
        if (auto *reason = dyn_cast<MDString>(node->getOperand(1)))
          present.insert(key(text->getString(), reason->getString()));
  for (const auto &[text, reasons] : unknown) {
    unsigned counts[fortify::kUnknownReasonCount] = {};
    for (fortify::UnknownReason reason : reasons)
      ++counts[unsigned(reason)];
    for (fortify::UnknownReason reason : fortify::kAllUnknownReasons) {
      StringRef name = ref(fortify::unknownReasonName(reason));
      if (!counts[unsigned(reason)] || !present.insert(key(text, name)).second)
        continue;
      list->addOperand(MDNode::get(
          context, {MDString::get(context, text), MDString::get(context, name),
                    MDString::get(context, std::to_string(counts[unsigned(reason)]))}));
    }
  }
}

PreservedAnalyses FortifyProbePass::run(Module &module, ModuleAnalysisManager &analyses) {
  if (module.getNamedMetadata(kFinishedMetadata))
    return PreservedAnalyses::all();
  // A second instance (the plugin loaded twice) probes the real queries.
  bool restored = restoreKeptSizes(module);
  // Inlining is done: the checks' level-3 queries ask for dynamic sizes
  // from here on, and the probe evaluates them as LowerConstantIntrinsics
  // will (DynamicSizes.cpp).
  bool switched = switchToDynamicSizes(module);
  // A choice between null and objects sizes the objects (DynamicSizes.h).
  for (Function &function : module)
    if (!function.isDeclaration())
      switched |= guardNullChoices(function);
  FunctionAnalysisManager &functions =
      analyses.getResult<FunctionAnalysisManagerModuleProxy>(module).getManager();
  UnknownSites unknown;
  for (Function &function : module)
    if (!function.isDeclaration())
      probeFunction(function, functions.getResult<TargetLibraryAnalysis>(function), nullptr,
                    unknown);
  // The C library's checks given a size: whose was known, before it folds.
  bool observed = observeLibcChecks(module, functions, kLibcSeenByProbe);
  // Strings live in the module's descriptor globals, still alive here.
  recordUnknown(module, unknown);
  // Once probed and observed, the dynamic queries are lowered to the exact
  // size (the chosen object's), as InstCombine would have; optnone
  // functions are left to the finishing pass, which folds what follows.
  bool lowered = false;
  for (Function &function : module)
    if (!function.isDeclaration() && !function.hasOptNone())
      lowered |= lowerExactDynamicSizes(function, functions.getResult<TargetLibraryAnalysis>(function));
  // Full LTO: the queries still open go into the bitcode unfolded, for the
  // link to fold after cross-module inlining (LinkTimeSizes.cpp).
  bool kept = keepSizesForLink(module);
  // Dynamic sizes may have left dead instructions (erased where recorded),
  // and the named metadata changed: nothing an analysis caches. Switched
  // queries are a changed operand.
  return unknown.empty() && !switched && !observed && !restored && !kept && !lowered
             ? PreservedAnalyses::all()
             : PreservedAnalyses::none();
}

}  // namespace fortify_llvm
