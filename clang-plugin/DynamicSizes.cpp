// Level 3 asks for sizes known only at run time (malloc(n), VLAs), through
// llvm.objectsize with its fourth argument (dynamic) true. LLVM 19's inliner
// cannot evaluate such a query: InlineCost's CallAnalyzer::
// simplifyIntrinsicCallObjectSize gives up on dynamic=true, where it folds a
// static query (an unknown size to -1). So with dynamic queries from the
// start, a check's `size != -1` branch and its failure path never looked
// foldable, its function looked bigger, and fewer helpers were inlined; a
// helper left out of line sees only its parameters, whose sizes are unknown.
// On SQLite level 3 protected fewer call sites than level 2 (the GCC plugin
// had the same problem, gcc-plugin/dynamic-sizes-pass.cpp).
//
// So the checks ask for the static size (dynamic=false) until inlining is
// done, tagged with !fortify.dynamic (CheckEmitter.cpp, level 3 only), and
// this file switches the tagged queries to dynamic=true:
//  - in the probe pass (OptimizerEarlyEP), before it probes: after the
//    inliner, before LowerConstantIntrinsics evaluates the queries, at every
//    -O level and in both LTO pre-link pipelines. In the ThinLTO pre-link
//    pipeline this is also what the bitcode carries, so the link-time
//    pipeline (where the plugin is not loaded) evaluates dynamic sizes;
//  - in the finishing pass, before it probes and (at -O0) lowers the sizes,
//    for pipelines without the probe (`opt -passes=fortify,fortify-finish`).
// Only tagged calls change: the program's own __builtin_object_size and
// __builtin_dynamic_object_size queries stay as written. The switch sets the
// operand in place: the call keeps its metadata, debug location, name and
// uses (llvm.objectsize's declaration does not depend on the flag).
//
// Only the queries about objects the function cannot see need this: a
// pointer parameter, a pointer loaded from memory or returned by a call
// (what inlining may reveal, and the inliner takes for unknown, -1, when the
// query is static). A query about an object the function sees, through its
// locals (PointerOrigin.h): a local array, a VLA, a global, an allocation
// (malloc(n), new char[n]), or a choice between objects (a phi or select),
// asks for the dynamic size from the start, as before. Its size is what it
// is whoever the caller, and the check stays as code, so the inliner is
// right to cost it; a static query there would fold differently before the
// switch:
//  - InstCombine deletes an allocation whose only uses are writes, frees
//    and size queries (`p = new char[n]; memcpy(p, s, m); delete[] p;`),
//    folding its queries at once, a static one to the largest size (8 for
//    `malloc(c ? 4 : 8)`) or to -1 (`new char[n]`): the check is lost
//    (test/functions/builtins.c, cxx.cpp);
//  - a variable offset into a local array (`columns[i - 1] = ...` in a
//    loop) is unknown to a static query, which changes what the loop
//    passes do with the check (it may be unrolled into an iteration that
//    never runs, where it always fails: a false warning;
//    test/report/path-dependent.c).
// An allocation that only inlining shows, then deleted, loses its dynamic
// size; the write into it is deleted with it.
//
// Other folds before the switch lose nothing: InstCombine folds a query
// that must not fail only to the exact size (ExactSizeFromOffset), which a
// dynamic query gives too. One more case: a check's static query identical
// to one of the program's own (__builtin_object_size(p, 0) on the same
// pointer) may be merged by CSE before the switch, into whichever came
// first: the check may then stay static (as at level 2), or the program's
// query see the check's dynamic answer, a size at most the static bound
// (type 0 asks for an upper bound: still a correct answer). The C
// library's checks, whose static query (__bos0 for the mem functions) is
// identical to the plugin's, carry the tag on the __*_chk call: when the
// plugin's query is gone from the call's size, the switch takes the
// surviving one for it.
#include "DynamicSizes.h"
#include "FortifyPass.h"
#include "LibcFortify.h"
#include "llvm-compat.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace fortify_llvm {

namespace {

// Whether `call` allocates the object it returns. LLVM knows the C
// allocators by their allockind attributes, which InferFunctionAttrs adds
// only after instrumentation: they are named here.
bool isAllocation(const CallBase &call, const TargetLibraryInfo &libraries) {
  if (isAllocationFn(&call, &libraries))  // operator new, allockind
    return true;
  const Function *callee = call.getCalledFunction();
  LibFunc function;
  if (!callee || call.isNoBuiltin() || !libraries.getLibFunc(*callee, function) ||
      !libraries.has(function))
    return false;
  switch (function) {
  case LibFunc_malloc:
  case LibFunc_calloc:
  case LibFunc_realloc:
  case LibFunc_reallocf:
  case LibFunc_aligned_alloc:
  case LibFunc_memalign:
  case LibFunc_valloc:
    return true;
  default:
    return false;
  }
}

}  // namespace

bool asksDynamicSizeFromStart(const Value *origin, const TargetLibraryInfo &libraries) {
  if (isa<AllocaInst>(origin) || isa<PHINode>(origin) || isa<SelectInst>(origin))
    return true;
  if (const auto *global = dyn_cast<GlobalVariable>(origin))
    return !global->isDeclaration();
  const auto *call = dyn_cast<CallBase>(origin);
  return call && isAllocation(*call, libraries);
}

