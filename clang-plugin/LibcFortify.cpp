// The plugin beside the C library's fortify (LibcFortify.h says how).
// Tightening glibc's own size instead of adding a check of the plugin's keeps
// one check per call and the `__*_chk` imports that hardening tools look for,
// while the call gets every size the plugin alone would have used.
#include "LibcFortify.h"
#include "ChkCalls.h"
#include "Strings.h"

#include "FortifyPass.h"
#include "FrontendFacts.h"
#include "SizeProbe.h"
#include "Sites.h"
#include "llvm-compat.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Analysis/InlineCost.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

using namespace llvm;

namespace fortify_llvm {
namespace {

using fortify::Fortifier;


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
    } else if (!isa<LoadInst>(user) && !isLifetimeMarker(*user)) {
      return nullptr;
    }
  }
  return stored;
}

// The value a load reads from a local slot stored exactly once (a wrapper
// keeping its size in a variable, `size_t sz = __glibc_objsize0 (p)`).
const Value *storedOnce(const LoadInst &load) {
  const auto *slot = dyn_cast<AllocaInst>(load.getPointerOperand()->stripPointerCasts());
  if (!slot)
    return nullptr;
  const Value *stored = nullptr;
  for (const User *user : slot->users()) {
    if (const auto *store = dyn_cast<StoreInst>(user)) {
      if (store->getPointerOperand() != slot || stored)
        return nullptr;
      stored = store->getValueOperand();
    } else if (!isa<LoadInst>(user) && !isLifetimeMarker(*user)) {
      return nullptr;
    }
  }
  return stored;
}

