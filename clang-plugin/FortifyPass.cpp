#include "FortifyPass.h"
#include "FrontendFacts.h"
#include "Strings.h"

#include "CallerSizes.h"
#include "CheckEmitter.h"
#include "UsableSizes.h"
#include "DecisionLog.h"
#include "DynamicSizes.h"
#include "FortifyDiagnostic.h"
#include "LibcFortify.h"
#include "PluginOptions.h"
#include "PointerOrigin.h"
#include "SharedQueries.h"
#include "SubobjectSize.h"
#include "Sites.h"
#include "rules.h"
#include "llvm-compat.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
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

// The body of a C library fortify wrapper (what ruleForCall calls a
// LibcWrapper): never instrumented, its arguments are not the caller's.
bool isLibcWrapperBody(const Function &function) {
  if (!isInlineWrapper(function))
    return false;
  StringRef name = function.getName();
  if (function.hasLocalLinkage())
    return name.consume_back(".inline") && fortify::findRule(view(name));
  name.consume_front("\1");
  return fortify::findRule(view(name)) != nullptr;
}

bool callsCheckedEntryPoint(const Function &function) {
  for (const Instruction &instruction : instructions(function))
    if (const auto *call = dyn_cast<CallBase>(&instruction))
      if (const Function *callee = call->getCalledFunction())
        if (fortify::findRuleByCheckedName(view(callee->getName())))
          return true;
  return false;
}

// A leading sret argument comes before the positions the front end gave.
unsigned passedSizesFirstArgument(const Function &function) {
  return function.arg_size() > 0 && function.hasParamAttribute(0, Attribute::StructRet) ? 1 : 0;
}

// The pass_object_size parameters of `function` (FrontendFacts.h), when its
// IR arguments are laid out as the front end expected; `name`: the
// function's symbol in the front end's facts, `extra`: arguments a
// caller-sized copy appends (CallerSizes.h).
const PassedObjectSizes *passedObjectSizes(const Function &function, StringRef name,
                                           unsigned extra = 0) {
  const FrontendFacts *facts = activeFacts();
  if (!facts || facts->passedObjectSizes.empty())
    return nullptr;
  auto found = facts->passedObjectSizes.find(name);
  if (found == facts->passedObjectSizes.end())
    return nullptr;
  const PassedObjectSizes &sizes = found->second;
  const unsigned first = passedSizesFirstArgument(function);
  if (function.arg_size() != first + sizes.arguments + extra)
    return nullptr;
  for (const PassedObjectSize &parameter : sizes.parameters)
    if (!function.getArg(first + parameter.pointer)->getType()->isPointerTy() ||
        !function.getArg(first + parameter.size)->getType()->isIntegerTy())
      return nullptr;
  return &sizes;
}

// The parameters of `function` whose sizes arrive in other arguments:
// declared pass_object_size ones, and those a caller-sized copy takes.
std::vector<SizedParameter> sizedParameters(const Function &function,
                                            const CallerSizedCopies &copies) {
  std::vector<SizedParameter> sized;
  const CallerSizedCopy *copy = copies.copy(function);
  if (copy)
    sized = copy->parameters;
  const PassedObjectSizes *passed =
      copy ? passedObjectSizes(function, copy->original, unsigned(copy->parameters.size()))
           : passedObjectSizes(function, function.getName());
  if (passed) {
    const unsigned first = passedSizesFirstArgument(function);
    for (const PassedObjectSize &parameter : passed->parameters)
      sized.push_back({first + parameter.pointer, first + parameter.size, parameter.type});
  }
  return sized;
}

// The rule a caller's size query for a copy is made under: any rule that
// writes, as the query only asks the size of the object (CallerSizes.h).
const fortify::Rule *sizeQueryRule() {
  static const fortify::Rule *rule = fortify::findRule("memcpy");
  return rule;
}

bool isPointerArgument(const CallBase &call, int index) {
  return index >= 0 && unsigned(index) < call.arg_size() &&
         call.getArgOperand(index)->getType()->isPointerTy();
}

