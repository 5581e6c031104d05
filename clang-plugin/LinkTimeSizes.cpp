// Full LTO. A check in `put(char *d, ...)` asks llvm.objectsize about a
// parameter: unknown until `put` is inlined into a caller, which under LTO
// may be in another file and happens only at the link. The ThinLTO pre-link
// pipeline stops before the module optimisation pipeline, so its bitcode
// carries the queries and the link-time pipeline folds them after importing
// and inlining. The full-LTO pre-link pipeline runs the whole module
// optimisation pipeline, whose LowerConstantIntrinsics (between
// OptimizerEarlyEP and OptimizerLastEP) folds every query still open to its
// answer for this file alone, -1 for a parameter: the check vanished before
// the link, and `put(buf8, s, 16)` from another file ran unchecked.
//
// The plugin is not loaded into the linker (LLVMgold.so, lld): `-fplugin=`
// and `-fpass-plugin=` are not forwarded to it, and the full-LTO link
// pipeline has no extension point our passes use. So the pre-link bitcode
// itself must carry the queries. The probe (OptimizerEarlyEP), once it has
// probed them, turns the checks' own llvm.objectsize calls into calls of a
// placeholder declaration with the same operands (`memory(none)`, so the
// optimiser may still move, merge or delete them), which no pass folds; the
// finishing pass (OptimizerLastEP) turns them back before anything else.
// The bitcode then has the queries as ThinLTO's has them: the link-time
// pipeline's InstCombine folds those it can answer after cross-module
// inlining (the check stays, or goes when it fits), and the code generator's
// LowerConstantIntrinsics folds the rest to -1 (the check goes).
//
// Only the checks' own queries (!fortify.checked) are kept: the program's
// __builtin_object_size calls and the C library's own fold as they always
// did. Only in full-LTO pre-link modules: Clang adds the module flag
// "ThinLTO" = 0 to them before the pipeline runs (BackendUtil.cpp, for the
// module summary); ThinLTO modules and ordinary compilations never have it.
#include "LinkTimeSizes.h"
#include "FortifyPass.h"
#include "llvm-compat.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace fortify_llvm {
namespace {

// The placeholder of an llvm.objectsize declaration is named after it:
// "fortify.kept.llvm.objectsize.i64.p0".
constexpr StringRef kKeptPrefix = "fortify.kept.";

}  // namespace

bool preparesForFullLto(const Module &module) {
  auto *flag = mdconst::extract_or_null<ConstantInt>(module.getModuleFlag("ThinLTO"));
  return flag && flag->isZero();
}

bool keepSizesForLink(Module &module) {
  if (!preparesForFullLto(module))
    return false;
  unsigned checkedKind = module.getContext().getMDKindID(kCheckedMetadata);
  SmallVector<IntrinsicInst *, 16> sizes;
  for (Function &function : module)
    for (Instruction &instruction : instructions(function))
      if (auto *intrinsic = dyn_cast<IntrinsicInst>(&instruction))
        if (intrinsic->getIntrinsicID() == Intrinsic::objectsize &&
            intrinsic->getMetadata(checkedKind))
          sizes.push_back(intrinsic);
  for (IntrinsicInst *size : sizes) {
    Function *intrinsic = size->getCalledFunction();
    FunctionCallee placeholder =
        module.getOrInsertFunction((kKeptPrefix + intrinsic->getName()).str(),
                                   intrinsic->getFunctionType());
    if (auto *declaration = dyn_cast<Function>(placeholder.getCallee())) {
      declaration->setDoesNotAccessMemory();
      declaration->setDoesNotThrow();
      declaration->setWillReturn();
    }
    size->setCalledFunction(placeholder);
  }
  return !sizes.empty();
}

bool restoreKeptSizes(Module &module) {
  SmallVector<Function *, 2> placeholders;
  for (Function &function : module)
    if (function.isDeclaration() && startsWith(function.getName(), kKeptPrefix))
      placeholders.push_back(&function);
  bool changed = false;
  for (Function *placeholder : placeholders) {
    FunctionType *type = placeholder->getFunctionType();
    Function *intrinsic = Intrinsic::getDeclaration(
        &module, Intrinsic::objectsize, {type->getReturnType(), type->getParamType(0)});
    SmallVector<CallBase *, 16> calls;
    for (User *user : placeholder->users())
      if (auto *call = dyn_cast<CallBase>(user); call && call->getCalledOperand() == placeholder)
        calls.push_back(call);
    for (CallBase *call : calls)
      call->setCalledFunction(intrinsic);
    changed |= !calls.empty();
    if (placeholder->use_empty()) {
      placeholder->eraseFromParent();
      changed = true;
    }
  }
  return changed;
}

}  // namespace fortify_llvm
