#include "FortifyPass.h"

#include "CheckEmitter.h"
#include "PointerOrigin.h"
#include "SubobjectSize.h"
#include "rules.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"

#include <optional>
#include <string_view>

using namespace llvm;

namespace fortify_llvm {
namespace {

std::string_view view(StringRef text) { return {text.data(), text.size()}; }

// The rule for a call, by the rule table's names. Intrinsics go by their base
// name ("llvm.memcpy", an alias in the table). Any other callee must be a C
// library function: external linkage and a C (unmangled) name, so that a
// static helper or a C++ function that happens to be called "strcpy" is left
// alone.
const fortify::Rule *ruleForCall(const CallBase &call, bool &isIntrinsic) {
  const Function *callee = call.getCalledFunction();
  if (!callee)
    return nullptr;
  if (Intrinsic::ID id = callee->getIntrinsicID()) {
    isIntrinsic = true;
    return fortify::findRule(view(Intrinsic::getBaseName(id)));
  }
  isIntrinsic = false;
  if (!(callee->hasExternalLinkage() || callee->hasExternalWeakLinkage()))
    return nullptr;
  // A definition here with external linkage is still the C function (a
  // program or libc that provides strlcpy itself), as in the GCC plugin. But
  // an inline fortify wrapper (glibc's _FORTIFY_SOURCE, fortify-headers:
  // always_inline, available_externally) checks the call itself once
  // inlined: checking it here too would check it twice.
  if (!callee->isDeclaration() &&
      (callee->hasAvailableExternallyLinkage() ||
       callee->hasFnAttribute(Attribute::AlwaysInline)))
    return nullptr;
  StringRef name = callee->getName();
  name.consume_front("\1");  // asm("name") labels
  return fortify::findRule(view(name));
}

bool instrumentFunction(Function &function, const fortify::Options &options,
                        unsigned checkedKind) {
  SmallVector<CheckSite, 8> sites;
  for (Instruction &instruction : instructions(function)) {
    auto *call = dyn_cast<CallBase>(&instruction);
    if (!call || call->getMetadata(checkedKind))
      continue;
    bool isIntrinsic = false;
    const fortify::Rule *rule = ruleForCall(*call, isIntrinsic);
    if (!rule || !hasAnyCheck(*rule, options) || !hasExpectedShape(*call, *rule, isIntrinsic))
      continue;
    CheckSite site{call, rule, nullptr, std::nullopt, nullptr};
    if (checksWrite(*rule))
      site.objectPointer = call->getArgOperand(rule->dest);
    if (checksRead(*rule, options))
      site.readPointer = call->getArgOperand(rule->readArg);
    sites.push_back(site);
  }
  if (sites.empty())
    return false;

  // Everything that needs the unmodified CFG is computed before the first
  // check splits a block.
  const DataLayout &layout = function.getParent()->getDataLayout();
  std::optional<DominatorTree> dominators;
  if (function.hasOptNone())
    dominators.emplace(function);
  for (CheckSite &site : sites) {
    if (Value *dest = site.objectPointer) {
      if (dominators)
        site.objectPointer = forwardThroughLocals(dest, site.call, *dominators);
      // Narrowing looks only at the value actually passed: a pointer that
      // went through a local variable is not narrowed, at any -O level.
      if (fortify::objectSizeType(*site.rule, options.level) == 1)
        site.subobjectLimit = closestSubobjectRemaining(dest, layout);
    }
    // Reads are bounded by the whole object (never narrowed).
    static_assert(fortify::kReadObjectSizeType == 0);
    if (site.readPointer && dominators)
      site.readPointer = forwardThroughLocals(site.readPointer, site.call, *dominators);
  }

  MDNode *marker = MDNode::get(function.getContext(), {});
  for (const CheckSite &site : sites) {
    emitCheck(site, options);
    site.call->setMetadata(checkedKind, marker);
  }
  return true;
}

}  // namespace

PreservedAnalyses FortifyPass::run(Module &module, ModuleAnalysisManager &) {
  unsigned checkedKind = module.getContext().getMDKindID(kCheckedMetadata);
  bool changed = false;
  for (Function &function : module)
    if (!function.isDeclaration() && !function.getName().starts_with(kInternalPrefix))
      changed |= instrumentFunction(function, options_, checkedKind);
  return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

void registerFortifyPass(PassBuilder &builder, const fortify::Options &options) {
  builder.registerPipelineStartEPCallback(
      [options](ModulePassManager &passes, OptimizationLevel) {
        passes.addPass(FortifyPass(options));
      });
}

}  // namespace fortify_llvm
