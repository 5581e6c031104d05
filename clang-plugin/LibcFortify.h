// Calls through the C library's own fortify: glibc's _FORTIFY_SOURCE
// headers under Clang, whose inline wrappers (`memcpy.inline`, an
// available_externally `explicit_bzero`) call `__memcpy_chk(d, s, n,
// llvm.objectsize(d))`, and whose macros call `__sprintf_chk` directly.
//
// The plugin never instruments inside a wrapper's body (there the arguments
// are the wrapper's parameters, not the caller's). At the wrapper's call
// site it computes its own size of the destination (subobject, level-3
// dynamic size), inlines the wrapper there and then, and makes the size
// every `__*_chk` call of the body receives `umin(glibc's size, its own)`:
// one check, glibc's, with the tighter of the two sizes, and glibc's ABI
// and `__*_chk` imports kept. Over-reads, which glibc does not check, get
// the plugin's own checks at the call site.
//
// Its metadata: IRProtocol.h.
#ifndef FORTIFY_CLANG_LIBC_FORTIFY_H
#define FORTIFY_CLANG_LIBC_FORTIFY_H

#include "CheckEmitter.h"
#include "IRProtocol.h"
#include "options.h"
#include "report.h"
#include "rules.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/PassManager.h"

#include <cstdint>

#include <string>
#include <string_view>

namespace llvm {
class CallBase;
class IntrinsicInst;
class Function;
class Module;
}  // namespace llvm

namespace fortify_llvm {


// A call of a C library fortify wrapper (site.call's callee): emits the
// plugin's over-read checks, hands the plugin's size to the wrapper's
// checks and inlines it. False when the wrapper cannot be taken apart (the
// call is then left to the C library and recorded as such).
bool fortifyThroughWrapper(const CheckSite &site, const fortify::Options &options);

// A direct call of a checked entry point (`__sprintf_chk(d, flag, size,
// ...)` from glibc's macros): the same, on the call itself.
void fortifyCheckedCall(const CheckSite &site, const fortify::Options &options);

// mode=chk: `entry` is glibc's checked entry point, called by the plugin in
// place of a call of the site `descriptor` (its write, or its format or open
// flags when it checks no size: sizeArgument -1); tagged and recorded as a
// call the library checks, so that its status is what becomes of it.
void tagChkEntryCall(llvm::CallBase &entry, const std::string &descriptor, int sizeArgument);

// The llvm.objectsize call that is, through scaling and width changes, the
// size a C library check tagged !fortify.libc was given (not a umin of
// sizes: CSE may have folded the plugin's umin away), or null.
llvm::IntrinsicInst *libcCheckSizeQuery(llvm::CallBase &call);

// Prepares a wrapper body: every call in it is marked as never to be
// checked, and its size queries of the destination argument `dest` are
// tagged. Returns how many queries were tagged. Idempotent.
unsigned prepareWrapperBody(llvm::Function &wrapper, int dest);

// A tagged `__*_chk` call that always fails once reached: its size and
// what the call needs are constants that do not fit (a copy of the length,
// a constant string), and every copy of its site in that function does
// the same. The plugin alone would have warned; beside glibc it must too.
struct ProvenLibcOverflow {
  llvm::CallBase *call;
  llvm::StringRef descriptor;
  std::uint64_t needed;
  std::uint64_t available;
};
void provenLibcOverflows(llvm::Module &module,
                         llvm::SmallVectorImpl<ProvenLibcOverflow> &proven);

// Records in !fortify.libc.seen what the tagged `__*_chk` calls of `module`
// say: whose size each received was known (`stage`: kLibcSeenByProbe or
// kLibcSeenFinal). Returns whether a record was added.
bool observeLibcChecks(llvm::Module &module, llvm::FunctionAnalysisManager &functions,
                       const char *stage);

}  // namespace fortify_llvm

#endif