// The functions `__attribute__((no_fortify))` marks: Clang emits the
// attribute as an annotation (FrontendAction.cpp), listed in
// llvm.global.annotations as {function, name string, file, line, args}.
SmallPtrSet<const Function *, 4> optedOut(const Module &module) {
  SmallPtrSet<const Function *, 4> functions;
  const GlobalVariable *annotations = module.getNamedGlobal("llvm.global.annotations");
  if (!annotations || !annotations->hasInitializer())
    return functions;
  const auto *entries = dyn_cast<ConstantArray>(annotations->getInitializer());
  if (!entries)
    return functions;
  for (const Use &entry : entries->operands()) {
    const auto *fields = dyn_cast<ConstantStruct>(entry.get());
    if (!fields || fields->getNumOperands() < 2)
      continue;
    const auto *function = dyn_cast<Function>(fields->getOperand(0)->stripPointerCasts());
    StringRef text;
    if (function && getConstantStringInfo(fields->getOperand(1), text) &&
        text == kNoFortifyAnnotation)
      functions.insert(function);
  }
  return functions;
}

// What a run of the pass decided: counted, and traced when asked.
struct RunLog {
  fortify::Counters counters;
  bool trace = false;
};

fortify::Route routeOf(CallKind kind) {
  switch (kind) {
  case CallKind::Plain:
    return fortify::Route::Direct;
  case CallKind::LibcWrapper:
    return fortify::Route::LibcWrapper;
  case CallKind::LibcChecked:
    return fortify::Route::LibcChecked;
  }
  return fortify::Route::Direct;
}

// An llvm.mem* Clang made for an aggregate copy, not a call the program
// wrote: GCC's aggregate copies are assignments, never checked.
bool isCompilerCopy(const CallBase &call, bool isIntrinsic) {
  return isIntrinsic && !isProgramCall(call.getDebugLoc().get());
}

// A function the programmer opted out: its calls are recorded as not
// protected by the plugin (those through the C library's wrappers as the
// library's), and marked so that no later run checks them.
void leaveUnchecked(Function &function, unsigned checkedKind, RunLog &log) {
  MDNode *marker = MDNode::get(function.getContext(), {});
  for (Instruction &instruction : instructions(function)) {
    auto *call = dyn_cast<CallBase>(&instruction);
    if (!call || call->getMetadata(checkedKind))
      continue;
    bool isIntrinsic = false;
    CallKind kind;
    if (const fortify::Rule *rule = ruleForCall(*call, isIntrinsic, kind)) {
      const bool copy = isCompilerCopy(*call, isIntrinsic);
      CallTrace decision(*call, *rule, copy ? fortify::Route::CompilerCopy : fortify::Route::OptedOut,
                         log.counters, log.trace);
      if (!copy)
        recordUncheckedCall(*call, *rule, /*byLibc=*/kind != CallKind::Plain);
      call->setMetadata(checkedKind, marker);
    }
  }
}

// What the instrumentation makes of one call of a rule-table function.
enum class Found {
  CompilerCopy,   // an aggregate copy Clang made, not a call: never checked
  LibcUnchecked,  // a C library wrapper of another shape: the library's
  NotLibc,        // a program's own function of another prototype
  NoCheck,        // no check applies (the options): not protected
  Site,           // a call to check
};

struct FoundCall {
  Found what;
  const fortify::Rule *rule;
  fortify::Route route;  // the trace's, for all but sites
  CallKind kind;         // for sites: how the call is reached
  CheckSite site;
};

