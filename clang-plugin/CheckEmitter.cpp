#include "CheckEmitter.h"
#include "Strings.h"

#include "DynamicSizes.h"
#include "FortifyPass.h"
#include "FrontendFacts.h"
#include "LibcFortify.h"
#include "Sites.h"
#include "UsableSizes.h"
#include "messages.h"
#include "signature.h"
#include "site-model.h"
#include "llvm-compat.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

#include <functional>
#include <map>
#include <string>

using namespace llvm;

namespace fortify_llvm {
namespace {

using fortify::CheckKind;
using fortify::Problem;
using fortify::ReadKind;
using fortify::Rule;

bool isPointerArgument(const CallBase &call, int index) {
  // Address space 0 only: strlen and friends take generic pointers.
  return index >= 0 && unsigned(index) < call.arg_size() &&
         call.getArgOperand(index)->getType()->isPointerTy() &&
         call.getArgOperand(index)->getType()->getPointerAddressSpace() == 0;
}

bool isSet(int index) { return index != fortify::kNoArg; }

// `i1 fortify.format_has_n(ptr format)`: whether a printf-style format
// contains a %n conversion (with any flags, width, precision or length
// modifier in between; "%%" is a literal percent sign). A null format has
// none (glibc's printf rejects it with EINVAL). Defined once per module,
// internal, called by every format check.
Function *formatScanner(Module &module) {
  LLVMContext &context = module.getContext();
  std::string name = std::string(kInternalPrefix) + "format_has_n";
  PointerType *pointer = PointerType::getUnqual(context);
  FunctionType *type = FunctionType::get(Type::getInt1Ty(context), {pointer}, false);
  if (Function *existing = module.getFunction(name))
    if (!existing->isDeclaration() && existing->getFunctionType() == type)
      return existing;
  Function *scanner = Function::Create(type, GlobalValue::InternalLinkage, name, module);
  scanner->addFnAttr(Attribute::NoInline);
  scanner->addFnAttr(Attribute::NoUnwind);
  scanner->addFnAttr(Attribute::WillReturn);
  setReadsArgumentMemoryOnly(*scanner);
  scanner->addParamAttr(0, Attribute::ReadOnly);
  scanner->addParamAttr(0, Attribute::NoCapture);
  Value *format = scanner->getArg(0);

  auto *entry = BasicBlock::Create(context, "entry", scanner);
  auto *loop = BasicBlock::Create(context, "text", scanner);
  auto *spec = BasicBlock::Create(context, "spec", scanner);
  auto *inSpec = BasicBlock::Create(context, "in_spec", scanner);
  auto *specEnd = BasicBlock::Create(context, "spec_end", scanner);
  auto *none = BasicBlock::Create(context, "none", scanner);
  auto *found = BasicBlock::Create(context, "found", scanner);
  IRBuilder<> builder(entry);
  Type *byte = builder.getInt8Ty();

  builder.CreateCondBr(builder.CreateIsNull(format), none, loop);

  // text: c = *p++; '\0' ends, '%' starts a specification.
  builder.SetInsertPoint(loop);
  PHINode *p = builder.CreatePHI(pointer, 3);
  Value *c = builder.CreateLoad(byte, p);
  Value *next = builder.CreateConstInBoundsGEP1_64(byte, p, 1);
  SwitchInst *text = builder.CreateSwitch(c, loop, 2);
  text->addCase(builder.getInt8(0), none);
  text->addCase(builder.getInt8('%'), spec);

  // spec: c = *q++; '\0' ends, 'n' is found, a flag/width/length character
  // continues the specification, anything else ends it.
  builder.SetInsertPoint(spec);
  PHINode *q = builder.CreatePHI(pointer, 2);
  Value *d = builder.CreateLoad(byte, q);
  Value *after = builder.CreateConstInBoundsGEP1_64(byte, q, 1);
  SwitchInst *conversion = builder.CreateSwitch(d, specEnd, fortify::kFormatSpecificationCharacters.size() + 2);
  conversion->addCase(builder.getInt8(0), none);
  conversion->addCase(builder.getInt8('n'), found);
  for (char c : fortify::kFormatSpecificationCharacters)
    conversion->addCase(builder.getInt8(uint8_t(c)), inSpec);
  builder.SetInsertPoint(inSpec);
  builder.CreateBr(spec);
  builder.SetInsertPoint(specEnd);
  builder.CreateBr(loop);

  p->addIncoming(format, entry);
  p->addIncoming(next, loop);
  p->addIncoming(after, specEnd);
  q->addIncoming(next, loop);
  q->addIncoming(after, inSpec);

  builder.SetInsertPoint(none);
  builder.CreateRet(builder.getFalse());
  builder.SetInsertPoint(found);
  builder.CreateRet(builder.getTrue());
  return scanner;
}

class Emitter {
public:
  Emitter(const CheckSite &site, const fortify::Options &options)
      : site_(site), rule_(*site.rule), options_(options), call_(*site.call),
        module_(*call_.getModule()), context_(module_.getContext()),
        sizeType_(module_.getDataLayout().getIntPtrType(context_)),
        pointerType_(PointerType::getUnqual(context_)), builder_(&call_),
        checkedKind_(context_.getMDKindID(kCheckedMetadata)),
        marker_(MDNode::get(context_, {})) {
    // Every instruction of the checks, the failure path included, reports
    // the call's source location.
    builder_.SetCurrentDebugLocation(call_.getDebugLoc());
  }

