// The only place that knows which LLVM version the plugin is built against
// (LLVM 14, 15, 16 and 19 are tested; docs/CLANG-PLUGIN.md "LLVM versions").
// Everything else calls these wrappers, so that the passes read as if there
// were one LLVM, and porting to another major is a change here only. The
// frontend's Clang differences are at the end, behind FORTIFY_COMPAT_CLANG
// (only FrontendAction.cpp sees Clang).
#ifndef FORTIFY_CLANG_LLVM_COMPAT_H
#define FORTIFY_CLANG_LLVM_COMPAT_H

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Analysis/LazyCallGraph.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Debug.h"
#include "llvm/Support/Error.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#if LLVM_VERSION_MAJOR >= 16
#include "llvm/Support/ModRef.h"
#endif

#include <memory>
#include <string>

#if LLVM_VERSION_MAJOR < 14
#error "fortify-clang needs LLVM 14 or newer"
#endif

namespace llvm {
bool(isCurrentDebugType)(const char *type);
}

namespace fortify_llvm {

inline llvm::Function *intrinsicDeclaration(llvm::Module &module, llvm::Intrinsic::ID id,
                                            llvm::ArrayRef<llvm::Type *> types) {
#if LLVM_VERSION_MAJOR >= 20
  return llvm::Intrinsic::getOrInsertDeclaration(&module, id, types);
#else
  return llvm::Intrinsic::getDeclaration(&module, id, types);
#endif
}

// Whether -debug-only= names `type` (or -debug is on). The options exist
// only in an LLVM built with assertions; every build exports the query, but
// Debug.h hides it behind a macro from code built with NDEBUG, as this
// plugin is: the parentheses call the function, not the macro.
inline bool debugOnly(const char *type) {
  return llvm::DebugFlag && (llvm::isCurrentDebugType)(type);
}

// StringRef::starts_with (LLVM 16; startswith is gone in 19).
inline bool startsWith(llvm::StringRef text, llvm::StringRef prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// llvm::demangle took a std::string before LLVM 17.
inline std::string demangleName(llvm::StringRef name) {
#if LLVM_VERSION_MAJOR >= 17
  return llvm::demangle(std::string_view(name.data(), name.size()));
#else
  return llvm::demangle(name.str());
#endif
}

// llvm.lifetime.start/end (a LifetimeIntrinsic from LLVM 16).
inline bool isLifetimeMarker(const llvm::User &user) {
  const auto *instruction = llvm::dyn_cast<llvm::Instruction>(&user);
  return instruction && instruction->isLifetimeStartOrEnd();
}

// The memory a function touches (MemoryEffects, LLVM 16; attributes before).
inline void setReadsArgumentMemoryOnly(llvm::Function &function) {
#if LLVM_VERSION_MAJOR >= 16
  function.setMemoryEffects(llvm::MemoryEffects::argMemOnly(llvm::ModRefInfo::Ref));
#else
  function.setOnlyAccessesArgMemory();
  function.setOnlyReadsMemory();
#endif
}
inline void setInaccessibleMemoryOnly(llvm::Function &function) {
#if LLVM_VERSION_MAJOR >= 16
  function.setMemoryEffects(llvm::MemoryEffects::inaccessibleMemOnly());
#else
  function.setOnlyAccessesInaccessibleMemory();
#endif
}

// MDBuilder::create{Likely,Unlikely}BranchWeights (LLVM 19), with its values.
inline llvm::MDNode *likelyWeights(llvm::LLVMContext &context) {
  return llvm::MDBuilder(context).createBranchWeights((1U << 20) - 1, 1);
}
inline llvm::MDNode *unlikelyWeights(llvm::LLVMContext &context) {
  return llvm::MDBuilder(context).createBranchWeights(1, (1U << 20) - 1);
}

// SplitBlockAndInsertIfThen(Else) at an iterator (LLVM 18); an instruction before.
inline llvm::Instruction *splitIfThen(llvm::Value *condition, llvm::BasicBlock::iterator before,
                                      bool unreachable, llvm::MDNode *weights = nullptr) {
#if LLVM_VERSION_MAJOR >= 19
  return llvm::SplitBlockAndInsertIfThen(condition, before, unreachable, weights);
#else
  return llvm::SplitBlockAndInsertIfThen(condition, &*before, unreachable, weights);
#endif
}
inline void splitIfThenElse(llvm::Value *condition, llvm::BasicBlock::iterator before,
                            llvm::Instruction **thenTerm, llvm::Instruction **elseTerm,
                            llvm::MDNode *weights) {
#if LLVM_VERSION_MAJOR >= 19
  llvm::SplitBlockAndInsertIfThenElse(condition, before, thenTerm, elseTerm, weights);
#else
  llvm::SplitBlockAndInsertIfThenElse(condition, &*before, thenTerm, elseTerm, weights);
#endif
}

// llvm::lowerObjectSizeCall with the instructions it inserted (LLVM 19 lists
// them; before, they are the function's new instructions, found by
// comparing with the function before the call).
inline llvm::Value *lowerObjectSize(llvm::IntrinsicInst *query, const llvm::DataLayout &layout,
                                    const llvm::TargetLibraryInfo *libraries, bool mustSucceed,
                                    llvm::SmallVectorImpl<llvm::Instruction *> *inserted = nullptr) {
#if LLVM_VERSION_MAJOR >= 19
  return llvm::lowerObjectSizeCall(query, layout, libraries, /*AA=*/nullptr, mustSucceed, inserted);
#else
  if (!inserted)
    return llvm::lowerObjectSizeCall(query, layout, libraries, mustSucceed);
  llvm::Function &function = *query->getFunction();
  llvm::SmallPtrSet<llvm::Instruction *, 32> before;
  for (llvm::Instruction &instruction : llvm::instructions(function))
    before.insert(&instruction);
  llvm::Value *size = llvm::lowerObjectSizeCall(query, layout, libraries, mustSucceed);
  for (llvm::Instruction &instruction : llvm::instructions(function))
    if (!before.count(&instruction))
      inserted->push_back(&instruction);
  return size;
#endif
}

// Whether llvm::getAllocSize knows the size an allocation call asks for.
inline bool allocSizeKnown(const llvm::CallBase &call, const llvm::TargetLibraryInfo *libraries) {
#if LLVM_VERSION_MAJOR >= 15
  return bool(llvm::getAllocSize(&call, libraries));
#else
  return bool(llvm::getAllocSize(&call, libraries, [](const llvm::Value *value) { return value; }));
#endif
}

// PassBuilder::checkParametrizedPassName and parsePassParameters (LLVM 17?),
// as LLVM 19 has them, for older ones.
inline bool isParametrizedPassName(llvm::StringRef name, llvm::StringRef pass) {
#if LLVM_VERSION_MAJOR >= 19
  return llvm::PassBuilder::checkParametrizedPassName(name, pass);
#else
  if (!name.consume_front(pass))
    return false;
  if (name.empty())
    return true;
  return name.startswith("<") && name.endswith(">");
#endif
}
template <typename Parser>
auto parsePassParameters(Parser &&parser, llvm::StringRef name, llvm::StringRef pass)
    -> decltype(parser(llvm::StringRef())) {
#if LLVM_VERSION_MAJOR >= 19
  return llvm::PassBuilder::parsePassParameters(parser, name, pass);
#else
  llvm::StringRef parameters;
  if (!name.consume_front(pass))
    llvm_unreachable("unable to strip pass name from parametrized pass specification");
  if (!name.empty() && (!name.consume_front("<") || !name.consume_back(">")))
    return llvm::make_error<llvm::StringError>("invalid pass parameter '" + name.str() + "' ",
                                               llvm::inconvertibleErrorCode());
  parameters = name;
  return parser(parameters);
#endif
}

// OptimizerEarlyEP (LLVM 15): after the inliner, before the optimiser's
// LowerConstantIntrinsics folds every size query still open. `makePass()`
// gives the module pass to run there.
//
// LLVM 14 has no callback at that point. Its optimisation pipeline (-O1 and
// up) runs rpo-function-attrs once, after the inliner and just before the
// function passes that start with LowerConstantIntrinsics (only
// require<globals-aa> between them, which the inliner's wrapper also runs
// before inlining). So the pass runs from the instrumentation's after-pass
// callback of that one, with the module analysis manager the pipeline
// registered, and marks the module probed. Pipelines without it
// (-O0, where code generation folds the queries; the ThinLTO pre-link
// pipeline, which folds none) run the pass at OptimizerLastEP instead,
// where a module probed early skips it.
#if LLVM_VERSION_MAJOR == 14
inline constexpr const char *kProbedEarlyMetadata = "fortify.probed_early";

template <typename Pass>
class UnlessProbedEarly : public llvm::PassInfoMixin<UnlessProbedEarly<Pass>> {
public:
  explicit UnlessProbedEarly(Pass pass) : pass_(std::move(pass)) {}
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &analyses) {
    if (llvm::NamedMDNode *probed = module.getNamedMetadata(kProbedEarlyMetadata)) {
      module.eraseNamedMetadata(probed);
      return llvm::PreservedAnalyses::all();
    }
    return pass_.run(module, analyses);
  }
  static bool isRequired() { return true; }
  static llvm::StringRef name() { return Pass::name(); }

private:
  Pass pass_;
};
#endif

template <typename MakePass>
void registerOptimizerEarly(llvm::PassBuilder &builder, MakePass makePass) {
#if LLVM_VERSION_MAJOR >= 15
  builder.registerOptimizerEarlyEPCallback(
      [makePass](llvm::ModulePassManager &passes, llvm::OptimizationLevel) {
        passes.addPass(makePass());
      });
#else
  auto analyses = std::make_shared<llvm::ModuleAnalysisManager *>(nullptr);
  builder.registerAnalysisRegistrationCallback(
      [analyses](llvm::ModuleAnalysisManager &manager) { *analyses = &manager; });
  if (llvm::PassInstrumentationCallbacks *callbacks = builder.getPassInstrumentationCallbacks())
    callbacks->registerAfterPassCallback(
        [analyses, makePass](llvm::StringRef passName, llvm::Any ir, const llvm::PreservedAnalyses &) {
          if (passName != "ReversePostOrderFunctionAttrsPass" || !*analyses ||
              !llvm::any_isa<const llvm::Module *>(ir))
            return;
          auto &module = const_cast<llvm::Module &>(*llvm::any_cast<const llvm::Module *>(ir));
          if (module.getNamedMetadata(kProbedEarlyMetadata))
            return;
          // As a pass of the pipeline, to -debug-pass-manager, -print-after
          // and -time-passes alike.
          auto pass = makePass();
          llvm::PassInstrumentation instrumentation =
              (*analyses)->getResult<llvm::PassInstrumentationAnalysis>(module);
          if (!instrumentation.runBeforePass<llvm::Module>(pass, module))
            return;
          llvm::PreservedAnalyses preserved = pass.run(module, **analyses);
          instrumentation.runAfterPass<llvm::Module>(pass, module, preserved);
          (*analyses)->invalidate(module, preserved);
          module.getOrInsertNamedMetadata(kProbedEarlyMetadata);
        });
  builder.registerOptimizerLastEPCallback(
      [makePass](llvm::ModulePassManager &passes, llvm::OptimizationLevel) {
        passes.addPass(UnlessProbedEarly(makePass()));
      });
#endif
}

// LLVM 14 makes typed pointers by default; the passes handle opaque pointers
// only (as LLVM 15 and later make them). In clang, which loads -fplugin= and
// -fpass-plugin= files before it creates its LLVMContext, this turns them on
// as `-mllvm -opaque-pointers` would: the option's value is set, not an
// occurrence added, so the user's own -mllvm -opaque-pointers[=0] still
// parses and wins.
inline void preferOpaquePointers() {
#if LLVM_VERSION_MAJOR == 14
  auto &options = llvm::cl::getRegisteredOptions();
  auto found = options.find("opaque-pointers");
  if (found != options.end())
    static_cast<llvm::cl::opt<bool> *>(found->second)->setValue(true);
#endif
}
// LLVM 14's opaque pointers were a preview: some passes still ask a pointer
// for its element type and crash clang (as clang-14 -mllvm -opaque-pointers
// does without the plugin): ArgumentPromotion (-O3, full LTO) and every user
// of LoopAccessAnalysis (RuntimePointerChecking::insert): LoopVectorize and
// LoopLoadElimination (-O2 and up), LoopDistribute and LoopVersioningLICM
// (when asked for). With opaque pointers on, the plugin skips them through
// the pass instrumentation, as optnone skips optional passes: the program
// loses these optimisations (no loop vectorisation with clang-14), never a
// check. Found by compiling SQLite and the test suite; LLVM 15 fixed them.
#if LLVM_VERSION_MAJOR == 14
inline bool brokenByOpaquePointers(llvm::StringRef pass) {
  for (const char *name : {"ArgumentPromotionPass", "LoopVectorizePass", "LoopLoadEliminationPass",
                           "LoopDistributePass", "LoopVersioningLICMPass"})
    if (pass == name || pass.endswith(std::string("::") + name))
      return true;
  return false;
}
#endif
inline void skipPassesBrokenByOpaquePointers(llvm::PassBuilder &builder) {
#if LLVM_VERSION_MAJOR == 14
  llvm::PassInstrumentationCallbacks *callbacks = builder.getPassInstrumentationCallbacks();
  if (!callbacks)
    return;
  callbacks->registerShouldRunOptionalPassCallback([](llvm::StringRef pass, llvm::Any ir) {
    if (!brokenByOpaquePointers(pass))
      return true;
    const llvm::LLVMContext *context = nullptr;
    if (llvm::any_isa<const llvm::Function *>(ir)) {
      context = &llvm::any_cast<const llvm::Function *>(ir)->getContext();
    } else if (llvm::any_isa<const llvm::Loop *>(ir)) {
      context = &llvm::any_cast<const llvm::Loop *>(ir)->getHeader()->getContext();
    } else if (llvm::any_isa<const llvm::LazyCallGraph::SCC *>(ir)) {
      const llvm::LazyCallGraph::SCC *scc = llvm::any_cast<const llvm::LazyCallGraph::SCC *>(ir);
      if (scc->size() > 0)
        context = &scc->begin()->getFunction().getContext();
    } else if (llvm::any_isa<const llvm::Module *>(ir)) {
      context = &llvm::any_cast<const llvm::Module *>(ir)->getContext();
    }
    return !context || context->supportsTypedPointers();
  });
#else
  (void)builder;
#endif
}

// Whether the module's pointers are opaque (always, from LLVM 17).
inline bool hasOpaquePointers(const llvm::Module &module) {
#if LLVM_VERSION_MAJOR >= 17
  return true;
#else
  return !module.getContext().supportsTypedPointers();
#endif
}

}  // namespace fortify_llvm