// How `call` is to be checked, deciding nothing yet: the instrumentation
// acts on it, and the caller-sizes planning (CallerSizes.h) reads which
// pointers the checks will ask sizes of.
std::optional<FoundCall> findCall(CallBase &call, const fortify::Options &options,
                                  const ResultSigns *signs) {
  bool isIntrinsic = false;
  CallKind kind;
  const fortify::Rule *rule = ruleForCall(call, isIntrinsic, kind);
  if (!rule)
    return std::nullopt;
  FoundCall found{Found::Site, rule, routeOf(kind), kind,
                  CheckSite{&call, rule, nullptr, std::nullopt, nullptr, std::nullopt}};
  auto other = [&](Found what, fortify::Route route) {
    found.what = what;
    found.route = route;
    return found;
  };
  if (isCompilerCopy(call, isIntrinsic))
    return other(Found::CompilerCopy, fortify::Route::CompilerCopy);
  // An inline definition that does not call the C library's checked entry
  // points (a program's own always_inline memcpy, or a wrapper that
  // checks by other means) is checked as the function it defines, at the
  // call; its body is still never instrumented.
  if (kind == CallKind::LibcWrapper && !callsCheckedEntryPoint(*call.getCalledFunction()))
    found.kind = kind = CallKind::Plain;
  CheckSite &site = found.site;
  if (kind != CallKind::Plain) {
    // The C library checks the write; the plugin gives that check its
    // own size and adds its over-read checks (LibcFortify.h).
    bool wrapperShape = kind == CallKind::LibcWrapper && matchesPrototype(call, *rule, false);
    site.writeCheckedByLibc = true;
    if (checksWrite(*rule) && isPointerArgument(call, rule->dest))
      site.objectPointer = call.getArgOperand(rule->dest);
    // A checked entry point takes the function's own arguments first.
    bool sameArguments = wrapperShape || (kind == CallKind::LibcChecked && !rule->variadic &&
                                          int(call.arg_size()) == rule->arity + 1);
    if (checksRead(*rule, options) && sameArguments && isPointerArgument(call, rule->readArg))
      site.readPointer = call.getArgOperand(rule->readArg);
    if (kind == CallKind::LibcWrapper && !wrapperShape)
      return other(Found::LibcUnchecked, fortify::Route::LibcWrapper);
    return found;
  }
  // Not the C library's function (a program's own of another prototype):
  // not a call site at all.
  if (!matchesPrototype(call, *rule, isIntrinsic))
    return other(Found::NotLibc, fortify::Route::NotLibc);
  if (!hasAnyCheck(*rule, options))
    return other(Found::NoCheck, fortify::Route::Direct);
  if (checksWrite(*rule))
    site.objectPointer = call.getArgOperand(rule->dest);
  if (checksRead(*rule, options))
    site.readPointer = call.getArgOperand(rule->readArg);
  if (signs && !isIntrinsic) {
    StringRef name = call.getCalledFunction()->getName();
    name.consume_front("\1");
    if (auto found = signs->find(name); found != signs->end())
      site.resultSigned = found->second;
  }
  return found;
}

// The parameters whose objects this function's checks will ask the size of
// without knowing it (CallerSizes.h): a pointer that is a parameter (or
// derived from one), which no declared pass_object_size sizes and, for a
// subobject check, no member access narrows.
void unsizedUses(Function &function, const fortify::Options &options, unsigned checkedKind,
                 SmallVectorImpl<UnsizedUse> &uses) {
  std::optional<DominatorTree> dominators;
  std::optional<UsableBlocks> usable;
  const std::vector<SizedParameter> declared = sizedParameters(function, CallerSizedCopies());
  const DataLayout &layout = function.getParent()->getDataLayout();
  auto note = [&](const Value *pointer, bool subobject) {
    const auto *argument = dyn_cast<Argument>(pointerOrigin(pointer, *dominators));
    if (!argument || !argument->getType()->isPointerTy())
      return;
    for (const SizedParameter &parameter : declared)
      if (parameter.pointer == argument->getArgNo())
        return;
    SubobjectQuery query;
    query.subobject = true;
    query.dynamic = fortify::usesDynamicSizes(options);
    query.facts = activeFacts();
    if (subobject && closestSubobject(pointer, layout, query))
      return;
    uses.push_back({argument->getArgNo(), subobject, usable->covers(pointer)});
  };
  for (Instruction &instruction : instructions(function)) {
    auto *call = dyn_cast<CallBase>(&instruction);
    if (!call || call->getMetadata(checkedKind))
      continue;
    std::optional<FoundCall> found = findCall(*call, options, nullptr);
    if (!found || found->what != Found::Site)
      continue;
    if (!dominators) {
      dominators.emplace(function);
      usable.emplace(function);
    }
    if (const Value *object = found->site.objectPointer)
      note(object, fortify::objectSizeType(*found->rule, options.level) == 1 &&
                       object != found->site.readPointer);
    if (const Value *read = found->site.readPointer)
      note(read, false);
  }
}