  void emit() {
    // Nothing bounds the call (gets): a warning naming the replacement, and
    // no check. The call is then marked like any other, so a second run of
    // the pass does not warn again.
    if (rule_.kind == CheckKind::Unbounded) {
      warnUnbounded();
    } else if (planChkCall()) {
      // mode=chk: glibc's entry point checks what it can; the rest inline.
      if (fortify::checksFormat(rule_, options_.level) && !chk_.format)
        emitFormatCheck();
      if (rule_.kind == CheckKind::OpenMode && !chk_.open)
        emitOpenModeCheck();
      if (site_.objectPointer && !chk_.size && rule_.kind != CheckKind::FormattedWrite)
        emitWriteCheck();
      if (site_.readPointer && rule_.read != ReadKind::StringResult)
        emitReadCheck();
      buildChkCall();
      return;
    } else {
      // Before the call: what the arguments must satisfy.
      if (fortify::checksFormat(rule_, options_.level) &&
          !(site_.writeCheckedByLibc && site_.formatCheckedByLibc))
        emitFormatCheck();
      if (rule_.kind == CheckKind::OpenMode)
        emitOpenModeCheck();
      if (site_.objectPointer && rule_.kind != CheckKind::FormattedWrite)
        emitWriteCheck();
      if (site_.readPointer && rule_.read != ReadKind::StringResult)
        emitReadCheck();
      // Last, as it moves the call into a branch of its own.
      if (site_.objectPointer && rule_.kind == CheckKind::FormattedWrite)
        emitFormattedWrite();
      // After the call: what its result says was read.
      if (site_.readPointer && rule_.read == ReadKind::StringResult)
        emitStringResultCheck();
    }
    // A call whose main problem got no site (no check could be emitted,
    // nothing is statically known) is not protected.
    if (!recorded(fortify::primaryProblem(rule_)) && !site_.writeCheckedByLibc)
      recordUncheckedCall(call_, rule_, /*byLibc=*/false);
  }

  Value *writeObjectSize() {
    beforeCall();
    return objectSize(site_.objectPointer, site_.subobjectLimit, site_.objectSizeDynamicNow);
  }

private:
  // mode=chk: which of the call's checks glibc's entry point makes. Where it
  // makes none (a literal format, open with constant flags or a mode, a
  // rule without an entry point) the call keeps the inline checks.
  struct ChkPlan {
    bool size = false, format = false, open = false;
  };
  ChkPlan chk_;

  // The call's own arguments: an intrinsic adds isvolatile.
  unsigned ownArguments() {
    return isa<IntrinsicInst>(call_) ? unsigned(rule_.arity) : call_.arg_size();
  }

  bool planChkCall() {
    if (!fortify::callsChkEntryPoints(options_) || !fortify::hasChkEntry(rule_) ||
        !isa<CallInst>(call_) || cast<CallInst>(call_).isMustTailCall() ||
        fortify::chkArguments(rule_, int(ownArguments())).empty() ||
        !isCallable(ref(rule_.glibcChecked)) || definesItself(ref(rule_.glibcChecked)) ||
        definesItself(ref(rule_.name)))
      return false;
    chk_.size = site_.objectPointer && fortify::checksWrite(rule_) && fortify::chkChecksSize(rule_);
    chk_.format = fortify::chkChecksFormat(rule_) && fortify::checksFormat(rule_, options_.level) &&
                  !formatIsLiteral();
    chk_.open = rule_.kind == CheckKind::OpenMode && !isa<Constant>(argument(rule_.flags));
    return chk_.size || chk_.format || chk_.open;
  }

  // The call of the entry point in place of the call, with the plugin's size
  // of the destination (in elements where glibc counts them; unknown stays
  // -1), tagged as a call the C library checks (LibcFortify.h): its site's
  // status is what becomes of it, and LLVM's own folding of __*_chk calls
  // (size -1, or a length that fits) gives back the plain call.
  void buildChkCall() {
    beforeCall();
    Value *size = ConstantInt::getAllOnesValue(sizeType_);
    if (chk_.size) {
      size = objectSize(site_.objectPointer, site_.subobjectLimit, site_.objectSizeDynamicNow);
      if (rule_.chkSizeInElements && rule_.elementSize != 1)
        size = builder_.CreateSelect(builder_.CreateICmpEQ(size, ConstantInt::getAllOnesValue(sizeType_)),
                                     size, builder_.CreateUDiv(size, sizeConstant(rule_.elementSize)));
    }
    const unsigned intBits = 32;
    std::vector<fortify::ChkArgument> layout = fortify::chkArguments(rule_, int(ownArguments()));
    SmallVector<Value *, 8> args;
    SmallVector<Type *, 8> parameters;
    int sizeArgument = -1;
    const std::string_view letters = rule_.signature.substr(rule_.signature.find(':') + 1);
    for (const fortify::ChkArgument &item : layout) {
      Value *value = nullptr;
      switch (item.kind) {
      case fortify::ChkArgumentKind::Original:
        value = argument(item.index);
        // An intrinsic's integers have their own widths (llvm.memset's i8).
        if (isa<IntrinsicInst>(call_) && value->getType()->isIntegerTy() &&
            unsigned(item.index) < letters.size())
          value = builder_.CreateZExtOrTrunc(
              value, letters[item.index] == 'z' ? Type::getIntNTy(context_, sizeType_->getBitWidth())
                                                : Type::getIntNTy(context_, intBits));
        break;
      case fortify::ChkArgumentKind::Size:
        sizeArgument = int(args.size());
        value = size;
        break;
      case fortify::ChkArgumentKind::Flag:
        value = builder_.getInt32(fortify::chkFormatFlag(options_.level));
        break;
      }
      args.push_back(value);
    }
    unsigned fixed = args.size();
    if (rule_.variadic)
      fixed = unsigned(rule_.arity) + unsigned(fortify::chkChecksSize(rule_)) +
              unsigned(fortify::chkChecksFormat(rule_));
    for (unsigned i = 0; i < fixed && i < args.size(); ++i)
      parameters.push_back(args[i]->getType());
    Type *result = isa<IntrinsicInst>(call_) ? pointerType_ : call_.getType();
    FunctionCallee entry = module_.getOrInsertFunction(
        ref(rule_.glibcChecked), FunctionType::get(result, parameters, rule_.variadic));
    CallInst *chk = mark(builder_.CreateCall(entry, args));
    chk->setCallingConv(call_.getCallingConv());
    // LLVM would fold some entry points itself (__memcpy_chk with size -1
    // or a length that fits) before the probe saw their sizes: the
    // finishing pass does it for all of them (ChkCalls.h).
    chk->addFnAttr(Attribute::NoBuiltin);
    if (call_.doesNotThrow())
      chk->setDoesNotThrow();
    auto descriptor = [&](Problem problem) {
      return fortify::encodeSite(describeCall(call_, problem, ref(rule_.name)));
    };
    // One descriptor per tagged call: the write's when the entry point
    // checks a size, else its format's or open flags'; a second problem it
    // checks (snprintf's format) is the library's own check.
    chk->setMetadata(kChkEntryMetadata,
                     MDNode::get(context_, {ConstantAsMetadata::get(builder_.getInt1(
                                               chk_.size && !chk_.format && !chk_.open))}));
    if (chk_.size) {
      tagChkEntryCall(*chk, descriptor(Problem::Overflow), sizeArgument);
      recordedProblems_ |= 1u << unsigned(Problem::Overflow);
    }
    for (auto [planned, problem] : {std::pair{chk_.format, Problem::FormatN},
                                    std::pair{chk_.open, Problem::OpenWithoutMode}}) {
      if (!planned)
        continue;
      if (chk_.size)
        recordSite(module_, descriptor(problem), kKindLibc);
      else
        tagChkEntryCall(*chk, descriptor(problem), -1);
      recordedProblems_ |= 1u << unsigned(problem);
    }
    if (!call_.getType()->isVoidTy() && !isa<IntrinsicInst>(call_))
      call_.replaceAllUsesWith(chk);
    call_.eraseFromParent();
  }

