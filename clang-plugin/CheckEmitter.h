// Emits, in front of one call, the check that its rule's kind describes,
// mirroring gcc-plugin/check-emitter.cpp.
#ifndef FORTIFY_CLANG_CHECK_EMITTER_H
#define FORTIFY_CLANG_CHECK_EMITTER_H

#include "options.h"
#include "rules.h"

#include <cstdint>
#include <optional>

namespace llvm {
class CallBase;
class Value;
}  // namespace llvm

namespace fortify_llvm {

struct CheckSite {
  llvm::CallBase *call;
  const fortify::Rule *rule;
  // What llvm.objectsize is asked about: the destination argument, or a value
  // proven equal to it that LLVM can see through (see PointerOrigin.h).
  llvm::Value *objectPointer;
  // Bytes left in the closest enclosing subobject, when the rule asks for
  // subobject sizes and the destination's GEP chain shows one.
  std::optional<std::uint64_t> subobjectLimit;
};

// Whether the call has the arguments the rule's check reads. Intrinsics may
// carry extra trailing arguments (isvolatile); C calls must match the arity.
bool hasExpectedShape(const llvm::CallBase &call, const fortify::Rule &rule, bool isIntrinsic);

void emitCheck(const CheckSite &site, const fortify::Options &options);

}  // namespace fortify_llvm

#endif