bool instrumentFunction(Function &function, const fortify::Options &options,
                        unsigned checkedKind, const ResultSigns *signs,
                        const CallerSizedCopies &copies, FunctionAnalysisManager &analyses,
                        RunLog &log) {
  MDNode *marker = MDNode::get(function.getContext(), {});
  SmallVector<CheckSite, 8> sites;
  SmallVector<CallKind, 8> kinds;
  // Per site: whether its write check asks closest-subobject sizes, and for
  // the sizes a call of a caller-sized copy passes (CallerSizes.h), which
  // argument takes it (-1: a check).
  SmallVector<bool, 8> subobjectSizes;
  SmallVector<int, 8> sizeArguments;
  for (Instruction &instruction : instructions(function)) {
    auto *call = dyn_cast<CallBase>(&instruction);
    if (!call || call->getMetadata(checkedKind))
      continue;
    if (copies.sizesPending(*call)) {
      // Each size the copy takes is asked as a write check of the
      // argument would ask it, with the parameter's object-size type.
      for (const SizedParameter &parameter : copies.copy(*call->getCalledFunction())->parameters) {
        CheckSite site{call, sizeQueryRule(), nullptr, std::nullopt, nullptr, std::nullopt};
        site.objectPointer = call->getArgOperand(parameter.pointer);
        sites.push_back(site);
        kinds.push_back(CallKind::Plain);
        subobjectSizes.push_back(parameter.type == 1);
        sizeArguments.push_back(int(parameter.size));
      }
      continue;
    }
    std::optional<FoundCall> found = findCall(*call, options, signs);
    if (!found)
      continue;
    if (found->what == Found::Site) {
      sites.push_back(found->site);
      kinds.push_back(found->kind);
      subobjectSizes.push_back(found->site.objectPointer &&
                               fortify::objectSizeType(*found->rule, options.level) == 1);
      sizeArguments.push_back(-1);
      continue;
    }
    // Recorded (when a call at all) and marked, so that a second run does
    // not record it again.
    CallTrace decision(*call, *found->rule, found->route, log.counters, log.trace);
    if (found->what == Found::LibcUnchecked || found->what == Found::NoCheck)
      recordUncheckedCall(*call, *found->rule, /*byLibc=*/found->what == Found::LibcUnchecked);
    call->setMetadata(checkedKind, marker);
  }
  if (sites.empty())
    return false;

  // Everything that needs the unmodified CFG is computed before the first
  // check splits a block.
  const DataLayout &layout = function.getParent()->getDataLayout();
  // Dominators: for forwarding through locals (-O0), and at level 3 for
  // seeing which objects this function sees (DynamicSizes.h).
  const bool dynamic = fortify::usesDynamicSizes(options);
  const std::vector<SizedParameter> sized = sizedParameters(function, copies);
  std::optional<DominatorTree> dominators;
  if (function.hasOptNone() || dynamic || !sized.empty())
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
  for (unsigned i = 0; i < sites.size(); ++i) {
    CheckSite &site = sites[i];
    if (Value *dest = site.objectPointer) {
      if (function.hasOptNone())
        site.objectPointer = forwardThroughLocals(dest, site.call, *dominators);
      // Narrowing looks only at the value actually passed: a pointer that
      // went through a local variable is not narrowed, at any -O level.
      SubobjectQuery query;
      query.subobject = subobjectSizes[i];
      query.dynamic = dynamic;
      query.facts = activeFacts();
      site.subobjectLimit = closestSubobject(dest, layout, query);
      if (!site.subobjectLimit)
        site.subobjectLimit = sizedPointerMember(dest, *site.call, layout, query);
    }
    // Reads are bounded by the whole object (never narrowed), and by the
    // count of a counted member (closestSubobject without subobjects).
    static_assert(fortify::kReadObjectSizeType == 0);
    if (Value *source = site.readPointer) {
      SubobjectQuery query;
      query.dynamic = dynamic;
      query.facts = activeFacts();
      site.readCountedLimit = closestSubobject(source, layout, query);
      if (!site.readCountedLimit)
        site.readCountedLimit = sizedPointerMember(source, *site.call, layout, query);
    }
    if (site.readPointer && function.hasOptNone())
      site.readPointer = forwardThroughLocals(site.readPointer, site.call, *dominators);
  }
  // Sizes the callers passed for pass_object_size parameters and for the
  // parameters of a caller-sized copy. Type 0 (the whole object) bounds
  // every check, type 1 (the closest subobject) only a subobject check;
  // 2 and 3 are lower bounds (0 when unknown): none.
  if (!sized.empty()) {
    auto passedFor = [&](Value *pointer, bool subobject) -> std::optional<CheckSite::PassedSize> {
      const auto *argument = dyn_cast<Argument>(pointerOrigin(pointer, *dominators));
      if (!argument)
        return std::nullopt;
      for (const SizedParameter &parameter : sized)
        if (parameter.pointer == argument->getArgNo() &&
            (parameter.type == 0 || (parameter.type == 1 && subobject)))
          return CheckSite::PassedSize{function.getArg(parameter.pointer),
                                       function.getArg(parameter.size)};
      return std::nullopt;
    };
    for (unsigned i = 0; i < sites.size(); ++i) {
      CheckSite &site = sites[i];
      if (site.objectPointer)
        site.objectPassedSize =
            passedFor(site.objectPointer, subobjectSizes[i] && site.objectPointer != site.readPointer);
      if (site.readPointer)
        site.readPassedSize = passedFor(site.readPointer, false);
    }
  }
  // Blocks the function asks malloc_usable_size about have no size for
  // the checks (UsableSizes.h).
  UsableBlocks usable(function);
  for (CheckSite &site : sites) {
    site.objectSizeHidden = site.objectPointer && usable.covers(site.objectPointer);
    site.readSizeHidden = site.readPointer && usable.covers(site.readPointer);
  }

  for (unsigned i = 0; i < sites.size(); ++i) {
    const CheckSite &site = sites[i];
    if (sizeArguments[i] >= 0) {
      // A call of a caller-sized copy: the size its checks may use.
      site.call->setArgOperand(unsigned(sizeArguments[i]), emitWriteObjectSize(site, options));
      continue;
    }
    CallTrace decision(*site.call, *site.rule, routeOf(kinds[i]), log.counters, log.trace);
    // Marked first: inlining a wrapper deletes the call.
    site.call->setMetadata(checkedKind, marker);
    switch (kinds[i]) {
    case CallKind::Plain:
      emitCheck(site, options);
      break;
    case CallKind::LibcWrapper:
      if (!fortifyThroughWrapper(site, options))
        recordUncheckedCall(*site.call, *site.rule, /*byLibc=*/true);
      break;
    case CallKind::LibcChecked:
      fortifyCheckedCall(site, options);
      break;
    }
  }
  noteSharedSizeQueries(function);
  return true;
}

}  // namespace