  // How a failed check goes on in report mode.
  enum class After {
    SkipCall,  // before the call: the call is not made
    Continue,  // the call was made (a check on its result) or made safely
               // (sprintf's bounded sibling truncated the output)
  };
  // The bytes the call would use, built only in the failure block.
  using Amount = std::function<Value *()>;

  Value *argument(int index) { return call_.getArgOperand(index); }

  Value *toSize(Value *value) { return builder_.CreateZExtOrTrunc(value, sizeType_); }

  Value *sizeConstant(uint64_t value) { return ConstantInt::get(sizeType_, value); }

  Value *isKnown(Value *size) {
    return builder_.CreateICmpNE(size, ConstantInt::getAllOnesValue(sizeType_));
  }

  bool reportMode() const { return options_.mode == fortify::FailureMode::Report; }

  void beforeCall() { builder_.SetInsertPoint(&call_); }

  // Inserts before `instruction`, keeping the call's debug location:
  // IRBuilder would take the instruction's own, which after the call (the
  // result checks) is the next statement's.
  void insertBefore(Instruction *instruction) {
    builder_.SetInsertPoint(instruction);
    builder_.SetCurrentDebugLocation(call_.getDebugLoc());
  }

  // Calls the plugin inserts are never instrumented, by this run or a
  // later one.
  CallInst *mark(CallInst *call) {
    call->setMetadata(checkedKind_, marker_);
    return call;
  }

  // llvm.objectsize(p, min=false, nullunknown=true, dynamic=false), folded
  // by LowerConstantIntrinsics (in the optimisation pipeline; at -O0 by the
  // late pass) to a constant, a run-time expression or -1. Marked, so that
  // the late pass knows the plugin's own from the program's. At level 3 it
  // is also tagged !fortify.dynamic: the probe (or the finishing pass)
  // switches it to dynamic=true once inlining is done, as the inliner
  // cannot evaluate a dynamic query; `dynamicNow` (an object sized at run
  // time in this function) asks for the dynamic size at once
  // (DynamicSizes.cpp).
  Value *objectSize(Value *pointer, std::optional<SubobjectLimit> limit, bool dynamicNow) {
    if ((pointer == site_.objectPointer && site_.objectSizeHidden) ||
        (pointer == site_.readPointer && site_.readSizeHidden)) {
      pointer = hideBlockSize(pointer, &*builder_.GetInsertPoint());
      limit.reset();
    }
    Function *intrinsic = intrinsicDeclaration(module_, Intrinsic::objectsize,
                                               {sizeType_, pointer->getType()});
    const bool dynamic = fortify::usesDynamicSizes(options_);
    CallInst *query = mark(builder_.CreateCall(
        intrinsic, {pointer, builder_.getFalse(), builder_.getTrue(),
                    builder_.getInt1(dynamic && dynamicNow)}));
    if (dynamic)
      query->setMetadata(kDynamicSizeMetadata, marker_);
    Value *size = query;
    if (limit)
      size = builder_.CreateBinaryIntrinsic(Intrinsic::umin, size,
                                            emitSubobjectRemaining(builder_, *limit, sizeType_));
    const std::optional<CheckSite::PassedSize> &passed =
        pointer == site_.objectPointer ? site_.objectPassedSize : site_.readPassedSize;
    if (passed && (pointer == site_.objectPointer || pointer == site_.readPointer))
      size = builder_.CreateBinaryIntrinsic(Intrinsic::umin, size, passedSize(pointer, *passed));
    return size;
  }

