// The Clang frontend plugin, so that `clang -fplugin=fortify-clang.so` alone
// turns the checks on: it parses -fplugin-arg-fortify-* and hands Clang's
// code generator a callback that adds the pass to its pipeline. The name
// "fortify" must not contain '-': the driver splits -fplugin-arg-NAME-ARG at
// the first one.
//
// The same .so is loaded into opt, which contains no Clang. Two things make
// that work (see also CMakeLists.txt): every reference this file makes to a
// Clang symbol is weakened after compilation, so the dynamic loader accepts
// it unresolved; and the action is entered into Clang's plugin registry by
// looking the registry up at load time instead of through
// FrontendPluginRegistry::Add, whose constructor would call into Clang
// unconditionally.
#include "FortifyPass.h"
#include "PluginOptions.h"

#include "rules.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclGroup.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Passes/PassBuilder.h"

#include <dlfcn.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

// Notes, while Clang parses, whether the C prototypes of the rule table's
// functions return a signed integer: LLVM IR does not say, and report mode
// gives a skipped call's result -1 (signed: read, snprintf ...) or 0
// (unsigned: fread, confstr ...). The code generator runs the pipeline (and
// the pass reads the map) after the whole translation unit is parsed.
class ResultSignCollector : public clang::ASTConsumer {
public:
  explicit ResultSignCollector(std::shared_ptr<fortify_llvm::ResultSigns> signs)
      : signs_(std::move(signs)) {}

  bool HandleTopLevelDecl(clang::DeclGroupRef group) override {
    for (clang::Decl *declaration : group)
      visit(declaration);
    return true;
  }

private:
  void visit(clang::Decl *declaration) {
    if (auto *linkage = llvm::dyn_cast<clang::LinkageSpecDecl>(declaration)) {
      for (clang::Decl *inner : linkage->decls())
        visit(inner);
      return;
    }
    auto *function = llvm::dyn_cast<clang::FunctionDecl>(declaration);
    if (!function || !function->getIdentifier())
      return;
    llvm::StringRef name = function->getName();
    if (!fortify::findRule({name.data(), name.size()}))
      return;
    clang::QualType result = function->getReturnType();
    if (result->isIntegerType())
      (*signs_)[name.str()] = result->isSignedIntegerType();
  }

  std::shared_ptr<fortify_llvm::ResultSigns> signs_;
};

class FortifyAction : public clang::PluginASTAction {
protected:
  bool ParseArgs(const clang::CompilerInstance &compiler,
                 const std::vector<std::string> &arguments) override {
    for (const std::string &argument : arguments) {
      std::string error;
      if (!fortify_llvm::applyOptionText(options_, argument, error)) {
        // Returning false alone would only drop the plugin; an error makes
        // the compilation fail, as in GCC.
        clang::DiagnosticsEngine &diagnostics = compiler.getDiagnostics();
        diagnostics.Report(diagnostics.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0"))
            << error;
        return false;
      }
    }
    return true;
  }

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &compiler,
                                                        llvm::StringRef) override {
    fortify::Options options = options_;
    auto signs = std::make_shared<fortify_llvm::ResultSigns>();
    compiler.getCodeGenOpts().PassBuilderCallbacks.push_back(
        [options, signs](llvm::PassBuilder &builder) {
          fortify_llvm::registerFortifyPass(builder, options, signs);
        });
    return std::make_unique<ResultSignCollector>(signs);
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  fortify::Options options_;
};

using Registry = llvm::Registry<clang::PluginASTAction>;

// llvm::Registry<clang::PluginASTAction>::add_node(node *), which Clang
// instantiates and exports (LLVM_INSTANTIATE_REGISTRY).
constexpr const char *kAddNodeSymbol =
    "_ZN4llvm8RegistryIN5clang15PluginASTActionEE8add_nodeEPNS3_4nodeE";
// Any symbol that only a Clang frontend defines.
constexpr const char *kClangFrontendSymbol = "_ZN5clang14FrontendActionC2Ev";

std::unique_ptr<clang::PluginASTAction> createAction() {
  return std::make_unique<FortifyAction>();
}

const Registry::entry gEntry("fortify", "inline buffer-overflow checks for libc calls",
                             createAction);
Registry::node gNode(gEntry);

struct Registration {
  Registration() {
    using AddNode = void (*)(Registry::node *);
    if (auto addNode = reinterpret_cast<AddNode>(dlsym(RTLD_DEFAULT, kAddNodeSymbol))) {
      addNode(&gNode);
      return;
    }
    // In opt there is no frontend and nothing to do; in a Clang that does
    // not export its registry, -fplugin= would silently check nothing.
    if (dlsym(RTLD_DEFAULT, kClangFrontendSymbol))
      std::fprintf(stderr, "fortify: cannot register with this clang's plugin registry; "
                           "use -fpass-plugin= and FORTIFY_PLUGIN_OPTIONS instead\n");
  }
} gRegistration;

}  // namespace
