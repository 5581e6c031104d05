// Abort mode writes the message itself (fortify::abortMessage, the GCC
// plugin's text) with write and abort, so that a program built with it needs
// nothing beyond the C library.
#include "MarkerLowering.h"
#include "Strings.h"
#include "FortifyPass.h"
#include "Sites.h"
#include "messages.h"
#include "llvm-compat.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

#include <map>
#include <string>
#include <string_view>

using namespace llvm;

namespace fortify_llvm {
namespace {


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
    if (fortify::failsWithMessage(options_) && isLibraryFunction(module_, "write") &&
        isLibraryFunction(module_, "abort")) {
      std::string message =
          named ? fortify::abortMessage(site) : fortify::abortMessageWithoutSite();
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

}  // namespace

bool lowerFailMarkers(Module &module, const fortify::Options &options,
                      ArrayRef<CallBase *> markers) {
  MarkerLowering lowering(module, options);
  for (CallBase *call : markers)
    lowering.lower(*call);
  bool changed = !markers.empty();
  for (GlobalVariable &global : make_early_inc_range(module.globals()))
    if (startsWith(global.getName(), kSiteGlobalName) && global.use_empty() &&
        global.hasPrivateLinkage()) {
      global.eraseFromParent();
      changed = true;
    }
  if (Function *marker = module.getFunction(ref(fortify::kFailMarkerName)))
    if (marker->isDeclaration() && marker->use_empty())
      marker->eraseFromParent();
  return changed;
}

}  // namespace fortify_llvm