  // What the caller of a pass_object_size parameter (or of a caller-sized
  // copy: CallerSizes.h) said is left after `pointer` (derived from the
  // parameter), as fortify::sizeFromCaller has it: 0 past the end; -1
  // (unknown) before the start, which the parameter's size says nothing
  // about, and whatever the offset when the caller did not know (-1), so
  // that the check folds away and the probe sees why (SizeProbe.cpp).
  Value *passedSize(Value *pointer, const CheckSite::PassedSize &passed) {
    Value *at = builder_.CreatePtrToInt(pointer, sizeType_);
    Value *start = builder_.CreatePtrToInt(passed.pointer, sizeType_);
    Value *size = toSize(passed.size);
    Value *left = builder_.CreateBinaryIntrinsic(Intrinsic::usub_sat, size,
                                                 builder_.CreateSub(at, start));
    Value *unknown = builder_.CreateICmpEQ(size, ConstantInt::getAllOnesValue(sizeType_));
    Value *none = builder_.CreateOr(builder_.CreateICmpULT(at, start), unknown);
    return builder_.CreateOr(left, builder_.CreateSExt(none, sizeType_));
  }

  // Whether `name` can be called as the C library's function: a module
  // that defines a static function of that name (or something that is not
  // a function) would get that instead. A definition with external linkage
  // is the C function (a program that provides it, or libc itself).
  // A module that defines the bounded sibling itself may build it on the very
  // call being rewritten (vsnprintf on top of vsprintf): calling it would
  // recurse forever.
  bool definesItself(StringRef name) {
    Function *function = module_.getFunction(name);
    return function && !function->isDeclaration();
  }

  bool isCallable(StringRef name) {
    GlobalValue *value = module_.getNamedValue(name);
    if (!value)
      return true;
    auto *function = dyn_cast<Function>(value);
    return function && !function->hasLocalLinkage();
  }

  FunctionCallee libraryFunction(StringRef name, Type *result, ArrayRef<Type *> parameters) {
    return module_.getOrInsertFunction(name, FunctionType::get(result, parameters, false));
  }

  bool wide() { return fortify::characters(rule_) == fortify::Characters::Wide; }
  StringRef lengthFunction() { return wide() ? "wcslen" : "strlen"; }
  StringRef boundedLengthFunction() { return wide() ? "wcsnlen" : "strnlen"; }

  // strlen, or wcslen for wide rules: a length in elements.
  Value *stringLength(Value *string) {
    return mark(builder_.CreateCall(
        libraryFunction(lengthFunction(), sizeType_, {pointerType_}), {string}));
  }

  Value *boundedStringLength(Value *string, Value *bound) {
    return mark(builder_.CreateCall(
        libraryFunction(boundedLengthFunction(), sizeType_, {pointerType_, sizeType_}),
        {string, toSize(bound)}));
  }

  // Continues in a block that runs only when `condition` holds, and rejoins
  // at the current insertion point.
  void enterIf(Value *condition) {
    Instruction *then = splitIfThen(condition, builder_.GetInsertPoint(), /*unreachable=*/false);
    insertBefore(then);
  }

  // units * unitBytes [* count] in bytes, SIZE_MAX when the product wraps
  // (the report must not show a product that wrapped). Constants fold.
  Value *bytes(Value *units, unsigned unitBytes, Value *count = nullptr) {
    Value *value = toSize(units);
    auto scale = [&](Value *factor) {
      Value *nonzero = builder_.CreateICmpNE(factor, sizeConstant(0));
      Value *divisor = builder_.CreateSelect(nonzero, factor, sizeConstant(1));
      Value *limit = builder_.CreateUDiv(ConstantInt::getAllOnesValue(sizeType_), divisor);
      Value *wraps = builder_.CreateICmpUGT(value, limit);
      value = builder_.CreateSelect(wraps, ConstantInt::getAllOnesValue(sizeType_),
                                    builder_.CreateMul(value, factor));
    };
    if (count)
      scale(toSize(count));
    if (unitBytes != 1)
      scale(sizeConstant(unitBytes));
    return value;
  }

  // arg(length) as the rule counts it (LengthForm), as a size.
  Value *lengthArgument() {
    Value *length = argument(rule_.length);
    if (rule_.lengthForm == fortify::LengthForm::WholePairs) {
      Value *zero = ConstantInt::get(length->getType(), 0);
      length = builder_.CreateAnd(builder_.CreateBinaryIntrinsic(Intrinsic::smax, length, zero),
                                  ConstantInt::get(length->getType(), -2, /*IsSigned=*/true));
    }
    return toSize(length);
  }

  // arg(length) [* arg(count)] * elementSize in bytes.
  Amount lengthInBytes() {
    return [this] {
      return bytes(lengthArgument(), rule_.elementSize,
                   isSet(rule_.count) ? argument(rule_.count) : nullptr);
    };
  }

  Value *plusOne(Value *value) { return builder_.CreateAdd(toSize(value), sizeConstant(1)); }

  // The descriptor of this call's check of `problem`, recorded once.
  GlobalVariable *siteFor(Problem problem) {
    GlobalVariable *&global = siteGlobals_[problem];
    if (!global) {
      std::string text = fortify::encodeSite(describeCall(call_, problem, ref(rule_.name)));
      recordSite(module_, text, kKindCheck);
      global = siteGlobal(module_, text);
    }
    recordedProblems_ |= 1u << unsigned(problem);
    return global;
  }

  bool recorded(Problem problem) const { return recordedProblems_ & (1u << unsigned(problem)); }

  // A check of `problem` that needs no code (a literal format, open with a
  // mode): recorded as safe.
  void recordStatic(Problem problem, StringRef kind) {
    recordSite(module_, fortify::encodeSite(describeCall(call_, problem, ref(rule_.name))),
               kind);
    recordedProblems_ |= 1u << unsigned(problem);
  }

