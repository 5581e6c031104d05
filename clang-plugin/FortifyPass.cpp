#include "FortifyPass.h"

#include "CheckEmitter.h"
#include "DynamicSizes.h"
#include "PointerOrigin.h"
#include "SubobjectSize.h"
#include "Sites.h"
#include "rules.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
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

// How a call of a rule-table function is reached.
enum class CallKind {
  Plain,       // the C library function (or its builtin or intrinsic)
  LibcWrapper, // an inline fortify wrapper (glibc's _FORTIFY_SOURCE,
               // fortify-headers): it checks the call itself once inlined
  LibcChecked, // glibc's checked entry point (__memcpy_chk ...)
};

// An inline fortify wrapper definition: always_inline or
// available_externally, with external linkage.
bool isInlineWrapper(const Function &function) {
  return !function.isDeclaration() &&
         (function.hasAvailableExternallyLinkage() ||
          function.hasFnAttribute(Attribute::AlwaysInline));
}

// The rule for a call, by the rule table's names. Intrinsics go by their base
// name ("llvm.memcpy", an alias in the table). Any other callee must be a C
// library function: external linkage and a C (unmangled) name, so that a
// static helper or a C++ function that happens to be called "strcpy" is left
// alone.
const fortify::Rule *ruleForCall(const CallBase &call, bool &isIntrinsic, CallKind &kind) {
  kind = CallKind::Plain;
  const Function *callee = call.getCalledFunction();
  if (!callee)
    return nullptr;
  if (Intrinsic::ID id = callee->getIntrinsicID()) {
    isIntrinsic = true;
    return fortify::findRule(view(Intrinsic::getBaseName(id)));
  }
  isIntrinsic = false;
  StringRef name = callee->getName();
  // Clang emits a gnu_inline redefinition of a builtin (glibc's fortify
  // wrappers of memcpy, strcpy ...) as an internal "memcpy.inline" that the
  // calls use: the C library's wrapper all the same.
  if (callee->hasLocalLinkage() && isInlineWrapper(*callee) && name.consume_back(".inline")) {
    kind = CallKind::LibcWrapper;
    return fortify::findRule(view(name));
  }
  if (!(callee->hasExternalLinkage() || callee->hasExternalWeakLinkage() ||
        callee->hasAvailableExternallyLinkage()))
    return nullptr;
  name.consume_front("\1");  // asm("name") labels
  // A definition here with external linkage is still the C function (a
  // program or libc that provides strlcpy itself), as in the GCC plugin. But
  // an inline fortify wrapper checks the call itself once inlined: checking
  // it here too would check it twice. It counts as checked by the C library.
  if (isInlineWrapper(*callee)) {
    kind = CallKind::LibcWrapper;
    return fortify::findRule(view(name));
  }
  if (const fortify::Rule *rule = fortify::findRule(view(name)))
    return rule;
  kind = CallKind::LibcChecked;
  return fortify::findRuleByCheckedName(view(name));
}

