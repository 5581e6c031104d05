// Caller-sized copies (CallerSizes.h). The decisions are the shared
// model's (common/caller-sizes.h); this file gathers the facts from the IR,
// copies and redirects.
//
// The original keeps only a call of the copy passing "unknown" (-1) for
// every size, when something other than a direct call still uses it (its
// address is taken: a function pointer, a vtable, an alias); otherwise it
// is deleted. Either way its body, and so every site, exists once: the
// records count each source site once, as the GCC plugin does, and a call
// through a pointer checks as before (unknown sizes: sound).
#include "CallerSizes.h"
#include "DecisionLog.h"
#include "IRProtocol.h"
#include "PointerOrigin.h"
#include "Strings.h"
#include "caller-sizes.h"
#include "llvm-compat.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <memory>

using namespace llvm;

namespace fortify_llvm {
namespace {

// Which checks of a parameter want its size (bits).
constexpr unsigned kWholeObject = 1;
constexpr unsigned kSubobject = 2;

// The object-size type the callers are asked for: the checks' own when
// they agree; a whole-object size when some check uses one, which bounds
// the subobject checks too, never below what they allow.
int sizeType(unsigned uses) { return (uses & kWholeObject) ? 0 : 1; }

// A use of `function` that can call the copy instead: the called operand
// of a call or invoke with the function's own type (not through a
// prototype-less declaration), and not musttail (which must keep its
// caller's prototype). Anything else keeps the original.
bool isDirectCall(const Use &use, const Function &function) {
  const auto *call = dyn_cast<CallBase>(use.getUser());
  if (!call || !call->isCallee(&use) || call->getFunctionType() != function.getFunctionType())
    return false;
  if (const auto *plain = dyn_cast<CallInst>(call))
    return !plain->isMustTailCall();
  return isa<InvokeInst>(call);
}

// Whether the body can move under another prototype: not naked, no label
// whose address is taken, no coroutine (split by its own passes), no
// musttail call, no argument passed in a special way (inalloca,
// preallocated, swifterror).
bool isCopyable(const Function &function) {
  if (function.hasFnAttribute(Attribute::Naked) || function.hasFnAttribute(Attribute::NoDuplicate))
    return false;
  for (const Argument &argument : function.args())
    if (argument.hasInAllocaAttr() || argument.hasPreallocatedAttr() ||
        argument.hasAttribute(Attribute::SwiftError))
      return false;
  for (const BasicBlock &block : function)
    if (block.hasAddressTaken())
      return false;
  for (const Instruction &instruction : instructions(function)) {
    if (const auto *intrinsic = dyn_cast<IntrinsicInst>(&instruction))
      if (startsWith(intrinsic->getCalledFunction()->getName(), "llvm.coro."))
        return false;
    // A musttail call must keep its caller's prototype.
    if (const auto *call = dyn_cast<CallInst>(&instruction); call && call->isMustTailCall())
      return false;
  }
  return true;
}

struct Candidate {
  Function *function = nullptr;
  fortify::CalleeFacts facts;
  fortify::CallerSizeRefusal refusal = fortify::CallerSizeRefusal::None;
  bool scanned = false;                 // its checks were looked at
  SmallVector<unsigned, 4> uses;        // per argument: kWholeObject | kSubobject
  SmallVector<bool, 4> excluded;        // per argument: never sized
  bool sized(unsigned argument) const { return uses[argument] && !excluded[argument]; }
};

void decide(Candidate &candidate, const fortify::Options &options) {
  if (!candidate.scanned)
    return;
  unsigned count = 0;
  for (unsigned i = 0; i < candidate.uses.size(); ++i)
    count += candidate.sized(i);
  candidate.facts.unsizedPointerParameters = count;
  candidate.refusal = fortify::callerSizeRefusal(candidate.facts, options.callerSizes);
}

// `call` with `copy` as its callee and `extra` sizes of -1 appended, in its
// place (the instrumentation fills the sizes in).
CallBase *redirect(CallBase &call, Function &copy, unsigned extra) {
  SmallVector<Value *, 8> arguments(call.args());
  auto *sizeInteger = cast<IntegerType>(copy.getArg(copy.arg_size() - 1)->getType());
  arguments.append(extra, ConstantInt::getAllOnesValue(sizeInteger));
  SmallVector<OperandBundleDef, 1> bundles;
  call.getOperandBundlesAsDefs(bundles);
  CallBase *replacement = nullptr;
  if (auto *invoke = dyn_cast<InvokeInst>(&call)) {
    replacement = InvokeInst::Create(&copy, invoke->getNormalDest(), invoke->getUnwindDest(),
                                     arguments, bundles, "", &call);
  } else {
    CallInst *plain = CallInst::Create(&copy, arguments, bundles, "", &call);
    plain->setTailCallKind(cast<CallInst>(call).getTailCallKind());
    replacement = plain;
  }
  replacement->setCallingConv(call.getCallingConv());
  // The original arguments keep their attributes; the sizes have none.
  replacement->setAttributes(call.getAttributes());
  replacement->copyMetadata(call);
  replacement->takeName(&call);
  call.replaceAllUsesWith(replacement);
  call.eraseFromParent();
  return replacement;
}

// The original, for its other uses: a call of the copy that knows no size.
void makeForwarder(Function &original, Function &copy, unsigned extra) {
  LLVMContext &context = original.getContext();
  IRBuilder<> builder(BasicBlock::Create(context, "", &original));
  if (DISubprogram *subprogram = original.getSubprogram())
    builder.SetCurrentDebugLocation(DILocation::get(context, subprogram->getLine(), 0, subprogram));
  SmallVector<Value *, 8> arguments;
  for (Argument &argument : original.args())
    arguments.push_back(&argument);
  auto *sizeInteger = cast<IntegerType>(copy.getArg(copy.arg_size() - 1)->getType());
  arguments.append(extra, ConstantInt::getAllOnesValue(sizeInteger));
  CallInst *call = builder.CreateCall(&copy, arguments);
  call->setCallingConv(copy.getCallingConv());
  AttributeList attributes = original.getAttributes();
  SmallVector<AttributeSet, 8> parameters;
  for (unsigned i = 0; i < original.arg_size(); ++i)
    parameters.push_back(attributes.getParamAttrs(i));
  call->setAttributes(AttributeList::get(context, AttributeSet(), attributes.getRetAttrs(), parameters));
  if (original.doesNotThrow())
    call->setDoesNotThrow();
  if (original.getReturnType()->isVoidTy())
    builder.CreateRetVoid();
  else
    builder.CreateRet(call);
}

}  // namespace

bool CallerSizedCopies::make(Module &module, const fortify::Options &options, bool optimising,
                             const SmallPtrSetImpl<const Function *> &skipped,
                             const UnsizedUses &uses, bool trace) {
  std::vector<Candidate> candidates;
  DenseMap<const Function *, size_t> index;
  bool anyScanned = false;
  for (Function &function : module) {
    // Available-externally bodies (the C library's inline wrappers) are
    // copies of functions defined elsewhere: not the unit's own.
    if (function.isDeclaration() || function.hasAvailableExternallyLinkage() ||
        startsWith(function.getName(), kInternalPrefix) || skipped.count(&function))
      continue;
    Candidate candidate;
    candidate.function = &function;
    fortify::CalleeFacts &facts = candidate.facts;
    facts.localLinkage = function.hasLocalLinkage();
    facts.variadic = function.isVarArg();
    facts.optimised = optimising && !function.hasOptNone();
    // -Og is -O1 to LLVM's pipeline: nothing tells them apart here.
    facts.optimisedForDebugging = false;
    for (const Use &use : function.uses()) {
      if (isDirectCall(use, function))
        ++facts.directCalls;
      else
        facts.addressTaken = true;
    }
    // What needs no look at the body first: at -O0, with the option off,
    // or for an exported function, the checks are not even read.
    fortify::CalleeFacts withoutBody = facts;
    withoutBody.unsizedPointerParameters = 1;
    withoutBody.directCalls = 1;
    candidate.refusal = fortify::callerSizeRefusal(withoutBody, options.callerSizes);
    if (candidate.refusal == fortify::CallerSizeRefusal::None) {
      facts.copyable = isCopyable(function);
      candidate.uses.assign(function.arg_size(), 0);
      candidate.excluded.assign(function.arg_size(), false);
      SmallVector<UnsizedUse, 8> found;
      uses(function, found);
      for (const UnsizedUse &use : found) {
        candidate.uses[use.argument] |= use.subobject ? kSubobject : kWholeObject;
        candidate.excluded[use.argument] |= use.excluded;
      }
      candidate.scanned = anyScanned = true;
      decide(candidate, options);
    }
    index[&function] = candidates.size();
    candidates.push_back(std::move(candidate));
  }

  // A parameter handed on to a parameter that gets its callers' size needs
  // one too (a chain of helpers, recursion through another function): until
  // nothing changes. The uses only grow, so this ends.
  std::map<const Function *, std::unique_ptr<DominatorTree>> dominators;
  for (bool changed = anyScanned; changed;) {
    changed = false;
    for (Candidate &caller : candidates) {
      if (!caller.scanned)
        continue;
      for (Instruction &instruction : instructions(*caller.function)) {
        auto *call = dyn_cast<CallBase>(&instruction);
        Function *callee = call ? call->getCalledFunction() : nullptr;
        auto found = callee ? index.find(callee) : index.end();
        if (found == index.end() || !isDirectCall(call->getCalledOperandUse(), *callee))
          continue;
        const Candidate &target = candidates[found->second];
        if (target.refusal != fortify::CallerSizeRefusal::None)
          continue;
        for (unsigned j = 0; j < target.uses.size(); ++j) {
          if (!target.sized(j))
            continue;
          std::unique_ptr<DominatorTree> &tree = dominators[caller.function];
          if (!tree)
            tree = std::make_unique<DominatorTree>(*caller.function);
          const auto *argument = dyn_cast<Argument>(pointerOrigin(call->getArgOperand(j), *tree));
          if (!argument || argument->getParent() != caller.function ||
              !argument->getType()->isPointerTy())
            continue;
          unsigned &mine = caller.uses[argument->getArgNo()];
          unsigned wanted = sizeType(target.uses[j]) == 0 ? kWholeObject : kSubobject;
          if ((mine | wanted) != mine) {
            mine |= wanted;
            changed = true;
          }
        }
      }
      decide(caller, options);
    }
  }

  if (trace)
    for (const Candidate &candidate : candidates)
      traceStream() << "fortify: caller sizes: "
                    << demangleName(originalFunctionName(candidate.function->getName()))
                    << ": " << ref(fortify::callerSizeRefusalName(candidate.refusal)) << "\n";

  // The copies, made from the bodies as they are (no check yet).
  std::vector<std::pair<Function *, Function *>> made;  // original, copy
  for (const Candidate &candidate : candidates) {
    if (candidate.refusal != fortify::CallerSizeRefusal::None)
      continue;
    Function &original = *candidate.function;
    CallerSizedCopy facts;
    facts.original = original.getName().str();
    ArrayRef<Type *> declared = original.getFunctionType()->params();
    SmallVector<Type *, 8> parameters(declared.begin(), declared.end());
    IntegerType *size = module.getDataLayout().getIntPtrType(module.getContext());
    for (unsigned i = 0; i < candidate.uses.size(); ++i) {
      if (!candidate.sized(i))
        continue;
      facts.parameters.push_back({i, unsigned(parameters.size()), sizeType(candidate.uses[i])});
      parameters.push_back(size);
    }
    std::string name;
    for (unsigned number = 0; name.empty() || module.getNamedValue(name); ++number)
      name = fortify::callerSizedName(view(original.getName()), number);
    Function *copy = Function::Create(FunctionType::get(original.getReturnType(), parameters, false),
                                      original.getLinkage(), original.getAddressSpace(), name);
    module.getFunctionList().insertAfter(original.getIterator(), copy);
    ValueToValueMapTy map;
    for (Argument &argument : original.args()) {
      map[&argument] = copy->getArg(argument.getArgNo());
      copy->getArg(argument.getArgNo())->setName(argument.getName());
    }
    SmallVector<ReturnInst *, 4> returns;
    // Local changes only: the copy gets a debug subprogram of its own, with
    // the original's name, so that debuggers and symbolizers name the
    // function as written.
    CloneFunctionInto(copy, &original, map, CloneFunctionChangeType::LocalChangesOnly, returns);
    copy->setComdat(original.getComdat());
    // Control-flow integrity types describe the original's prototype.
    copy->eraseMetadata(LLVMContext::MD_type);
    copies_[copy] = std::move(facts);
    made.emplace_back(&original, copy);
  }
  if (made.empty())
    return false;

  // The originals' bodies go first (their calls are in the copies), then
  // every direct call, copies included (recursion), goes to a copy.
  for (auto [original, copy] : made) {
    for (BasicBlock &block : *original)
      block.dropAllReferences();
    while (!original->empty())
      original->begin()->eraseFromParent();
  }
  for (auto [original, copy] : made) {
    SmallVector<CallBase *, 8> calls;
    for (Use &use : original->uses())
      if (isDirectCall(use, *original))
        calls.push_back(cast<CallBase>(use.getUser()));
    const unsigned extra = unsigned(copies_[copy].parameters.size());
    for (CallBase *call : calls)
      pending_.insert(redirect(*call, *copy, extra));
  }
  for (auto [original, copy] : made) {
    if (original->use_empty())
      original->eraseFromParent();
    else
      makeForwarder(*original, *copy, unsigned(copies_[copy].parameters.size()));
  }
  return true;
}

const CallerSizedCopy *CallerSizedCopies::copy(const Function &function) const {
  auto found = copies_.find(&function);
  return found == copies_.end() ? nullptr : &found->second;
}

StringRef originalFunctionName(StringRef name) {
  StringRef stem = name.rtrim("0123456789");
  if (stem.size() == name.size() || !stem.consume_back(".") ||
      !stem.consume_back(ref(fortify::kCallerSizedSuffix)) || !stem.consume_back(".") || stem.empty())
    return name;
  return stem;
}

}  // namespace fortify_llvm
