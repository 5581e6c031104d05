// The only place that knows which LLVM version the plugin is built against.
// Everything else calls these wrappers, so porting to another LLVM major
// (e.g. 20, which renamed Intrinsic::getDeclaration) is a change here only.
#ifndef FORTIFY_CLANG_LLVM_COMPAT_H
#define FORTIFY_CLANG_LLVM_COMPAT_H

#include "llvm/Config/llvm-config.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#if LLVM_VERSION_MAJOR < 18
#error "fortify-clang needs LLVM 18 or newer (CodeGenOptions::PassBuilderCallbacks)"
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

}  // namespace fortify_llvm

#endif
