#include "Sites.h"
#include "CallerSizes.h"
#include "counters.h"
#include "FrontendFacts.h"
#include "Strings.h"
#include "llvm-compat.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace fortify_llvm {
namespace {


void collectTexts(const Value *value, SmallVectorImpl<StringRef> &texts,
                  SmallPtrSetImpl<const Value *> &seen) {
  if (!seen.insert(value).second || seen.size() > 32)
    return;
  value = value->stripPointerCasts();
  if (const auto *phi = dyn_cast<PHINode>(value)) {
    for (const Value *incoming : phi->incoming_values())
      collectTexts(incoming, texts, seen);
    return;
  }
  if (const auto *select = dyn_cast<SelectInst>(value)) {
    collectTexts(select->getTrueValue(), texts, seen);
    collectTexts(select->getFalseValue(), texts, seen);
    return;
  }
  const auto *global = dyn_cast<GlobalVariable>(value);
  if (!global || !global->isConstant() || !global->hasDefinitiveInitializer())
    return;
  const auto *data = dyn_cast<ConstantDataSequential>(global->getInitializer());
  if (!data || !data->isString())
    return;
  StringRef text = data->getAsString();
  fortify::SiteDescriptor decoded;
  if (!fortify::decodeSite(view(text), decoded))
    return;
  for (StringRef known : texts)
    if (known == text)
      return;
  texts.push_back(text);
}

bool calls(const CallBase &call, std::string_view name) {
  const Function *callee = call.getCalledFunction();
  return callee && view(callee->getName()) == name && call.arg_size() == 3 &&
         call.getArgOperand(0)->getType()->isPointerTy();
}

}  // namespace

fortify::SiteDescriptor describeCall(const CallBase &call, fortify::Problem problem,
                                     StringRef function) {
  fortify::SiteDescriptor site;
  site.problem = problem;
  site.function = function.str();
  if (const DILocation *location = call.getDebugLoc().get()) {
    site.file = sourceFileName(*location);
    site.line = location->getLine();
    site.column = location->getColumn();
  } else {
    site.file = sourceFileName(*call.getModule());
  }
  // A caller-sized copy's sites are the original's (CallerSizes.h).
  site.caller = demangleName(originalFunctionName(call.getFunction()->getName()));
  return site;
}

void recordSite(Module &module, const std::string &descriptor, StringRef kind) {
  fortify::SiteDescriptor site;
  fortify::Instrumented what;
  if (fortify::decodeSite(descriptor, site) && fortify::parseInstrumented(view(kind), what))
    fortify::DecisionScope::noteRecord(site.problem, what);  // DecisionLog.h
  LLVMContext &context = module.getContext();
  module.getOrInsertNamedMetadata(kSitesMetadata)
      ->addOperand(MDNode::get(context, {MDString::get(context, descriptor),
                                         MDString::get(context, kind)}));
}

GlobalVariable *siteGlobal(Module &module, const std::string &descriptor) {
  Constant *text = ConstantDataArray::getString(module.getContext(), descriptor,
                                                /*AddNull=*/false);
  auto *global = new GlobalVariable(module, text->getType(), /*isConstant=*/true,
                                    GlobalValue::PrivateLinkage, text, kSiteGlobalName);
  global->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  global->setAlignment(Align(1));
  return global;
}

void descriptorTexts(const Value *site, SmallVectorImpl<StringRef> &texts) {
  SmallPtrSet<const Value *, 8> seen;
  collectTexts(site, texts, seen);
}

bool isFailMarker(const CallBase &call) { return calls(call, fortify::kFailMarkerName); }

bool isFailureCall(const CallBase &call) {
  if (!isFailMarker(call) && !calls(call, fortify::kReportFunctionName))
    return false;
  SmallVector<StringRef, 2> texts;
  descriptorTexts(call.getArgOperand(0), texts);
  return !texts.empty();
}

void failureCalls(Function &function, SmallVectorImpl<CallBase *> &calls) {
  for (Instruction &instruction : instructions(function))
    if (auto *call = dyn_cast<CallBase>(&instruction))
      if (isFailureCall(*call))
        calls.push_back(call);
}

}  // namespace fortify_llvm
