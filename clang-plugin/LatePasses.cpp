// The passes after instrumentation (issue 5, "tell people what happened"):
// the probe at OptimizerEarlyEP and the finishing pass at OptimizerLastEP.
// See FortifyPass.h and Sites.h.
#include "FortifyPass.h"
#include "CheckEmitter.h"
#include "Sites.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Analysis/InstructionSimplify.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/CFG.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <map>
#include <string>
#include <vector>

using namespace llvm;

namespace fortify_llvm {
namespace {

using fortify::SiteStatus;

std::string_view view(StringRef text) { return {text.data(), text.size()}; }
StringRef ref(std::string_view text) { return {text.data(), text.size()}; }

const std::string &compilerName() {
  static const std::string name = "clang " LLVM_VERSION_STRING;
  return name;
}

// A diagnostic of the plugin's own kind, without a location: the notes after
// a proven overflow ("inlined from ...") and errors about the report file.
// Clang prints it as "note: ..." / "error: ...".
class FortifyDiagnostic : public DiagnosticInfo {
public:
  FortifyDiagnostic(DiagnosticSeverity severity, const std::string &text)
      : DiagnosticInfo(kind(), severity), text_(text) {}
  void print(DiagnosticPrinter &printer) const override { printer << text_; }
  static int kind() {
    static const int id = getNextAvailablePluginDiagnosticKind();
    return id;
  }

private:
  std::string text_;
};

// ---------------------------------------------------------------------------
// The probe: is the object size a check compares against unknown?

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
      case Intrinsic::umin:  // umin(objectsize, subobject limit)
        return mayBeUnknown(intrinsic->getArgOperand(0), depth + 1) &&
               mayBeUnknown(intrinsic->getArgOperand(1), depth + 1);
      default:
        return false;
      }
    }
    if (auto *select = dyn_cast<SelectInst>(size))
      return mayBeUnknown(select->getTrueValue(), depth + 1) ||
             mayBeUnknown(select->getFalseValue(), depth + 1);
    if (auto *phi = dyn_cast<PHINode>(size)) {
      for (Value *incoming : phi->incoming_values())
        if (mayBeUnknown(incoming, depth + 1))
          return true;
      return false;
    }
    if (auto *binary = dyn_cast<BinaryOperator>(size))
      if (binary->getOpcode() == Instruction::UDiv || binary->getOpcode() == Instruction::LShr)
        return mayBeUnknown(binary->getOperand(0), depth + 1);
    return false;  // a value computed at run time
  }

  bool objectSizeUnknown(IntrinsicInst *call) {
    Value *size = nullptr;
    if (lowered_ && lowered_->count(call)) {
      size = lowered_->lookup(call);
    } else {
      SmallVector<Instruction *, 8> inserted;
      size = lowerObjectSizeCall(call, layout_, &libraries_, /*AA=*/nullptr,
                                 /*MustSucceed=*/false, &inserted);
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

void failureCalls(Function &function, SmallVectorImpl<CallBase *> &calls) {
  for (Instruction &instruction : instructions(function))
    if (auto *call = dyn_cast<CallBase>(&instruction))
      if (isFailureCall(*call))
        calls.push_back(call);
}

// The descriptors of the markers in `function` whose size may be unknown.
void probeFunction(Function &function, const TargetLibraryInfo &libraries,
                   const DenseMap<Value *, Value *> *lowered, SetVector<StringRef> &unknown) {
  SmallVector<CallBase *, 8> calls;
  failureCalls(function, calls);
  if (calls.empty())
    return;
  SizeProbe probe(function.getParent()->getDataLayout(), libraries, lowered);
  for (CallBase *call : calls) {
    if (!probe.mayBeUnknown(call->getArgOperand(2)))
      continue;
    SmallVector<StringRef, 2> texts;
    descriptorTexts(call->getArgOperand(0), texts);
    for (StringRef text : texts)
      unknown.insert(text);
  }
}

void recordUnknown(Module &module, const SetVector<StringRef> &unknown) {
  if (unknown.empty())
    return;
  LLVMContext &context = module.getContext();
  NamedMDNode *list = module.getOrInsertNamedMetadata(kUnknownMetadata);
  StringSet<> present;
  for (MDNode *node : list->operands())
    if (node->getNumOperands() == 1)
      if (auto *text = dyn_cast<MDString>(node->getOperand(0)))
        present.insert(text->getString());
  for (StringRef text : unknown)
    if (present.insert(text).second)
      list->addOperand(MDNode::get(context, {MDString::get(context, text)}));
}

// The plugin's own llvm.objectsize calls (marked), in `function`.
void ownObjectSizes(Function &function, SmallVectorImpl<IntrinsicInst *> &sizes) {
  unsigned checkedKind = function.getContext().getMDKindID(kCheckedMetadata);
  for (Instruction &instruction : instructions(function))
    if (auto *intrinsic = dyn_cast<IntrinsicInst>(&instruction))
      if (intrinsic->getIntrinsicID() == Intrinsic::objectsize &&
          intrinsic->getMetadata(checkedKind))
        sizes.push_back(intrinsic);
}

// As LowerConstantIntrinsics does: replaces the call by its value, simplifies
// what depends on it, and turns branches that became constant into plain
// ones. Returns whether blocks became unreachable.
bool replaceAndFold(Instruction *call, Value *value) {
  SmallSetVector<Instruction *, 8> unsimplified;
  replaceAndRecursivelySimplify(call, value, nullptr, nullptr, nullptr, &unsimplified);
  SmallVector<WeakVH, 8> worklist(unsimplified.begin(), unsimplified.end());
  bool deadBlocks = false;
  for (WeakVH &handle : worklist) {
    auto *branch = dyn_cast_or_null<BranchInst>(handle);
    if (!branch || branch->isUnconditional())
      continue;
    auto *condition = dyn_cast<ConstantInt>(branch->getCondition());
    if (!condition)
      continue;
    BasicBlock *target = branch->getSuccessor(condition->isZero() ? 1 : 0);
    BasicBlock *other = branch->getSuccessor(condition->isZero() ? 0 : 1);
    if (target == other)
      continue;
    BasicBlock *source = branch->getParent();
    other->removePredecessor(source);
    BranchInst::Create(target, source)->setDebugLoc(branch->getDebugLoc());
    branch->eraseFromParent();
    deadBlocks |= pred_empty(other);
  }
  return deadBlocks;
}

// At -O0 nothing folds strlen("hello") either (GCC does, even at -O0): the
// checks' own string lengths of constant strings become constants, so that
// `strcpy(name, "hello")` into char[4] is known to fail as at -O1.
bool foldOwnStringLengths(Function &function) {
  unsigned checkedKind = function.getContext().getMDKindID(kCheckedMetadata);
  SmallVector<std::pair<CallInst *, uint64_t>, 4> constants;
  for (Instruction &instruction : instructions(function)) {
    auto *call = dyn_cast<CallInst>(&instruction);
    if (!call || !call->getMetadata(checkedKind) || call->arg_size() != 1 ||
        !call->getType()->isIntegerTy() || !call->getCalledFunction())
      continue;
    StringRef name = call->getCalledFunction()->getName();
    unsigned characterBits = name == "strlen" ? 8 : name == "wcslen" ? 32 : 0;
    if (!characterBits)
      continue;
    // The length plus one, or 0 when it cannot be told.
    if (uint64_t withNul = GetStringLength(call->getArgOperand(0), characterBits))
      constants.push_back({call, withNul - 1});
  }
  bool deadBlocks = false;
  for (auto [call, length] : constants) {
    Value *value = ConstantInt::get(call->getType(), length);
    WeakVH handle(call);  // null if simplification erased the call
    deadBlocks |= replaceAndFold(call, value);
    if (auto *left = dyn_cast_or_null<CallInst>(handle); left && left->use_empty())
      left->eraseFromParent();
  }
  return deadBlocks;
}

// ---------------------------------------------------------------------------
// Site states.

struct SiteState {
  fortify::SiteDescriptor descriptor;
  bool instrumented = false;   // a check with a failure path was inserted
  bool checkedByLibc = false;  // the C library's own fortify checks it
  bool staticallySafe = false; // proven fine without code
  bool provenAtInstrumentation = false;  // open(O_CREAT) without a mode
  bool observed = false;       // a failure path survived, or the probe saw it
  SiteStatus observedStatus = SiteStatus::Safe;
  bool diagnosed = false;

  void observe(SiteStatus status) {
    observedStatus = observed ? fortify::combineStatus(observedStatus, status) : status;
    observed = true;
  }

  // As the GCC plugin decides (gcc-plugin/site-registry.cpp).
  SiteStatus status() const {
    if (checkedByLibc)
      return SiteStatus::Checked;
    if (provenAtInstrumentation)
      return SiteStatus::Overflow;
    if (staticallySafe)
      return SiteStatus::Safe;
    if (!instrumented)
      return SiteStatus::Unknown;
    return observed ? observedStatus : SiteStatus::Safe;
  }
};

class SiteTable {
public:
  explicit SiteTable(Module &module) {
    if (NamedMDNode *list = module.getNamedMetadata(kSitesMetadata))
      for (MDNode *node : list->operands()) {
        if (node->getNumOperands() != 2)
          continue;
        auto *text = dyn_cast<MDString>(node->getOperand(0));
        auto *kind = dyn_cast<MDString>(node->getOperand(1));
        if (!text || !kind)
          continue;
        SiteState *state = find(text->getString());
        if (!state)
          continue;
        StringRef name = kind->getString();
        if (name == kKindCheck)
          state->instrumented = true;
        else if (name == kKindLibc)
          state->checkedByLibc = true;
        else if (name == kKindSafe)
          state->staticallySafe = true;
        else if (name == kKindOverflow)
          state->provenAtInstrumentation = true;
      }
    if (NamedMDNode *list = module.getNamedMetadata(kUnknownMetadata))
      for (MDNode *node : list->operands())
        if (node->getNumOperands() == 1)
          if (auto *text = dyn_cast<MDString>(node->getOperand(0)))
            if (SiteState *state = find(text->getString())) {
              state->instrumented = true;
              state->observe(SiteStatus::Unknown);
            }
  }

  // The site of a descriptor text, added when new; null when the text is
  // not a descriptor.
  SiteState *find(StringRef text) {
    auto found = sites_.find(text.str());
    if (found != sites_.end())
      return &found->second;
    SiteState state;
    if (!fortify::decodeSite(view(text), state.descriptor))
      return nullptr;
    return &(sites_[text.str()] = state);
  }

  MapVector<std::string, SiteState, std::map<std::string, unsigned>> &sites() { return sites_; }

private:
  MapVector<std::string, SiteState, std::map<std::string, unsigned>> sites_;
};

// ---------------------------------------------------------------------------
// A surviving failure path: a run-time check, or one that always fails.

// Whether the marker's block is still entered through its check's own test
// (the branch the emitter tagged, or one at the marker's very location). On
// the failure path the optimisers substitute what the path condition
// implies (a length known to be 1 or 2 fails `size < len + 1` with size 2
// only as len = 2): constant sizes there prove nothing while the test is
// there. Only a test that folded makes the failure certain once reached.
bool guardedByItsCheck(const CallBase &marker) {
  unsigned checkKind = marker.getContext().getMDKindID(kCheckBranchMetadata);
  const DebugLoc &where = marker.getDebugLoc();
  const BasicBlock *block = marker.getParent();
  for (unsigned depth = 0; block && depth < 8; ++depth) {
    const BasicBlock *single = nullptr;
    unsigned count = 0;
    for (const BasicBlock *predecessor : predecessors(block)) {
      const Instruction *terminator = predecessor->getTerminator();
      bool conditional = terminator->getNumSuccessors() > 1;
      if (conditional && (terminator->getMetadata(checkKind) ||
                          (where && terminator->getDebugLoc() == where)))
        return true;
      single = !conditional ? predecessor : nullptr;
      ++count;
    }
    // Through a chain of blocks entered unconditionally.
    block = count == 1 ? single : nullptr;
  }
  return false;
}

SiteStatus statusOf(const CallBase &marker, const fortify::SiteDescriptor &site,
                    const ConstantInt *needed, const ConstantInt *available) {
  if (available && available->isMinusOne())
    return SiteStatus::Unknown;
  if (guardedByItsCheck(marker))
    return SiteStatus::Checked;
  // The test folded: the failure is certain once reached. Problems with
  // sizes need them as constants for the message (a length known only to
  // be in a range that does not fit stays a run-time check).
  bool hasSizes = site.problem == fortify::Problem::Overflow ||
                  site.problem == fortify::Problem::OverRead;
  if (!hasSizes)
    return SiteStatus::Overflow;
  if (needed && available && needed->getValue().ugt(available->getValue()))
    return SiteStatus::Overflow;
  return SiteStatus::Checked;
}

// ---------------------------------------------------------------------------
// The compile-time diagnostic for a check that always fails when reached.

std::string functionName(const DISubprogram *subprogram) {
  if (!subprogram)
    return "<unknown>";
  if (!subprogram->getLinkageName().empty())
    return demangle(view(subprogram->getLinkageName()));
  return subprogram->getName().str();
}

void diagnoseOverflow(CallBase &call, const fortify::SiteDescriptor &site, uint64_t needed,
                      uint64_t available, bool werror) {
  LLVMContext &context = call.getContext();
  const std::string message = fortify::provenProblemMessage(site, needed, available);
  context.diagnose(DiagnosticInfoUnsupported(*call.getFunction(), message, call.getDebugLoc(),
                                             werror ? DS_Error : DS_Warning));
  // Where the function containing the call was inlined, innermost first (as
  // GCC's "inlined from" lines). Clang cannot attach a location to a note
  // from the back end: the location is in the text.
  const DILocation *location = call.getDebugLoc().get();
  for (const DILocation *at = location ? location->getInlinedAt() : nullptr; at;
       at = at->getInlinedAt()) {
    const std::string note = "inlined from '" + functionName(at->getScope()->getSubprogram()) +
                             "' at " +
                             fortify::formatLocation(view(at->getFilename()), at->getLine(),
                                                     at->getColumn());
    context.diagnose(FortifyDiagnostic(DS_Note, note));
  }
}

// ---------------------------------------------------------------------------
// Lowering of the failure markers.

// Whether `name` can only mean the C library's function: a module that
// defines its own `write` (a static helper, or libc itself) would have
// abort mode call that instead. The GCC plugin makes the same choice.
bool isLibraryFunction(Module &module, StringRef name) {
  GlobalValue *value = module.getNamedValue(name);
  if (!value)
    return true;
  auto *function = dyn_cast<Function>(value);
  return function && function->isDeclaration() && !function->hasLocalLinkage();
}

class MarkerLowering {
public:
  MarkerLowering(Module &module, const fortify::Options &options)
      : module_(module), options_(options), context_(module.getContext()),
        sizeType_(module.getDataLayout().getIntPtrType(context_)),
        checkedKind_(context_.getMDKindID(kCheckedMetadata)),
        marker_(MDNode::get(context_, {})) {}

  // __fortify_fail(site, needed, available) becomes a trap, or in abort
  // mode write(2, "fortify: buffer overflow in memcpy at x.c:12:5\n") and
  // abort(): the message of the site's problem (fortify::abortMessage).
  void lower(CallBase &call) {
    IRBuilder<> builder(&call);
    builder.SetCurrentDebugLocation(call.getDebugLoc());
    SmallVector<StringRef, 2> texts;
    descriptorTexts(call.getArgOperand(0), texts);
    fortify::SiteDescriptor site;
    bool named = texts.size() == 1 && fortify::decodeSite(view(texts.front()), site);
    if (options_.mode == fortify::FailureMode::Abort && isLibraryFunction(module_, "write") &&
        isLibraryFunction(module_, "abort")) {
      std::string message =
          named ? fortify::abortMessage(site.problem, site.function, site.file, site.line,
                                        site.column)
                : std::string("fortify: buffer overflow detected\n");
      GlobalVariable *&text = messages_[message];
      if (!text)
        text = builder.CreateGlobalString(message, "fortify.message", 0, &module_);
      PointerType *pointer = PointerType::getUnqual(context_);
      mark(builder.CreateCall(
          module_.getOrInsertFunction(
              "write", FunctionType::get(sizeType_, {builder.getInt32Ty(), pointer, sizeType_},
                                         false)),
          {builder.getInt32(2), text, ConstantInt::get(sizeType_, message.size())}));
      CallInst *abort = mark(builder.CreateCall(
          module_.getOrInsertFunction("abort", FunctionType::get(builder.getVoidTy(), false))));
      abort->setDoesNotReturn();
    } else {
      builder.CreateIntrinsic(Intrinsic::trap, {}, {})->setDoesNotReturn();
    }
    // What only the marker used (the bytes needed) goes with it.
    SmallVector<WeakTrackingVH, 2> operands(call.arg_begin(), call.arg_end());
    call.eraseFromParent();
    for (WeakTrackingVH &operand : operands)
      if (auto *instruction = dyn_cast_or_null<Instruction>(operand))
        RecursivelyDeleteTriviallyDeadInstructions(instruction);
  }

private:
  CallInst *mark(CallInst *call) {
    call->setMetadata(checkedKind_, marker_);
    return call;
  }

  Module &module_;
  const fortify::Options &options_;
  LLVMContext &context_;
  IntegerType *sizeType_;
  unsigned checkedKind_;
  MDNode *marker_;
  std::map<std::string, GlobalVariable *> messages_;
};

void addNote(Module &module, const fortify::Options &options,
             const fortify::StatusCounts &counts) {
  const std::string bytes = fortify::noteBytes(
      fortify::notePayload(FORTIFY_VERSION, compilerName(), options, counts));
  Constant *contents = ConstantDataArray::getString(module.getContext(), bytes, false);
  auto *note = new GlobalVariable(module, contents->getType(), /*isConstant=*/true,
                                  GlobalValue::PrivateLinkage, contents, "fortify.note");
  note->setSection(ref(fortify::kNoteSectionName));
  note->setAlignment(Align(4));
  appendToCompilerUsed(module, {note});
}

}  // namespace

PreservedAnalyses FortifyProbePass::run(Module &module, ModuleAnalysisManager &analyses) {
  if (module.getNamedMetadata(kFinishedMetadata))
    return PreservedAnalyses::all();
  FunctionAnalysisManager &functions =
      analyses.getResult<FunctionAnalysisManagerModuleProxy>(module).getManager();
  SetVector<StringRef> unknown;
  for (Function &function : module)
    if (!function.isDeclaration())
      probeFunction(function, functions.getResult<TargetLibraryAnalysis>(function), nullptr,
                    unknown);
  // Strings live in the module's descriptor globals, still alive here.
  recordUnknown(module, unknown);
  // Dynamic sizes may have left dead instructions (erased where recorded),
  // and the named metadata changed: nothing an analysis caches.
  return unknown.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}

PreservedAnalyses FortifyFinishPass::run(Module &module, ModuleAnalysisManager &analyses) {
  FunctionAnalysisManager &functions =
      analyses.getResult<FunctionAnalysisManagerModuleProxy>(module).getManager();
  const bool finished = module.getNamedMetadata(kFinishedMetadata) != nullptr;
  bool changed = false;

  // 1. Sizes still unfolded (-O0, optnone functions, the ThinLTO pre-link
  // pipeline): probe them and, at -O0, lower them as LowerConstantIntrinsics
  // would, so that a check that folds leaves no code.
  SetVector<StringRef> unknown;
  for (Function &function : module) {
    if (function.isDeclaration())
      continue;
    SmallVector<IntrinsicInst *, 8> sizes;
    ownObjectSizes(function, sizes);
    if (sizes.empty())
      continue;
    const TargetLibraryInfo &libraries = functions.getResult<TargetLibraryAnalysis>(function);
    if (!lowerSizes_) {
      probeFunction(function, libraries, nullptr, unknown);
      continue;
    }
    DenseMap<Value *, Value *> lowered;
    for (IntrinsicInst *size : sizes)
      lowered[size] = lowerObjectSizeCall(size, module.getDataLayout(), &libraries,
                                          /*AA=*/nullptr, /*MustSucceed=*/true);
    probeFunction(function, libraries, &lowered, unknown);
    bool deadBlocks = false;
    for (IntrinsicInst *size : sizes)
      deadBlocks |= replaceAndFold(size, lowered[size]);
    deadBlocks |= foldOwnStringLengths(function);
    if (deadBlocks)
      removeUnreachableBlocks(function);
    functions.invalidate(function, PreservedAnalyses::none());
    changed = true;
  }
  recordUnknown(module, unknown);

  // 2. What survived: a failure path with constant sizes that do not fit
  // always fails when reached; any other is a run-time check.
  SiteTable table(module);
  std::vector<CallBase *> markers;
  for (Function &function : module) {
    if (function.isDeclaration())
      continue;
    SmallVector<CallBase *, 8> calls;
    failureCalls(function, calls);
    for (CallBase *call : calls) {
      SmallVector<StringRef, 2> texts;
      descriptorTexts(call->getArgOperand(0), texts);
      auto *needed = dyn_cast<ConstantInt>(call->getArgOperand(1));
      auto *available = dyn_cast<ConstantInt>(call->getArgOperand(2));
      for (StringRef text : texts) {
        SiteState *state = table.find(text);
        if (!state)
          continue;
        state->instrumented = true;
        SiteStatus status = statusOf(*call, state->descriptor, needed, available);
        // A failure path shared by several sites proves nothing about one.
        if (status == SiteStatus::Overflow && texts.size() != 1)
          status = SiteStatus::Checked;
        state->observe(status);
        // Once per site, however many copies inlining or unrolling made.
        if (status == SiteStatus::Overflow && !state->diagnosed && !finished) {
          auto value = [](const ConstantInt *number) {
            return number ? number->getZExtValue() : uint64_t(0);
          };
          diagnoseOverflow(*call, state->descriptor, value(needed), value(available),
                           options_.werror);
          state->diagnosed = true;
        }
      }
      if (isFailMarker(*call))
        markers.push_back(call);
    }
  }

  // 3. The markers become what the mode says; __fortify_report calls stay
  // (the runtime's entry point).
  MarkerLowering lowering(module, options_);
  for (CallBase *call : markers)
    lowering.lower(*call);
  changed |= !markers.empty();
  for (GlobalVariable &global : make_early_inc_range(module.globals()))
    if (global.getName().starts_with(kSiteGlobalName) && global.use_empty() &&
        global.hasPrivateLinkage()) {
      global.eraseFromParent();
      changed = true;
    }
  if (Function *marker = module.getFunction(ref(fortify::kFailMarkerName)))
    if (marker->isDeclaration() && marker->use_empty())
      marker->eraseFromParent();

  if (finished)
    return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();

  // 4. Coverage records and the note, once per module.
  fortify::StatusCounts counts;
  std::vector<fortify::CoverageRecord> records;
  for (auto &[text, state] : table.sites()) {
    // The note counts the checks glibc makes too (not over-reads).
    if (fortify::isHeadlineCheck(state.descriptor.problem))
      counts.add(state.status());
    fortify::CoverageRecord record;
    record.compiler = compilerName();
    record.translationUnit = module.getSourceFileName();
    record.site = state.descriptor;
    record.status = state.status();
    record.level = options_.level;
    records.push_back(std::move(record));
  }
  if (!options_.reportPath.empty()) {
    std::string error;
    if (!fortify::appendCoverageRecords(options_.reportPath, records, error))
      module.getContext().diagnose(FortifyDiagnostic(DS_Error, error));
  }
  addNote(module, options_, counts);
  for (const char *name : {kSitesMetadata, kUnknownMetadata})
    if (NamedMDNode *list = module.getNamedMetadata(name))
      module.eraseNamedMetadata(list);
  module.getOrInsertNamedMetadata(kFinishedMetadata);
  return PreservedAnalyses::none();
}

}  // namespace fortify_llvm