  // The failure path when `condition` holds: the marker
  //   __fortify_fail(site, needed, available)   (noreturn; the late pass
  //   makes it a trap, or write + abort)
  // or in report mode the runtime's __fortify_report(site, needed,
  // available), after which the program goes on as `after` says. `needed`
  // and `available` are bytes (0 when the problem has no sizes); `needed`
  // is computed in the failure block only. Continues where it was.
  void stopIf(Value *condition, Problem problem, const Amount &needed, Value *available,
              After after = After::SkipCall) {
    BasicBlock::iterator here = builder_.GetInsertPoint();
    bool goesOn = reportMode() && after == After::Continue;
    Instruction *failure =
        splitIfThen(condition, here, /*unreachable=*/!goesOn, unlikelyWeights(context_));
    // The check's own test: while it is there, the failure is a run-time
    // question, whatever constants the path lets the optimisers substitute
    // into the failure block (see SiteTable.cpp).
    failure->getParent()->getSinglePredecessor()->getTerminator()->setMetadata(
        kCheckBranchMetadata, marker_);
    insertBefore(failure);
    Value *site = siteFor(problem);
    Value *neededBytes = needed ? needed() : sizeConstant(0);
    Value *availableBytes = available ? toSize(available) : sizeConstant(0);
    if (!reportMode()) {
      CallInst *fail = builder_.CreateCall(failMarker(), {site, neededBytes, availableBytes});
      fail->setDoesNotReturn();
      fail->setDoesNotThrow();
      // Two failure paths must never become one: each names its own site.
      fail->setCannotMerge();
    } else {
      CallInst *report = builder_.CreateCall(reportFunction(), {site, neededBytes, availableBytes});
      report->setDoesNotThrow();
      report->setCannotMerge();
      if (after == After::SkipCall)
        skipFrom(failure);
    }
    insertBefore(&*here);
  }

  FunctionCallee failMarker() {
    Type *parameters[] = {pointerType_, sizeType_, sizeType_};
    FunctionCallee marker = module_.getOrInsertFunction(
        StringRef(fortify::kFailMarkerName.data(), fortify::kFailMarkerName.size()),
        FunctionType::get(Type::getVoidTy(context_), parameters, false));
    if (auto *function = dyn_cast<Function>(marker.getCallee()); function && function->isDeclaration()) {
      function->setDoesNotReturn();
      function->setDoesNotThrow();
      function->addFnAttr(Attribute::Cold);
      // What llvm.trap is, which the late pass makes it in trap mode; abort
      // mode's write and abort may touch any memory (a SIGABRT handler).
      if (options_.mode == fortify::FailureMode::Trap)
        setInaccessibleMemoryOnly(*function);
    }
    return marker;
  }

  FunctionCallee reportFunction() {
    Type *parameters[] = {pointerType_, sizeType_, sizeType_};
    FunctionCallee report = module_.getOrInsertFunction(
        StringRef(fortify::kReportFunctionName.data(), fortify::kReportFunctionName.size()),
        FunctionType::get(Type::getVoidTy(context_), parameters, false));
    if (auto *function = dyn_cast<Function>(report.getCallee()); function && function->isDeclaration()) {
      function->setDoesNotThrow();
      function->addFnAttr(Attribute::Cold);
    }
    return report;
  }

  // A musttail call must stay right before its return: nothing can be
  // placed after it to join a skipped call.
  bool canSkip() {
    auto *call = dyn_cast<CallInst>(&call_);
    return !call || !call->isMustTailCall();
  }

  // Report mode, a failed check before the call: the failure block (ending
  // in `end`, an unreachable) goes past the call, and the call's result
  // there is what skippedResult() says.
  void skipFrom(Instruction *end) {
    BasicBlock *failure = end->getParent();
    if (!canSkip()) {
      // Reported; going on would overflow.
      IRBuilder<> trap(end);
      trap.SetCurrentDebugLocation(call_.getDebugLoc());
      trap.CreateIntrinsic(Intrinsic::trap, {}, {})->setDoesNotReturn();
      return;
    }
    BasicBlock *join = skipJoin();
    end->eraseFromParent();
    BranchInst::Create(join, failure)->setDebugLoc(call_.getDebugLoc());
    if (skipResult_)
      skipResult_->addIncoming(skippedResult(), failure);
  }

  // The block right after the call, where skipped calls join; the call's
  // users then see a phi of its result and the skipped calls' values.
  BasicBlock *skipJoin() {
    if (skipJoin_)
      return skipJoin_;
    if (auto *invoke = dyn_cast<InvokeInst>(&call_)) {
      // A block of its own on the normal edge (SplitEdge may return the
      // successor's top half, phis included).
      BasicBlock *normal = invoke->getNormalDest();
      skipJoin_ = BasicBlock::Create(context_, "", invoke->getFunction(), normal);
      BranchInst::Create(normal, skipJoin_)->setDebugLoc(call_.getDebugLoc());
      invoke->setNormalDest(skipJoin_);
      normal->replacePhiUsesWith(invoke->getParent(), skipJoin_);
    } else
      skipJoin_ = SplitBlock(call_.getParent(), call_.getNextNode());
    if (!call_.getType()->isVoidTy() && !call_.use_empty()) {
      IRBuilder<> phi(skipJoin_, skipJoin_->begin());
      skipResult_ = phi.CreatePHI(call_.getType(), 2);
      call_.replaceAllUsesWith(skipResult_);
      skipResult_->addIncoming(&call_, call_.getParent());
    }
    return skipJoin_;
  }