PreservedAnalyses FortifyPass::run(Module &module, ModuleAnalysisManager &analyses) {
  if (!optionsError_.empty())
    return reportOptionsError(module);
  if (!hasOpaquePointers(module)) {
    // LLVM 14 without opaque pointers (-fpass-plugin=, opt): the passes
    // know only the IR of LLVM 15 and later; -fplugin= turns them on itself.
    module.getContext().diagnose(FortifyDiagnostic(
        DS_Error, "fortify: this LLVM makes typed pointers; the plugin needs opaque pointers: "
                  "use -fplugin=, or add -mllvm -opaque-pointers (clang) or -opaque-pointers (opt)"));
    return PreservedAnalyses::all();
  }
  ActiveFacts active(facts_.get());
  unsigned checkedKind = module.getContext().getMDKindID(kCheckedMetadata);
  FunctionAnalysisManager &functions =
      analyses.getResult<FunctionAnalysisManagerModuleProxy>(module).getManager();
  bool changed = false;
  RunLog log;
  log.trace = tracing(options_);
  SmallPtrSet<const Function *, 4> optOut = optedOut(module);
  // Caller sizes: the copies are made here, before any check, so that each
  // site is in one body and recorded once, and before the inliner, which
  // then sees the copies like any function: a copy inlined into its caller
  // takes the caller's own size query of the argument, which folds with the
  // caller's (a constant, a run-time size at level 3, or -1); one left out
  // of line checks against the size its callers pass. Subobject sizes come
  // from the typed GEPs that only exist this early, in the callee as in
  // the callers. Functions the plugin leaves alone get no copy.
  SmallPtrSet<const Function *, 8> leftAlone(optOut.begin(), optOut.end());
  for (Function &function : module)
    if (isLibcWrapperBody(function))
      leftAlone.insert(&function);
  CallerSizedCopies copies;
  changed |= copies.make(
      module, options_, optimising_, leftAlone,
      [&](Function &function, SmallVectorImpl<UnsizedUse> &uses) {
        unsizedUses(function, options_, checkedKind, uses);
      },
      log.trace);
  for (Function &function : module) {
    if (function.isDeclaration() || startsWith(function.getName(), kInternalPrefix) ||
        isLibcWrapperBody(function))
      continue;
    if (optOut.count(&function)) {
      leaveUnchecked(function, checkedKind, log);
      changed = true;
      continue;
    }
    changed |= instrumentFunction(function, options_, checkedKind,
                                  facts_ ? &facts_->signs : nullptr, copies, functions, log);
  }
  publishCounters(log.counters, options_);
  return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

PreservedAnalyses FortifyPass::reportOptionsError(Module &module) {
  module.getContext().diagnose(FortifyDiagnostic(DS_Error, optionsError_));
  return PreservedAnalyses::all();
}

void FortifyPass::printPipeline(raw_ostream &out, function_ref<StringRef(StringRef)> passNameOf) {
  printPass(out, passNameOf(name()), kFortifyPassName, {options_, false});
}

namespace {
std::optional<FrontendRegistration> gFrontendRegistration;
}

void setFrontendRegistration(const fortify::Options &options,
                             std::shared_ptr<const FrontendFacts> facts) {
  gFrontendRegistration = FrontendRegistration{options, std::move(facts)};
}

const FrontendRegistration *frontendRegistration() {
  return gFrontendRegistration ? &*gFrontendRegistration : nullptr;
}

void registerFortifyPass(PassBuilder &builder, const fortify::Options &options,
                         std::shared_ptr<const FrontendFacts> facts) {
  // The names -passes= knows, so that opt -print-pipeline-passes and
  // -print-after= can name the passes.
  if (PassInstrumentationCallbacks *callbacks = builder.getPassInstrumentationCallbacks()) {
    callbacks->addClassToPassName(FortifyPass::name(), kFortifyPassName);
    callbacks->addClassToPassName(FortifyProbePass::name(), kProbePassName);
    callbacks->addClassToPassName(FortifyFinishPass::name(), kFinishPassName);
  }
  skipPassesBrokenByOpaquePointers(builder);
  builder.registerPipelineStartEPCallback(
      [options, facts](ModulePassManager &passes, OptimizationLevel level) {
        passes.addPass(FortifyPass(options, facts, level != OptimizationLevel::O0));
      });
  registerOptimizerEarly(builder, [] { return FortifyProbePass(); });
  builder.registerOptimizerLastEPCallback(
      [options, facts](ModulePassManager &passes, OptimizationLevel level) {
        passes.addPass(FortifyFinishPass(options, level == OptimizationLevel::O0, facts));
      });
}

}  // namespace fortify_llvm