#ifdef FORTIFY_COMPAT_CLANG
#include "clang/Basic/AttributeCommonInfo.h"
#include "clang/Basic/CodeGenOptions.h"
#include "clang/AST/Decl.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Preprocessor.h"
#if LLVM_VERSION_MAJOR >= 17
#include "clang/Basic/ParsedAttrInfo.h"
#else
#include "clang/Sema/ParsedAttr.h"
#endif

namespace fortify_llvm {

// counted_by on flexible array members (Clang 18).
#define FORTIFY_HAS_COUNTED_BY (LLVM_VERSION_MAJOR >= 18)

// The C23 attribute syntax's name (AS_C2x before Clang 17).
#if LLVM_VERSION_MAJOR >= 17
inline constexpr clang::AttributeCommonInfo::Syntax kC23Syntax = clang::AttributeCommonInfo::AS_C23;
#else
inline constexpr clang::AttributeCommonInfo::Syntax kC23Syntax = clang::AttributeCommonInfo::AS_C2x;
#endif

// An attribute on the wrong kind of declaration: "%0 attribute only applies
// to %1" ("%0%select{ attribute|}1 only applies to %2" from Clang 17).
template <typename Builder, typename Attribute>
void wrongDeclarationType(Builder &&diagnostic, const Attribute &attribute, const char *what) {
#if LLVM_VERSION_MAJOR >= 17
  diagnostic << attribute << attribute.isRegularKeywordAttribute() << what;
#else
  diagnostic << attribute << what;
#endif
}

// What __FILE__ says of a file name (Preprocessor::processPathForFileMacro,
// Clang 15; before, only -fmacro-prefix-map applied).
inline void processPathForFileMacro(llvm::SmallString<256> &path, const clang::LangOptions &options,
                                    const clang::TargetInfo &target) {
#if LLVM_VERSION_MAJOR >= 15
  clang::Preprocessor::processPathForFileMacro(path, options, target);
#else
  options.remapPathPrefix(path);
#endif
}

// NamedDecl::printName with a printing policy (Clang 16).
inline void printName(const clang::NamedDecl &declaration, llvm::raw_ostream &out,
                      const clang::PrintingPolicy &policy) {
#if LLVM_VERSION_MAJOR >= 16
  declaration.printName(out, policy);
#else
  declaration.printName(out);
#endif
}

// Line tables without debug information when there is none (-Rpass's
// LocTrackingOnly); the enumeration moved to namespace llvm in 17.
inline void trackLocations(clang::CodeGenOptions &codegen) {
#if LLVM_VERSION_MAJOR >= 17
  namespace kinds = llvm::codegenoptions;
#else
  namespace kinds = clang::codegenoptions;
#endif
  if (codegen.getDebugInfo() == kinds::NoDebugInfo)
    codegen.setDebugInfo(kinds::LocTrackingOnly);
}

// -fstrict-flex-arrays=N (Clang 15; an enum from 16), 0 without it:
// 1 = [0], [1] and [] are flexible, 2 = [0] and [], 3 = [] only.
inline int strictFlexArraysLevel(const clang::LangOptions &options) {
#if LLVM_VERSION_MAJOR >= 16
  return int(options.getStrictFlexArraysLevel());
#elif LLVM_VERSION_MAJOR == 15
  return int(options.StrictFlexArrays);
#else
  return 0;
#endif
}

// Has Clang's code generator run `callback` on its PassBuilder:
// CodeGenOptions::PassBuilderCallbacks (Clang 18). Before, CodeGenOptions::
// PassPlugins, the -fpass-plugin= list: `self` (this plugin's own file) is
// loaded again (the same handle) and its llvmGetPassPluginInfo registers the
// pass, with the options `pending` left for it (Plugin.cpp).
template <typename Callback, typename Pending>
void addPassBuilderCallback(clang::CodeGenOptions &codeGen, Callback &&callback,
                            const std::string &self, Pending &&pending) {
#if LLVM_VERSION_MAJOR >= 18
  codeGen.PassBuilderCallbacks.push_back(std::forward<Callback>(callback));
#else
  pending();
  for (const std::string &path : codeGen.PassPlugins)
    if (path == self)
      return;
  codeGen.PassPlugins.push_back(self);
#endif
}

// Why this compilation cannot be checked, or null. LLVM 14 and -flto: the
// plugin makes the bitcode with opaque pointers (preferOpaquePointers),
// which LLVM 14's linker refuses unless given -mllvm -opaque-pointers, and
// its link-time optimiser then runs the passes that crash on them (see
// skipPassesBrokenByOpaquePointers), where the plugin is not loaded.
inline const char *unsupportedCompilation(const clang::CodeGenOptions &codegen) {
#if LLVM_VERSION_MAJOR == 14
  if (codegen.PrepareForLTO || codegen.PrepareForThinLTO)
    return "fortify: -flto is not supported with LLVM 14 (its link-time optimiser "
           "cannot take the opaque pointers the plugin needs): use clang 15 or later for LTO, "
           "or build without -flto";
#else
  (void)codegen;
#endif
  return nullptr;
}

}  // namespace fortify_llvm
#endif  // FORTIFY_COMPAT_CLANG

#endif