bool instrumentFunction(Function &function, const fortify::Options &options,
                        unsigned checkedKind, const ResultSigns *signs,
                        FunctionAnalysisManager &analyses) {
  // Inside an inline fortify wrapper, the __*_chk call is the wrapper's own
  // check; its callers are recorded (as checked by the C library) instead.
  const bool inWrapper = isInlineWrapper(function);
  MDNode *marker = MDNode::get(function.getContext(), {});
  SmallVector<CheckSite, 8> sites;
  for (Instruction &instruction : instructions(function)) {
    auto *call = dyn_cast<CallBase>(&instruction);
    if (!call || call->getMetadata(checkedKind))
      continue;
    bool isIntrinsic = false;
    CallKind kind;
    const fortify::Rule *rule = ruleForCall(*call, isIntrinsic, kind);
    if (!rule)
      continue;
    if (kind != CallKind::Plain) {
      if (!(inWrapper && kind == CallKind::LibcChecked))
        recordUncheckedCall(*call, *rule, /*byLibc=*/true);
      call->setMetadata(checkedKind, marker);
      continue;
    }
    if (!hasAnyCheck(*rule, options) || !hasExpectedShape(*call, *rule, isIntrinsic)) {
      // Recorded as unprotected, and marked so that a second run does not
      // record it again.
      recordUncheckedCall(*call, *rule, /*byLibc=*/false);
      call->setMetadata(checkedKind, marker);
      continue;
    }
    CheckSite site{call, rule, nullptr, std::nullopt, nullptr, std::nullopt};
    if (checksWrite(*rule))
      site.objectPointer = call->getArgOperand(rule->dest);
    if (checksRead(*rule, options))
      site.readPointer = call->getArgOperand(rule->readArg);
    if (signs && !isIntrinsic) {
      StringRef name = call->getCalledFunction()->getName();
      name.consume_front("\1");
      if (auto found = signs->find(name); found != signs->end())
        site.resultSigned = found->second;
    }
    sites.push_back(site);
  }
  if (sites.empty())
    return false;

  // Everything that needs the unmodified CFG is computed before the first
  // check splits a block.
  const DataLayout &layout = function.getParent()->getDataLayout();
  // Dominators: for forwarding through locals (-O0), and at level 3 for
  // seeing which objects this function sees (DynamicSizes.h).
  const bool dynamic = fortify::usesDynamicSizes(options);
  std::optional<DominatorTree> dominators;
  if (function.hasOptNone() || dynamic)
    dominators.emplace(function);
  const TargetLibraryInfo *libraries =
      dynamic ? &analyses.getResult<TargetLibraryAnalysis>(function) : nullptr;
  auto dynamicNow = [&](const Value *pointer) {
    return dynamic && asksDynamicSizeFromStart(pointerOrigin(pointer, *dominators), *libraries);
  };
  for (CheckSite &site : sites) {
    site.objectSizeDynamicNow = site.objectPointer && dynamicNow(site.objectPointer);
    site.readSizeDynamicNow = site.readPointer && dynamicNow(site.readPointer);
  }
  for (CheckSite &site : sites) {
    if (Value *dest = site.objectPointer) {
      if (function.hasOptNone())
        site.objectPointer = forwardThroughLocals(dest, site.call, *dominators);
      // Narrowing looks only at the value actually passed: a pointer that
      // went through a local variable is not narrowed, at any -O level.
      if (fortify::objectSizeType(*site.rule, options.level) == 1)
        site.subobjectLimit = closestSubobjectRemaining(dest, layout);
    }
    // Reads are bounded by the whole object (never narrowed).
    static_assert(fortify::kReadObjectSizeType == 0);
    if (site.readPointer && function.hasOptNone())
      site.readPointer = forwardThroughLocals(site.readPointer, site.call, *dominators);
  }

  for (const CheckSite &site : sites) {
    emitCheck(site, options);
    site.call->setMetadata(checkedKind, marker);
  }
  return true;
}

}  // namespace

PreservedAnalyses FortifyPass::run(Module &module, ModuleAnalysisManager &analyses) {
  unsigned checkedKind = module.getContext().getMDKindID(kCheckedMetadata);
  FunctionAnalysisManager &functions =
      analyses.getResult<FunctionAnalysisManagerModuleProxy>(module).getManager();
  bool changed = false;
  for (Function &function : module)
    if (!function.isDeclaration() && !function.getName().starts_with(kInternalPrefix))
      changed |= instrumentFunction(function, options_, checkedKind, signs_.get(), functions);
  return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

void registerFortifyPass(PassBuilder &builder, const fortify::Options &options,
                         std::shared_ptr<const ResultSigns> signs) {
  builder.registerPipelineStartEPCallback(
      [options, signs](ModulePassManager &passes, OptimizationLevel) {
        passes.addPass(FortifyPass(options, signs));
      });
  builder.registerOptimizerEarlyEPCallback(
      [](ModulePassManager &passes, OptimizationLevel) { passes.addPass(FortifyProbePass()); });
  builder.registerOptimizerLastEPCallback(
      [options](ModulePassManager &passes, OptimizationLevel level) {
        passes.addPass(FortifyFinishPass(options, level == OptimizationLevel::O0));
      });
}

}  // namespace fortify_llvm