  // A skipped call's result: its destination for a pointer (memcpy,
  // strcpy ... return it), null when nothing is written or null means
  // failure (fgets, getcwd, realpath: Rule::nullOnFailure); -1 (the error
  // value of read, snprintf, open ...) for a signed integer, 0 for an
  // unsigned one (fread: nothing read), as in the GCC plugin.
  Value *skippedResult() {
    Type *type = call_.getType();
    fortify::ResultType kind = fortify::ResultType::Other;
    if (type->isPointerTy())
      kind = fortify::ResultType::Pointer;
    else if (auto *integer = dyn_cast<IntegerType>(type))
      kind = (site_.resultSigned ? *site_.resultSigned : integer->getBitWidth() <= 32)
                 ? fortify::ResultType::SignedInteger
                 : fortify::ResultType::UnsignedInteger;
    const bool destinationFits =
        isPointerArgument(call_, rule_.dest) && argument(rule_.dest)->getType() == type;
    switch (fortify::skippedCallResult(rule_, kind, destinationFits)) {
    case fortify::SkippedResult::Destination:
      return argument(rule_.dest);
    case fortify::SkippedResult::MinusOne:
      return Constant::getAllOnesValue(type);
    case fortify::SkippedResult::Null:
    case fortify::SkippedResult::Zero:
      break;
    }
    return Constant::getNullValue(type);
  }

  // arg(length) [* arg(count)] * elementSize > size, written without the
  // product so that one that wraps is caught too:
  // count != 0 && length > (size / elementSize) / count.
  Value *lengthExceeds(Value *size) {
    Value *length = lengthArgument();
    Value *limit = rule_.elementSize == 1
                       ? size
                       : builder_.CreateUDiv(size, sizeConstant(rule_.elementSize));
    if (!isSet(rule_.count))
      return builder_.CreateICmpUGT(length, limit);
    Value *count = toSize(argument(rule_.count));
    Value *nonzero = builder_.CreateICmpNE(count, sizeConstant(0));
    Value *divisor = builder_.CreateSelect(nonzero, count, sizeConstant(1));
    Value *perCount = builder_.CreateUDiv(limit, divisor);
    return builder_.CreateAnd(nonzero, builder_.CreateICmpUGT(length, perCount));
  }

  bool helpersCallable() {
    switch (rule_.kind) {
    case CheckKind::CopyString:
    case CheckKind::AppendString:
      return isCallable(lengthFunction());
    case CheckKind::AppendBounded:
      return isCallable(lengthFunction()) && isCallable(boundedLengthFunction());
    case CheckKind::MinimumSize:
      return rule_.minimum != fortify::kMinimumIsMbCurMax ||
             isCallable("__ctype_get_mb_cur_max");
    default:
      return true;
    }
  }

  // What arg(dest) must hold: CopyLength, CopyString, Append*, MinimumSize.
  void emitWriteCheck() {
    if (!helpersCallable())
      return;
    beforeCall();
    Value *size = objectSize(site_.objectPointer, site_.subobjectLimit, site_.objectSizeDynamicNow);
    // String lengths, divisions and run-time minimums only run when the
    // size is known, so that an unknown size, once folded to -1, leaves no
    // code behind.
    if (fortify::writeCheckNeedsKnownSize(rule_))
      enterIf(isKnown(size));
    // The size in elements, for the string kinds.
    auto elements = [&]() -> Value * {
      return rule_.elementSize == 1 ? size
                                    : builder_.CreateUDiv(size, sizeConstant(rule_.elementSize));
    };
    Value *overflow = nullptr;
    Amount needed;
    switch (rule_.kind) {
    case CheckKind::CopyLength:
      overflow = lengthExceeds(size);
      needed = lengthInBytes();
      break;
    case CheckKind::CopyString: {
      // (strlen(src) + 1) * elementSize > size.
      Value *limit = elements();
      Value *length = stringLength(argument(rule_.source));
      overflow = builder_.CreateICmpUGE(length, limit);
      needed = [=] { return bytes(plusOne(length), rule_.elementSize); };
      break;
    }
    case CheckKind::AppendString:
    case CheckKind::AppendBounded: {
      Value *limit = elements();
      Value *present = stringLength(argument(rule_.dest));
      Value *added = rule_.kind == CheckKind::AppendString
                         ? stringLength(argument(rule_.source))
                         : boundedStringLength(argument(rule_.source), argument(rule_.length));
      Value *total = builder_.CreateAdd(present, added);
      overflow = builder_.CreateICmpUGE(total, limit);
      needed = [=] { return bytes(plusOne(total), rule_.elementSize); };
      break;
    }
    case CheckKind::MinimumSize: {
      Value *minimum =
          rule_.minimum == fortify::kMinimumIsMbCurMax
              ? static_cast<Value *>(mark(builder_.CreateCall(
                    libraryFunction("__ctype_get_mb_cur_max", sizeType_, {}))))
              : sizeConstant(rule_.minimum);
      // An unknown size (-1, also a null destination) never stops.
      overflow = builder_.CreateICmpULT(size, minimum);
      needed = [=] { return minimum; };
      break;
    }
    case CheckKind::None:
    case CheckKind::FormattedWrite:
    case CheckKind::OpenMode:
    case CheckKind::Unbounded:
      return;
    }
    stopIf(overflow, Problem::Overflow, needed, size);
  }

