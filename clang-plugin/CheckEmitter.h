// Emits, in front of one call (and after it, for checks on its result), the
// checks that its rule describes, mirroring gcc-plugin/check-emitter.cpp.
#ifndef FORTIFY_CLANG_CHECK_EMITTER_H
#define FORTIFY_CLANG_CHECK_EMITTER_H

#include "IRProtocol.h"

#include "SubobjectSize.h"
#include "options.h"
#include "rules.h"

#include <cstdint>
#include <optional>

namespace llvm {
class Argument;
class CallBase;
class Value;
}  // namespace llvm

namespace fortify_llvm {

struct CheckSite {
  llvm::CallBase *call;
  const fortify::Rule *rule;
  // What llvm.objectsize is asked about for the written object: the
  // destination argument, or a value proven equal to it that LLVM can see
  // through (see PointerOrigin.h). Null when the rule writes nothing.
  llvm::Value *objectPointer = nullptr;
  // Bytes left in the closest enclosing subobject, when the rule asks for
  // subobject sizes and the destination's GEP chain shows one, or in a
  // counted_by flexible array (SubobjectSize.h).
  std::optional<SubobjectLimit> subobjectLimit;
  // The same for the object the call reads (arg(readArg)), when over-reads
  // are checked; never narrowed to a subobject. Null otherwise.
  llvm::Value *readPointer = nullptr;
  // Level 3: the elements a counted_by flexible array or a member with a
  // named size field holds, for the read object (SubobjectSize.h).
  std::optional<SubobjectLimit> readCountedLimit;
  // Whether the C prototype returns a signed integer, when Clang's AST told
  // (FrontendAction.cpp). In report mode a skipped call's integer result is
  // -1 when signed, 0 when unsigned; unknown: signed up to int's width.
  std::optional<bool> resultSigned;
  // Level 3: whether the query about the written / read object asks for the
  // dynamic size from the start rather than after inlining (DynamicSizes.h).
  bool objectSizeDynamicNow = false;
  bool readSizeDynamicNow = false;
  // Whether the function asks malloc_usable_size about the written / read
  // object: its size is then unknown (UsableSizes.h).
  bool objectSizeHidden = false;
  bool readSizeHidden = false;
  // The written / read object is a pass_object_size parameter's (the
  // pointer is derived from it) and the size its caller passed fits the
  // check: the check's size is at most that (FrontendFacts.h).
  struct PassedSize {
    llvm::Argument *pointer;
    llvm::Argument *size;
  };
  std::optional<PassedSize> objectPassedSize = std::nullopt;
  std::optional<PassedSize> readPassedSize = std::nullopt;
  // The C library's fortify checks the write (and any format) itself: only
  // the plugin's over-read checks are emitted, and the write's size is
  // handed to the library's check instead (LibcFortify.h).
  bool writeCheckedByLibc = false;
  // With writeCheckedByLibc: whether the library checks the format for %n
  // too (glibc does from _FORTIFY_SOURCE=2), and where the format is when
  // the call is the library's checked entry point (-1: the rule's own).
  bool formatCheckedByLibc = true;
  int formatArgument = -1;
};

// Whether the call matches the rule's prototype (fortify::matchesSignature);
// anything else is not the C library's function. Intrinsics may carry extra
// trailing arguments (isvolatile) and return something else.
bool matchesPrototype(const llvm::CallBase &call, const fortify::Rule &rule, bool isIntrinsic);


// Emits the checks and records the call's sites (Sites.h): one per problem a
// check was emitted for, "safe" for checks proven needless here, and one
// "none" record under the rule's primary problem when nothing was emitted.
void emitCheck(const CheckSite &site, const fortify::Options &options);

// The plugin's own size of the object the call writes, in bytes, computed
// right before the call as its write check would (subobject, level-3
// dynamic query); -1 once folded when unknown.
llvm::Value *emitWriteObjectSize(const CheckSite &site, const fortify::Options &options);

// Records the call as one the plugin does not check ("none"), or as one the
// C library's own fortify checks ("libc").
void recordUncheckedCall(const llvm::CallBase &call, const fortify::Rule &rule, bool byLibc);

}  // namespace fortify_llvm

#endif