// Through what turns a byte size into the unit a checked entry point takes
// (wide functions count elements) or into another integer type, and through
// the local variable an unoptimised wrapper keeps it in.
const Value *throughScaling(const Value *value) {
  for (unsigned depth = 0; depth < 8; ++depth) {
    if (const auto *cast = dyn_cast<CastInst>(value)) {
      value = cast->getOperand(0);
      continue;
    }
    if (const auto *load = dyn_cast<LoadInst>(value))
      if (const Value *stored = storedOnce(*load)) {
        value = stored;
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

// At level 3 the size the call was given is the dynamic size: umin of the
// library's static query and the plugin's, which asks for the static size
// until inlining is done (DynamicSizes.cpp). Two such queries about the
// same pointer (the library's type 0 and the plugin's, for the mem
// functions) are identical, and CSE merges them, dropping the plugin's tag
// with the metadata it does not know: the call itself carries the tag, so
// that the switch finds the queries in its size argument (the call is
// never merged).
void askDynamicSize(CallBase &call, int sizeArgument, const fortify::Options &options) {
  if (sizeArgument >= 0 && fortify::usesDynamicSizes(options))
    call.setMetadata(kDynamicSizeMetadata, emptyNode(call.getContext()));
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
  // Merging two calls (fread's wrapper calls __fread_chk on two branches)
  // drops metadata LLVM does not know, and with it what the call stands for.
  call.setCannotMerge();
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

// The over-read checks of a call the C library checks the write of, and
// its %n check where the library makes none.
void emitReadChecks(const CheckSite &site, const fortify::Options &options) {
  if (!site.readPointer &&
      (site.formatCheckedByLibc || !fortify::checksFormat(*site.rule, options.level)))
    return;
  CheckSite reads = site;
  reads.objectPointer = nullptr;
  reads.subobjectLimit.reset();
  reads.writeCheckedByLibc = true;
  emitCheck(reads, options);
}

// Where glibc's checked entry point of `rule` takes the object's size: right
// before the format for the formatted writes (`__sprintf_chk(s, flag, size,
// format, ...)`, `__snprintf_chk(s, n, flag, size, format, ...)`), else
// appended to the function's own arguments, in bytes when the rule counts
// bytes. -1 when neither.
int checkedSizeArgument(const fortify::Rule &rule, const CallBase &call) {
  int index = -1;
  if (rule.format != fortify::kNoArg && checksWrite(rule))
    index = rule.format + 1;
  else if (!rule.variadic && int(call.arg_size()) == rule.arity + 1 && checksWrite(rule) &&
           rule.elementSize == 1 && rule.count == fortify::kNoArg)
    index = rule.arity;
  if (index >= int(call.arg_size()) ||
      (index >= 0 && !call.getArgOperand(index)->getType()->isIntegerTy()))
    return -1;
  return index;
}

// Where a checked entry point of glibc's printf family takes its flag (the
// rule's own format position: `__printf_chk(flag, format)`,
// `__sprintf_chk(s, flag, size, format)`) and its format (after the flag,
// and after the size for those that write); -1 without a format.
int checkedFlagArgument(const fortify::Rule &checked) { return checked.format; }
int checkedFormatArgument(const fortify::Rule &checked) {
  return checked.format < 0 ? -1 : checked.format + 1 + (checksWrite(checked) ? 1 : 0);
}

// Whether glibc's checked entry point looks for %n itself: its flag is
// _FORTIFY_SOURCE - 1, and only a flag above 0 turns the check on.
bool libcChecksFormat(const CallBase &call) {
  const Function *callee = call.getCalledFunction();
  const fortify::Rule *checked =
      callee ? fortify::findRuleByCheckedName(view(callee->getName())) : nullptr;
  if (!checked || checked->format < 0 || unsigned(checkedFlagArgument(*checked)) >= call.arg_size())
    return true;
  auto *flag = dyn_cast<ConstantInt>(call.getArgOperand(checkedFlagArgument(*checked)));
  return !flag || !flag->isZero();
}

// A `__*_chk` call that stands for a call site.
struct LibcCheckCall {
  CallBase *call;
  MDString *descriptor;
  int sizeArgument;
  bool tightened;
};

// The sites glibc's checks stand for, by source location: LLVM rewrites a
// checked call into another (`__strcpy_chk` of a constant string into
// `__memcpy_chk`), dropping its tag but keeping its location.
class LibcSiteLocations {
public:
  explicit LibcSiteLocations(Module &module) {
    NamedMDNode *list = module.getNamedMetadata(kSitesMetadata);
    if (!list)
      return;
    for (MDNode *node : list->operands()) {
      if (node->getNumOperands() != 2)
        continue;
      auto *text = dyn_cast<MDString>(node->getOperand(0));
      auto *kind = dyn_cast<MDString>(node->getOperand(1));
      fortify::SiteDescriptor site;
      if (!text || !kind || kind->getString() != kKindLibcCheck ||
          !fortify::decodeSite(view(text->getString()), site) || !site.line)
        continue;
      std::string key = site.file + ":" + std::to_string(site.line) + ":" +
                        std::to_string(site.column);
      auto [entry, inserted] = byLocation_.try_emplace(key, text);
      if (!inserted && entry->second != text)
        entry->second = nullptr;  // two sites at one location: neither
    }
  }

  // The call rewritten sits in the inlined wrapper body: its own location
  // is in the header, the call site's is further up the inlinedAt chain.
  MDString *find(const DILocation *location) const {
    for (; location && !byLocation_.empty(); location = location->getInlinedAt()) {
      std::string key = sourceFileName(*location) + ":" +
                        std::to_string(location->getLine()) + ":" +
                        std::to_string(location->getColumn());
      if (auto found = byLocation_.find(key); found != byLocation_.end())
        return found->second;
    }
    return nullptr;
  }

private:
  std::map<std::string, MDString *> byLocation_;
};

// The size argument a !fortify.libc tag names (tagCheckedCall), or null.
ConstantInt *taggedSizeArgumentOf(const MDNode &tag) {
  return tag.getNumOperands() == 3 && isa<MDString>(tag.getOperand(0))
             ? mdconst::dyn_extract<ConstantInt>(tag.getOperand(1))
             : nullptr;
}

void collectLibcChecks(Function &function, const LibcSiteLocations &locations,
                       SmallVectorImpl<LibcCheckCall> &checks) {
  const unsigned tagKind = function.getContext().getMDKindID(kLibcCheckMetadata);
  for (Instruction &instruction : instructions(function)) {
    auto *call = dyn_cast<CallBase>(&instruction);
    if (!call)
      continue;
    if (MDNode *tag = call->getMetadata(tagKind)) {
      auto *argument = taggedSizeArgumentOf(*tag);
      auto *descriptor = argument ? cast<MDString>(tag->getOperand(0)) : nullptr;
      auto *tightened = descriptor ? mdconst::dyn_extract<ConstantInt>(tag->getOperand(2)) : nullptr;
      if (descriptor && argument && tightened)
        checks.push_back({call, descriptor, int(argument->getSExtValue()), tightened->isOne()});
      continue;
    }
    const Function *callee = call->getCalledFunction();
    const fortify::Rule *rule =
        callee ? fortify::findRuleByCheckedName(view(callee->getName())) : nullptr;
    if (!rule)
      continue;
    MDString *descriptor = locations.find(call->getDebugLoc().get());
    int argument = descriptor ? checkedSizeArgument(*rule, *call) : -1;
    if (argument < 0)
      continue;
    // Only libc-check sites are found by location, tightened as a rule;
    // folding may have merged the two sizes already.
    checks.push_back({call, descriptor, argument, /*tightened=*/true});
  }
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
Fortifier knownBy(const LibcCheckCall &check, const DataLayout &layout,
                  const TargetLibraryInfo &libraries, bool &attributed) {
  attributed = true;
  CallBase &call = *check.call;
  // mode=chk: the plugin's own call, with the plugin's size alone.
  const bool pluginsOwn = call.getMetadata(kChkEntryMetadata) != nullptr;
  if (check.sizeArgument < 0 || unsigned(check.sizeArgument) >= call.arg_size())
    return pluginsOwn ? Fortifier::Plugin : Fortifier::Libc;  // no size (a format check)
  if (pluginsOwn) {
    Value *size = call.getArgOperand(check.sizeArgument);
    if (auto *constant = dyn_cast<ConstantInt>(size))
      return constant->isMinusOne() ? Fortifier::None : Fortifier::Plugin;
    return sizeMayBeUnknown(size, layout, libraries) ? Fortifier::None : Fortifier::Plugin;
  }
  unsigned sizeKind = call.getContext().getMDKindID(kLibcSizeMetadata);
  Value *size = const_cast<Value *>(throughScaling(call.getArgOperand(check.sizeArgument)));
  auto known = [&](Value *value) {
    if (auto *constant = dyn_cast<ConstantInt>(value))
      return !constant->isMinusOne();
    return !sizeMayBeUnknown(value, layout, libraries);
  };
  auto *both = dyn_cast<IntrinsicInst>(size);
  if (both && both->getIntrinsicID() == Intrinsic::umin && both->getMetadata(sizeKind)) {
    Value *first = both->getArgOperand(0);
    Value *second = both->getArgOperand(1);
    // Created as umin(glibc's, the plugin's), but folding may have swapped
    // them (constants go last): tell them apart by origin where one shows
    // it, a query of the plugin's (marked) or of glibc's (unmarked).
    auto isLibcQuery = [](Value *value) {
      return isObjectSizeQuery(value) && !cast<Instruction>(value)->getMetadata(kCheckedMetadata);
    };
    bool swapped = isPluginSize(first) || (!isPluginSize(second) && isLibcQuery(second));
    Value *plugin = swapped ? first : second;
    Value *libc = swapped ? second : first;
    unsigned bits = (known(plugin) ? 1u : 0u) | (known(libc) ? 2u : 0u);
    return Fortifier(bits);
  }
  if (!known(size))
    return Fortifier::None;
  if (!check.tightened)
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

void tagChkEntryCall(CallBase &entry, const std::string &descriptor, int sizeArgument) {
  tagCheckedCall(entry, descriptor, sizeArgument, /*tightened=*/sizeArgument >= 0);
  recordSite(*entry.getModule(), descriptor, kKindLibcCheck);
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

  // The format is the wrapper's argument, as the function's own.
  CheckSite atCall = site;
  for (Instruction &instruction : instructions(*wrapper))
    if (auto *inner = dyn_cast<CallBase>(&instruction))
      if (!libcChecksFormat(*inner))
        atCall.formatCheckedByLibc = false;
  emitReadChecks(atCall, options);
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
    askDynamicSize(*checked, sizeArgument, options);
    sized |= sizeArgument >= 0;
  }
  recordSite(module, descriptor, sized ? kKindLibcCheck : kKindLibc);
  return true;
}

void fortifyCheckedCall(const CheckSite &site, const fortify::Options &options) {
  CallBase &call = *site.call;
  const fortify::Rule &rule = *site.rule;
  const std::string descriptor = descriptorOf(call, rule);
  const int sizeArgument = checkedSizeArgument(rule, call);
  const bool appended = !rule.variadic && int(call.arg_size()) == rule.arity + 1;
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
  CheckSite checks = site;
  if (!appended || !isa<CallInst>(call))
    checks.readPointer = nullptr;
  if (!libcChecksFormat(call)) {
    const fortify::Rule *checked =
        fortify::findRuleByCheckedName(view(call.getCalledFunction()->getName()));
    int format = checked ? checkedFormatArgument(*checked) : -1;
    if (format >= 0 && unsigned(format) < call.arg_size() &&
        call.getArgOperand(format)->getType()->isPointerTy()) {
      checks.formatCheckedByLibc = false;
      checks.formatArgument = format;
    }
  }
  emitReadChecks(checks, options);
  tagCheckedCall(call, descriptor, sizeArgument, tightened);
  if (tightened)
    askDynamicSize(call, sizeArgument, options);
  recordSite(*call.getModule(), descriptor, sizeArgument >= 0 ? kKindLibcCheck : kKindLibc);
}

void provenLibcOverflows(Module &module, SmallVectorImpl<ProvenLibcOverflow> &proven) {
  LibcSiteLocations locations(module);
  for (Function &function : module) {
    if (function.isDeclaration())
      continue;
    SmallVector<LibcCheckCall, 8> checks;
    collectLibcChecks(function, locations, checks);
    // Per site in this function: its copies, and those proven to fail.
    MapVector<MDString *, std::pair<unsigned, SmallVector<ProvenLibcOverflow, 2>>> sites;
    for (const LibcCheckCall &check : checks) {
      CallBase *call = check.call;
      auto &site = sites[check.descriptor];
      ++site.first;
      const fortify::Rule *rule =
          fortify::findRuleByCheckedName(view(call->getCalledFunction()->getName()));
      if (!rule)
        continue;
      // mode=chk's own calls (ChkCalls.h), laid out by the rule table.
      if (auto *own = dyn_cast<CallInst>(call); own && call->getMetadata(kChkEntryMetadata)) {
        auto sizes = chkNeededAndAvailable(*own, *rule);
        if (sizes && sizes->first > sizes->second)
          site.second.push_back({call, check.descriptor->getString(), sizes->first, sizes->second});
        continue;
      }
      // glibc's: only where the size is the appended last argument, in
      // bytes, and the rule's arguments come first unchanged.
      if (check.sizeArgument != rule->arity || rule->elementSize != 1 ||
          rule->count != fortify::kNoArg || call->arg_size() != unsigned(rule->arity) + 1)
        continue;
      auto *available = dyn_cast<ConstantInt>(call->getArgOperand(rule->arity));
      if (!available || available->isMinusOne())
        continue;
      std::optional<uint64_t> needed;
      if (rule->kind == fortify::CheckKind::CopyLength && rule->length >= 0) {
        if (auto *length = dyn_cast<ConstantInt>(call->getArgOperand(rule->length)))
          needed = length->getZExtValue();
      } else if (rule->kind == fortify::CheckKind::CopyString && rule->source >= 0) {
        StringRef text;
        if (getConstantStringInfo(call->getArgOperand(rule->source), text))
          needed = text.size() + 1;
      }
      if (needed && *needed > available->getZExtValue())
        site.second.push_back(
            {call, check.descriptor->getString(), *needed, available->getZExtValue()});
    }
    for (auto &[descriptor, site] : sites)
      if (!site.second.empty() && site.second.size() == site.first)
        proven.push_back(site.second.front());
  }
}

bool observeLibcChecks(Module &module, FunctionAnalysisManager &functions, const char *stage) {
  LLVMContext &context = module.getContext();
  LibcSiteLocations locations(module);
  NamedMDNode *seen = nullptr;
  for (Function &function : module) {
    if (function.isDeclaration())
      continue;
    SmallVector<LibcCheckCall, 8> checks;
    collectLibcChecks(function, locations, checks);
    if (checks.empty())
      continue;
    const TargetLibraryInfo &libraries = functions.getResult<TargetLibraryAnalysis>(function);
    for (const LibcCheckCall &check : checks) {
      bool attributed = true;
      Fortifier by = knownBy(check, module.getDataLayout(), libraries, attributed);
      if (!seen)
        seen = module.getOrInsertNamedMetadata(kLibcSeenMetadata);
      std::string_view name = attributed ? fortify::fortifierName(by) : kLibcKnownBySomeone;
      seen->addOperand(MDNode::get(context, {check.descriptor,
                                             MDString::get(context, {name.data(), name.size()}),
                                             MDString::get(context, stage)}));
    }
  }
  return seen != nullptr;
}

IntrinsicInst *libcCheckSizeQuery(CallBase &call) {
  MDNode *tag = call.getMetadata(kLibcCheckMetadata);
  ConstantInt *argument = tag ? taggedSizeArgumentOf(*tag) : nullptr;
  if (!argument || argument->isNegative() || argument->getZExtValue() >= call.arg_size())
    return nullptr;
  const Value *size = throughScaling(call.getArgOperand(unsigned(argument->getZExtValue())));
  return isObjectSizeQuery(size) ? const_cast<IntrinsicInst *>(cast<IntrinsicInst>(size)) : nullptr;
}

}  // namespace fortify_llvm