  // sprintf(d, fmt, ...) with a known size becomes
  //   r = snprintf(d, size, fmt, ...); if (r >= 0 && r >= size) stop;
  // and stays sprintf when the size is unknown. The result is the same as
  // sprintf's whenever the output fits, as with glibc's __sprintf_chk. In
  // report mode a failed check goes on with snprintf's (truncated) output.
  void emitFormattedWrite() {
    auto *call = dyn_cast<CallInst>(&call_);
    if (!call || rule_.boundedSibling.empty() || call->isMustTailCall() ||
        !isCallable({rule_.boundedSibling.data(), rule_.boundedSibling.size()}) ||
        definesItself({rule_.boundedSibling.data(), rule_.boundedSibling.size()}))
      return;
    beforeCall();
    Value *size = objectSize(site_.objectPointer, site_.subobjectLimit, site_.objectSizeDynamicNow);
    Instruction *boundedTerm = nullptr;
    Instruction *plainTerm = nullptr;
    splitIfThenElse(isKnown(size), call->getIterator(), &boundedTerm, &plainTerm,
                    likelyWeights(context_));
    BasicBlock *join = call->getParent();
    call->moveBefore(plainTerm);

    // The sibling's prototype: the call's, with size_t after the destination.
    FunctionType *type = call->getFunctionType();
    unsigned sizeIndex = unsigned(rule_.dest) + 1;
    SmallVector<Type *, 6> parameters(type->params().begin(), type->params().end());
    parameters.insert(parameters.begin() + sizeIndex, sizeType_);
    FunctionCallee sibling = module_.getOrInsertFunction(
        StringRef(rule_.boundedSibling.data(), rule_.boundedSibling.size()),
        FunctionType::get(type->getReturnType(), parameters, type->isVarArg()));
    SmallVector<Value *, 8> arguments(call->args());
    arguments.insert(arguments.begin() + sizeIndex, size);

    // Attributes: the call's, with the parameters after the destination
    // moved one place on; the size is an ordinary noundef value.
    AttributeList original = call->getAttributes();
    SmallVector<AttributeSet, 8> parameterAttributes;
    for (unsigned i = 0; i < call->arg_size(); ++i)
      parameterAttributes.push_back(original.getParamAttrs(i));
    parameterAttributes.insert(
        parameterAttributes.begin() + sizeIndex,
        AttributeSet::get(context_, ArrayRef<Attribute>(
                                        Attribute::get(context_, Attribute::NoUndef))));

    builder_.SetInsertPoint(boundedTerm);
    CallInst *bounded = mark(builder_.CreateCall(sibling, arguments));
    bounded->setAttributes(AttributeList::get(context_, original.getFnAttrs(),
                                              original.getRetAttrs(), parameterAttributes));
    bounded->setCallingConv(call->getCallingConv());
    bounded->setTailCallKind(call->getTailCallKind());
    Value *written = bounded;
    Value *result = toSize(written);
    Value *complete = builder_.CreateICmpSGE(written, ConstantInt::get(written->getType(), 0));
    // The output needed r + 1 bytes (its terminating NUL included).
    stopIf(builder_.CreateAnd(complete, builder_.CreateICmpUGE(result, size)), Problem::Overflow,
           [=] { return plusOne(result); }, size, After::Continue);

    if (!call->getType()->isVoidTy() && !call->use_empty()) {
      builder_.SetInsertPoint(join, join->begin());
      PHINode *merged = builder_.CreatePHI(call->getType(), 2);
      call->replaceAllUsesWith(merged);
      merged->addIncoming(bounded, boundedTerm->getParent());
      merged->addIncoming(call, plainTerm->getParent());
    }
  }

  int formatIndex() const { return site_.formatArgument >= 0 ? site_.formatArgument : rule_.format; }

  // Whether the format argument is a string literal (a constant global,
  // possibly at a constant offset): as in glibc, %n is allowed there.
  bool formatIsLiteral() {
    StringRef text;
    return getConstantStringInfo(argument(formatIndex()), text);
  }

  void emitFormatCheck() {
    if (formatIsLiteral()) {
      recordStatic(Problem::FormatN, kKindSafe);
      return;
    }
    beforeCall();
    Function *scanner = formatScanner(module_);
    Value *hasN = mark(builder_.CreateCall(scanner, {argument(formatIndex())}));
    stopIf(hasN, Problem::FormatN, nullptr, nullptr);
  }

  // open(path, flags) without a mode: flags asking for O_CREAT or O_TMPFILE
  // would create the file with whatever the mode register holds.
  void emitOpenModeCheck() {
    if (int(call_.arg_size()) != rule_.arity) {
      recordStatic(Problem::OpenWithoutMode, kKindSafe);  // a mode is passed
      return;
    }
    Value *flags = argument(rule_.flags);
    auto *type = cast<IntegerType>(flags->getType());
    // The flags are the target's (alpha, hppa, mips and sparc differ from x86).
    uint64_t mask = fortify::openFlagsNeedingMode(module_.getTargetTriple()) & type->getBitMask();
    if (auto *constant = dyn_cast<ConstantInt>(flags)) {
      if (constant->getZExtValue() & mask) {
        // As glibc's headers make it: an error, whatever the options say.
        warnAt(*call_.getFunction(), /*forceError=*/true,
               fortify::provenProblemMessage(
                   describeCall(call_, Problem::OpenWithoutMode, ref(rule_.name)), 0, 0),
               call_.getDebugLoc(), {});
        recordStatic(Problem::OpenWithoutMode, kKindOverflow);
      } else {
        recordStatic(Problem::OpenWithoutMode, kKindSafe);
      }
      return;
    }
    beforeCall();
    Value *masked = builder_.CreateAnd(flags, ConstantInt::get(type, mask));
    stopIf(builder_.CreateICmpNE(masked, ConstantInt::get(type, 0)), Problem::OpenWithoutMode,
           nullptr, nullptr);
  }

  // gets(buf): no bound can be checked. A warning at the call's location
  // (clang prints it as file:line:col: warning: ..., and the compilation
  // goes on).
  void warnUnbounded() {
    warnAt(*call_.getFunction(), /*forceError=*/false, fortify::unboundedMessage(rule_),
           call_.getDebugLoc(), {});
  }

