// The plugin beside the C library's fortify (LibcFortify.h says how).
// Tightening glibc's own size instead of adding a check of the plugin's keeps
// one check per call and the `__*_chk` imports that hardening tools look for,
// while the call gets every size the plugin alone would have used.
#include "LibcFortify.h"

#include "FortifyPass.h"
#include "SizeProbe.h"
#include "Sites.h"

#include "llvm/Analysis/InlineCost.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <string>
#include <string_view>

using namespace llvm;

namespace fortify_llvm {
namespace {

using fortify::Fortifier;

std::string_view view(StringRef text) { return {text.data(), text.size()}; }

constexpr const char *kPreparedMetadata = "fortify.wrapper";

MDNode *emptyNode(LLVMContext &context) { return MDNode::get(context, {}); }

bool isObjectSizeQuery(const Value *value) {
  const auto *intrinsic = dyn_cast<IntrinsicInst>(value);
  return intrinsic && intrinsic->getIntrinsicID() == Intrinsic::objectsize;
}

// The argument a pointer in an unoptimised wrapper body is: the argument
// itself, or a load of the local slot Clang spilled it to (a slot whose
// only stores store that argument).
const Argument *argumentBehind(const Value *pointer) {
  pointer = pointer->stripPointerCasts();
  if (const auto *argument = dyn_cast<Argument>(pointer))
    return argument;
  const auto *load = dyn_cast<LoadInst>(pointer);
  if (!load)
    return nullptr;
  const auto *slot = dyn_cast<AllocaInst>(load->getPointerOperand()->stripPointerCasts());
  if (!slot)
    return nullptr;
  const Argument *stored = nullptr;
  for (const User *user : slot->users()) {
    if (const auto *store = dyn_cast<StoreInst>(user)) {
      const auto *argument = dyn_cast<Argument>(store->getValueOperand());
      if (store->getPointerOperand() != slot || !argument || (stored && stored != argument))
        return nullptr;
      stored = argument;
    } else if (!isa<LoadInst>(user) && !isa<LifetimeIntrinsic>(user)) {
      return nullptr;
    }
  }
  return stored;
}

// Through what turns a byte size into the unit a checked entry point takes
// (wide functions count elements) or into another integer type.
const Value *throughScaling(const Value *value) {
  for (unsigned depth = 0; depth < 8; ++depth) {
    if (const auto *cast = dyn_cast<CastInst>(value)) {
      value = cast->getOperand(0);
      continue;
    }
    if (const auto *binary = dyn_cast<BinaryOperator>(value))
      if ((binary->getOpcode() == Instruction::UDiv || binary->getOpcode() == Instruction::LShr) &&
          isa<ConstantInt>(binary->getOperand(1))) {
        value = binary->getOperand(0);
        continue;
      }
    break;
  }
  return value;
}

bool hasTag(const Value *value, unsigned kind) {
  const auto *instruction = dyn_cast<Instruction>(value);
  return instruction && instruction->getMetadata(kind);
}

// The checked entry point's argument that carries the tagged size, or -1.
int taggedSizeArgument(const CallBase &call, unsigned sizeKind) {
  for (unsigned i = 0; i < call.arg_size(); ++i)
    if (call.getArgOperand(i)->getType()->isIntegerTy() &&
        hasTag(throughScaling(call.getArgOperand(i)), sizeKind))
      return int(i);
  return -1;
}

void tagCheckedCall(CallBase &call, const std::string &descriptor, int sizeArgument,
                    bool tightened) {
  LLVMContext &context = call.getContext();
  Type *i32 = Type::getInt32Ty(context);
  Type *i1 = Type::getInt1Ty(context);
  call.setMetadata(kLibcCheckMetadata,
                   MDNode::get(context, {MDString::get(context, descriptor),
                                         ConstantAsMetadata::get(ConstantInt::get(i32, sizeArgument, true)),
                                         ConstantAsMetadata::get(ConstantInt::get(i1, tightened))}));
  call.setMetadata(kCheckedMetadata, emptyNode(context));
}

// umin(size, plugin's), tagged, replacing `size`'s uses after `where`.
Instruction *tighten(Value *size, Value *pluginSize, Instruction *insertBefore) {
  IRBuilder<> builder(insertBefore);
  Value *plugin = builder.CreateZExtOrTrunc(pluginSize, size->getType());
  auto *both = cast<Instruction>(builder.CreateBinaryIntrinsic(Intrinsic::umin, size, plugin));
  both->setMetadata(kLibcSizeMetadata, emptyNode(both->getContext()));
  return both;
}

std::string descriptorOf(const CallBase &call, const fortify::Rule &rule) {
  return fortify::encodeSite(
      describeCall(call, fortify::primaryProblem(rule), {rule.name.data(), rule.name.size()}));
}

// The over-read checks of a call the C library checks the write of.
void emitReadChecks(const CheckSite &site, const fortify::Options &options) {
  if (!site.readPointer)
    return;
  CheckSite reads = site;
  reads.objectPointer = nullptr;
  reads.subobjectLimit.reset();
  reads.writeCheckedByLibc = true;
  emitCheck(reads, options);
}

// Whether `value` is the plugin's own size: one of its queries (marked
// checked), possibly narrowed to a subobject.
bool isPluginSize(const Value *value) {
  value = throughScaling(value);
  if (const auto *intrinsic = dyn_cast<IntrinsicInst>(value)) {
    if (intrinsic->getIntrinsicID() == Intrinsic::umin)
      return isPluginSize(intrinsic->getArgOperand(0)) || isPluginSize(intrinsic->getArgOperand(1));
    if (intrinsic->getIntrinsicID() == Intrinsic::objectsize)
      return intrinsic->getMetadata(kCheckedMetadata) != nullptr;
  }
  return false;
}

// Whose size a tagged checked call received was known. `attributed` is
// false when the two sizes were folded into one (after
// LowerConstantIntrinsics): known, but no longer whose.
Fortifier knownBy(CallBase &call, const MDNode &tag, const DataLayout &layout,
                  const TargetLibraryInfo &libraries, bool &attributed) {
  attributed = true;
  auto *argument = mdconst::dyn_extract<ConstantInt>(tag.getOperand(1));
  auto *tightened = mdconst::dyn_extract<ConstantInt>(tag.getOperand(2));
  if (!argument || argument->isNegative() || argument->getZExtValue() >= call.arg_size())
    return Fortifier::Libc;  // no size (a format check)
  unsigned sizeKind = call.getContext().getMDKindID(kLibcSizeMetadata);
  Value *size = const_cast<Value *>(throughScaling(call.getArgOperand(argument->getZExtValue())));
  auto known = [&](Value *value) {
    if (auto *constant = dyn_cast<ConstantInt>(value))
      return !constant->isMinusOne();
    return !sizeMayBeUnknown(value, layout, libraries);
  };
  auto *both = dyn_cast<IntrinsicInst>(size);
  if (both && both->getIntrinsicID() == Intrinsic::umin && both->getMetadata(sizeKind)) {
    Value *first = both->getArgOperand(0);
    Value *second = both->getArgOperand(1);
    // Folding may have put a constant first: tell the two apart by origin.
    Value *plugin = isPluginSize(first) ? first : second;
    Value *libc = plugin == first ? second : first;
    unsigned bits = (known(plugin) ? 1u : 0u) | (known(libc) ? 2u : 0u);
    return Fortifier(bits);
  }
  if (!known(size))
    return Fortifier::None;
  if (!tightened || !tightened->isOne())
    return Fortifier::Libc;
  attributed = false;
  return Fortifier::Both;
}

}  // namespace

unsigned prepareWrapperBody(Function &wrapper, int dest) {
  LLVMContext &context = wrapper.getContext();
  unsigned sizeKind = context.getMDKindID(kLibcSizeMetadata);
  if (MDNode *prepared = wrapper.getMetadata(kPreparedMetadata))
    return mdconst::extract<ConstantInt>(prepared->getOperand(0))->getZExtValue();
  unsigned tagged = 0;
  const Argument *destination =
      dest >= 0 && unsigned(dest) < wrapper.arg_size() ? wrapper.getArg(dest) : nullptr;
  for (Instruction &instruction : instructions(wrapper)) {
    auto *call = dyn_cast<CallBase>(&instruction);
    if (!call)
      continue;
    if (isObjectSizeQuery(call)) {
      if (destination && argumentBehind(call->getArgOperand(0)) == destination) {
        call->setMetadata(sizeKind, emptyNode(context));
        ++tagged;
      }
      continue;
    }
    call->setMetadata(kCheckedMetadata, emptyNode(context));
  }
  wrapper.setMetadata(kPreparedMetadata,
                      MDNode::get(context, {ConstantAsMetadata::get(ConstantInt::get(
                                               Type::getInt32Ty(context), tagged))}));
  return tagged;
}

bool fortifyThroughWrapper(const CheckSite &site, const fortify::Options &options) {
  auto *call = dyn_cast<CallInst>(site.call);
  Function *wrapper = call ? call->getCalledFunction() : nullptr;
  if (!wrapper || wrapper->isDeclaration() || wrapper->isVarArg() || call->isMustTailCall() ||
      call->arg_size() != wrapper->arg_size() || !isInlineViable(*wrapper).isSuccess())
    return false;
  const fortify::Rule &rule = *site.rule;
  Module &module = *call->getModule();
  LLVMContext &context = module.getContext();
  const unsigned sizeKind = context.getMDKindID(kLibcSizeMetadata);
  const std::string descriptor = descriptorOf(*call, rule);
  const bool tightening = site.objectPointer && prepareWrapperBody(*wrapper, site.rule->dest) > 0;
  if (!site.objectPointer)
    prepareWrapperBody(*wrapper, fortify::kNoArg);

  emitReadChecks(site, options);
  Value *pluginSize = tightening ? emitWriteObjectSize(site, options) : nullptr;

  // The body lands between these two once inlined.
  Instruction *before = call->getPrevNode();
  BasicBlock *first = call->getParent();
  Instruction *after = call->getNextNode();
  InlineFunctionInfo info;
  if (!InlineFunction(*call, info).isSuccess()) {
    if (pluginSize && isa<Instruction>(pluginSize) && pluginSize->use_empty())
      cast<Instruction>(pluginSize)->eraseFromParent();
    return false;
  }

  SmallVector<Instruction *, 4> queries;
  SmallVector<CallBase *, 4> checkedCalls;
  Function &caller = *first->getParent();
  for (auto block = first->getIterator(); block != caller.end(); ++block) {
    auto instruction = block == first->getIterator() && before ? std::next(before->getIterator())
                                                               : block->begin();
    bool done = false;
    for (; instruction != block->end(); ++instruction) {
      if (&*instruction == after) {
        done = true;
        break;
      }
      if (isObjectSizeQuery(&*instruction) && instruction->getMetadata(sizeKind))
        queries.push_back(&*instruction);
      else if (auto *inner = dyn_cast<CallBase>(&*instruction))
        if (const Function *callee = inner->getCalledFunction())
          if (fortify::findRuleByCheckedName(view(callee->getName())))
            checkedCalls.push_back(inner);
    }
    if (done)
      break;
  }

  for (Instruction *query : queries) {
    query->setMetadata(sizeKind, nullptr);
    if (!pluginSize)
      continue;
    Instruction *both = tighten(query, pluginSize, query->getNextNode());
    query->replaceUsesWithIf(both, [&](Use &use) { return use.getUser() != both; });
  }
  bool sized = false;
  for (CallBase *checked : checkedCalls) {
    int sizeArgument = pluginSize ? taggedSizeArgument(*checked, sizeKind) : -1;
    tagCheckedCall(*checked, descriptor, sizeArgument, sizeArgument >= 0);
    sized |= sizeArgument >= 0;
  }
  recordSite(module, descriptor, sized ? kKindLibcCheck : kKindLibc);
  return true;
}

void fortifyCheckedCall(const CheckSite &site, const fortify::Options &options) {
  CallBase &call = *site.call;
  const fortify::Rule &rule = *site.rule;
  const std::string descriptor = descriptorOf(call, rule);
  // Where the size is: glibc's formatted writes put it right before the
  // format (`__sprintf_chk(s, flag, size, format, ...)`, `__snprintf_chk(s,
  // n, flag, size, format, ...)`); the others append it to the function's
  // own arguments, in bytes when the rule counts bytes.
  int sizeArgument = -1;
  const bool appended = !rule.variadic && int(call.arg_size()) == rule.arity + 1;
  if (rule.format != fortify::kNoArg && checksWrite(rule))
    sizeArgument = rule.format + 1;
  else if (appended && checksWrite(rule) && rule.elementSize == 1 && rule.count == fortify::kNoArg)
    sizeArgument = rule.arity;
  if (sizeArgument >= int(call.arg_size()) ||
      (sizeArgument >= 0 && !call.getArgOperand(sizeArgument)->getType()->isIntegerTy()))
    sizeArgument = -1;
  const bool destinationKnown = site.objectPointer && rule.dest >= 0 &&
                                unsigned(rule.dest) < call.arg_size() &&
                                call.getArgOperand(rule.dest)->getType()->isPointerTy();
  bool tightened = false;
  if (sizeArgument >= 0 && destinationKnown && !isa<InvokeInst>(call)) {
    Value *pluginSize = emitWriteObjectSize(site, options);
    Instruction *both = tighten(call.getArgOperand(sizeArgument), pluginSize, &call);
    call.setArgOperand(sizeArgument, both);
    tightened = true;
  }
  if (appended) {
    CheckSite reads = site;
    if (reads.readPointer && isa<CallInst>(call))
      emitReadChecks(reads, options);
  }
  tagCheckedCall(call, descriptor, sizeArgument, tightened);
  recordSite(*call.getModule(), descriptor, sizeArgument >= 0 ? kKindLibcCheck : kKindLibc);
}

bool observeLibcChecks(Module &module, FunctionAnalysisManager &functions, const char *stage) {
  LLVMContext &context = module.getContext();
  const unsigned tagKind = context.getMDKindID(kLibcCheckMetadata);
  NamedMDNode *seen = nullptr;
  for (Function &function : module) {
    if (function.isDeclaration())
      continue;
    const TargetLibraryInfo *libraries = nullptr;
    for (Instruction &instruction : instructions(function)) {
      auto *call = dyn_cast<CallBase>(&instruction);
      MDNode *tag = call ? call->getMetadata(tagKind) : nullptr;
      if (!tag || tag->getNumOperands() != 3)
        continue;
      auto *descriptor = dyn_cast<MDString>(tag->getOperand(0));
      if (!descriptor)
        continue;
      if (!libraries)
        libraries = &functions.getResult<TargetLibraryAnalysis>(function);
      bool attributed = true;
      Fortifier by = knownBy(*call, *tag, module.getDataLayout(), *libraries, attributed);
      if (!seen)
        seen = module.getOrInsertNamedMetadata(kLibcSeenMetadata);
      std::string_view name = attributed ? fortify::fortifierName(by) : kLibcKnownBySomeone;
      seen->addOperand(MDNode::get(context, {descriptor,
                                             MDString::get(context, {name.data(), name.size()}),
                                             MDString::get(context, stage)}));
    }
  }
  return seen != nullptr;
}

}  // namespace fortify_llvm