namespace {

bool isStaticUpperBoundQuery(const IntrinsicInst &query) {
  if (query.getIntrinsicID() != Intrinsic::objectsize)
    return false;
  auto *minimum = dyn_cast<ConstantInt>(query.getArgOperand(1));
  auto *dynamic = dyn_cast<ConstantInt>(query.getArgOperand(3));
  return minimum && minimum->isZero() && dynamic && dynamic->isZero();
}

}  // namespace

bool switchToDynamicSizes(Function &function) {
  LLVMContext &context = function.getContext();
  unsigned dynamicKind = context.getMDKindID(kDynamicSizeMetadata);
  ConstantInt *dynamic = ConstantInt::getTrue(context);
  SmallVector<IntrinsicInst *, 16> queries;
  for (Instruction &instruction : instructions(function)) {
    if (!instruction.getMetadata(dynamicKind))
      continue;
    if (auto *query = dyn_cast<IntrinsicInst>(&instruction);
        query && query->getIntrinsicID() == Intrinsic::objectsize)
      queries.push_back(query);
    // A C library check whose size is one static query: CSE merged the
    // plugin's query into the library's and folded their umin, so the
    // query stands for the plugin's. Otherwise (the umin is there, whatever
    // the plugin's operand became) the library's query stays static: the
    // records tell what the library alone knew from it.
    else if (auto *call = dyn_cast<CallBase>(&instruction))
      if (IntrinsicInst *merged = libcCheckSizeQuery(*call); merged && isStaticUpperBoundQuery(*merged))
        queries.push_back(merged);
  }
  bool switched = false;
  for (IntrinsicInst *query : queries) {
    if (query->getArgOperand(3) == dynamic)
      continue;
    query->setArgOperand(3, dynamic);
    switched = true;
  }
  return switched;
}

bool lowerExactDynamicSizes(Function &function, const TargetLibraryInfo &libraries) {
  unsigned checkedKind = function.getContext().getMDKindID(kCheckedMetadata);
  SmallVector<IntrinsicInst *, 8> queries;
  for (Instruction &instruction : instructions(function))
    if (auto *query = dyn_cast<IntrinsicInst>(&instruction))
      // Only a choice between objects (a phi or select under the pointer)
      // folds differently; the others are left to LowerConstantIntrinsics,
      // which also folds the branches a constant size decides.
      if (query->getIntrinsicID() == Intrinsic::objectsize && query->getMetadata(checkedKind) &&
          cast<ConstantInt>(query->getArgOperand(3))->isOne() &&
          isa<PHINode, SelectInst>(getUnderlyingObject(query->getArgOperand(0))))
        queries.push_back(query);
  bool lowered = false;
  for (IntrinsicInst *query : queries)
    if (Value *size = lowerExactDynamicSize(query, libraries)) {
      query->replaceAllUsesWith(size);
      query->eraseFromParent();
      lowered = true;
    }
  return lowered;
}

Value *lowerExactDynamicSize(IntrinsicInst *query, const TargetLibraryInfo &libraries) {
  SmallVector<Instruction *, 8> inserted;
  return lowerObjectSize(query, query->getModule()->getDataLayout(), &libraries,
                         /*mustSucceed=*/false, &inserted);
}

bool guardNullChoices(Function &function) {
  LLVMContext &context = function.getContext();
  unsigned checkedKind = context.getMDKindID(kCheckedMetadata);
  SmallVector<IntrinsicInst *, 4> queries;
  for (Instruction &instruction : instructions(function)) {
    auto *query = dyn_cast<IntrinsicInst>(&instruction);
    if (!query || query->getIntrinsicID() != Intrinsic::objectsize ||
        !query->getMetadata(checkedKind) ||
        !cast<ConstantInt>(query->getArgOperand(2))->isOne() ||  // nullunknown
        query->getArgOperand(0)->getType()->getPointerAddressSpace() != 0)
      continue;
    SmallVector<const Value *, 4> objects;
    getUnderlyingObjects(query->getArgOperand(0), objects);
    bool null = false, other = false;
    for (const Value *object : objects)
      (isa<ConstantPointerNull>(object) ? null : other) = true;
    if (null && other)
      queries.push_back(query);
  }
  for (IntrinsicInst *query : queries) {
    query->setArgOperand(2, ConstantInt::getFalse(context));
    IRBuilder<> builder(query->getNextNode());
    builder.SetCurrentDebugLocation(query->getDebugLoc());
    Value *pointer = query->getArgOperand(0);
    auto *guard = cast<SelectInst>(builder.CreateSelect(
        builder.CreateICmpEQ(pointer, ConstantPointerNull::get(cast<PointerType>(pointer->getType()))),
        ConstantInt::getAllOnesValue(query->getType()), query));
    guard->setMetadata(kNullGuardMetadata, MDNode::get(context, {}));
    query->replaceUsesWithIf(guard, [guard](Use &use) { return use.getUser() != guard; });
  }
  return !queries.empty();
}

bool switchToDynamicSizes(Module &module) {
  bool switched = false;
  for (Function &function : module)
    if (!function.isDeclaration())
      switched |= switchToDynamicSizes(function);
  return switched;
}

}  // namespace fortify_llvm