  // Over-reads checked before the call: Length (memcpy's source, write ...),
  // LengthUntilMatch (memchr) and String (strchr: the string must end
  // inside its object).
  void emitReadCheck() {
    if (rule_.read == ReadKind::String && !isCallable("strnlen"))
      return;
    // The bounded rescan is a copy of the call, which an invoke cannot be
    // made in the middle of a block.
    if (rule_.read == ReadKind::LengthUntilMatch && !isa<CallInst>(call_))
      return;
    beforeCall();
    Value *size = objectSize(site_.readPointer, site_.readCountedLimit, site_.readSizeDynamicNow);
    if (rule_.read == ReadKind::LengthUntilMatch) {
      // A bound past the object is valid while a match lies inside it, so
      // only a bound that passes the object is questioned, and only a scan
      // of the object itself that finds nothing proves the call would leave
      // it. The rescan is the call itself, so what matches is exactly what
      // the program asked for.
      if (fortify::readCheckNeedsKnownSize(rule_))
        enterIf(isKnown(size));
      enterIf(lengthExceeds(size));
      Value *elements = rule_.elementSize == 1
                            ? size
                            : builder_.CreateUDiv(size, sizeConstant(rule_.elementSize));
      auto *rescan = cast<CallInst>(call_.clone());
      Value *bound = argument(rule_.length);
      rescan->setArgOperand(rule_.length,
                            builder_.CreateZExtOrTrunc(elements, bound->getType()));
      builder_.Insert(rescan);
      mark(rescan);
      stopIf(builder_.CreateIsNull(rescan), Problem::OverRead, lengthInBytes(), size);
      return;
    }
    if (rule_.read == ReadKind::Length) {
      if (fortify::readCheckNeedsKnownSize(rule_))
        enterIf(isKnown(size));
      stopIf(lengthExceeds(size), Problem::OverRead, lengthInBytes(), size);
      return;
    }
    if (rule_.read == ReadKind::String) {
      enterIf(isKnown(size));
      // strnlen(s, elements) == elements: one more element is read.
      Value *elements = rule_.elementSize == 1
                            ? size
                            : builder_.CreateUDiv(size, sizeConstant(rule_.elementSize));
      Value *length = boundedStringLength(argument(rule_.readArg), elements);
      stopIf(builder_.CreateICmpEQ(length, elements), Problem::OverRead,
             [=] { return bytes(plusOne(length), rule_.elementSize); }, size);
    }
  }

  // strlen(s) = r read r + 1 bytes, strnlen(s, n) = r read min(r + 1, n):
  // stop if that is more than the object holds. Nothing when the result is
  // unused (the call is then usually deleted anyway). In report mode the
  // program goes on: the read has happened.
  void emitStringResultCheck() {
    auto *call = dyn_cast<CallInst>(&call_);
    // A musttail call must stay right before its ret; an invoke's result is
    // only available in its normal successor.
    if (!call || call->isMustTailCall() || call->use_empty() || !call->getType()->isIntegerTy())
      return;
    insertBefore(call->getNextNode());
    Value *size = objectSize(site_.readPointer, site_.readCountedLimit, site_.readSizeDynamicNow);
    Value *result = toSize(call);
    Value *read = builder_.CreateAdd(result, sizeConstant(1));
    if (isSet(rule_.length))
      read = builder_.CreateBinaryIntrinsic(Intrinsic::umin, read, toSize(argument(rule_.length)));
    Value *known = isKnown(size);
    stopIf(builder_.CreateAnd(known, builder_.CreateICmpUGT(read, size)), Problem::OverRead,
           [=] { return bytes(read, rule_.elementSize); }, size, After::Continue);
  }

  const CheckSite &site_;
  const Rule &rule_;
  const fortify::Options &options_;
  CallBase &call_;
  Module &module_;
  LLVMContext &context_;
  IntegerType *sizeType_;
  PointerType *pointerType_;
  IRBuilder<> builder_;
  unsigned checkedKind_;
  MDNode *marker_;
  // The descriptors of this call's checks, by problem.
  std::map<Problem, GlobalVariable *> siteGlobals_;
  // Whether a check was emitted or decided here.
  unsigned recordedProblems_ = 0;  // bit per fortify::Problem recorded as a site
  // Report mode: where skipped calls join, and the phi of the call's result.
  BasicBlock *skipJoin_ = nullptr;
  PHINode *skipResult_ = nullptr;
};

}  // namespace

namespace {

fortify::ValueShape shapeOf(const Type *type) {
  if (type->isVoidTy())
    return {fortify::ValueClass::Void, 0};
  // Address space 0 only: strlen and friends take generic pointers.
  if (type->isPointerTy() && type->getPointerAddressSpace() == 0)
    return {fortify::ValueClass::Pointer, 0};
  if (type->isIntegerTy())
    return {fortify::ValueClass::Integer, type->getIntegerBitWidth()};
  return {};
}

}  // namespace

bool matchesPrototype(const CallBase &call, const Rule &rule, bool isIntrinsic) {
  fortify::CallShape shape;
  shape.intrinsic = isIntrinsic;
  shape.result = shapeOf(call.getType());
  for (const Value *argument : call.args())
    shape.arguments.push_back(shapeOf(argument->getType()));
  const DataLayout &layout = call.getModule()->getDataLayout();
  const fortify::DataModel model{32, layout.getPointerSizeInBits(0)};
  return fortify::matchesSignature(rule, shape, model);
}

void emitCheck(const CheckSite &site, const fortify::Options &options) {
  Emitter(site, options).emit();
}

Value *emitWriteObjectSize(const CheckSite &site, const fortify::Options &options) {
  return Emitter(site, options).writeObjectSize();
}

void recordUncheckedCall(const CallBase &call, const Rule &rule, bool byLibc) {
  recordSite(*const_cast<Module *>(call.getModule()),
             fortify::encodeSite(describeCall(call, fortify::primaryProblem(rule), ref(rule.name))),
             byLibc ? kKindLibc : kKindNone);
}

}  // namespace fortify_llvm
