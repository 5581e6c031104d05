// Call sites in LLVM IR, so that people can be told what happened: the site
// descriptor every check's failure path passes to __fortify_fail or
// __fortify_report (common/report.h), and the record the instrumentation
// keeps of every call of a rule-table function, so that the finishing pass
// (FinishPass.cpp) can say what optimisation left of each.
//
// The record is named metadata, which survives optimisation and the LTO
// pre-link bitcode:
//   !fortify.sites   = !{!{!"<descriptor>", !"<kind>"}, ...}
//     kind: "check" (a check with a failure path was inserted), "libc" (the C
//     library's own fortify checks it: an inline wrapper, a __*_chk call),
//     "libc-check" (the same, through a tagged __*_chk call: LibcFortify.h),
//     "safe" (provably fine without code: a literal format, open with a
//     mode), "none" (no check: wrong shape, gets, an option turned it off),
//     "overflow" (diagnosed at instrumentation: open(O_CREAT) without mode).
//   !fortify.unknown = !{!{!"<descriptor>", !"<reason>", !"<copies>"}, ...}:
//     sites one of whose copies asked llvm.objectsize about an object of
//     unknown size (the probe; LowerConstantIntrinsics would fold those
//     checks away silently), why (fortify::UnknownReason's word) and in how
//     many copies.
//   !fortify.finished: the late pass ran (once per module).
// and on instructions: !fortify.check on each check's conditional branch,
// !fortify.dynamic on the checks' level-3 size queries (DynamicSizes.h).
#ifndef FORTIFY_CLANG_SITES_H
#define FORTIFY_CLANG_SITES_H

#include "report.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace llvm {
class CallBase;
class Function;
class GlobalVariable;
class Module;
class Value;
}  // namespace llvm

namespace fortify_llvm {

inline constexpr const char *kSitesMetadata = "fortify.sites";
inline constexpr const char *kUnknownMetadata = "fortify.unknown";
inline constexpr const char *kFinishedMetadata = "fortify.finished";
inline constexpr const char *kSiteGlobalName = "fortify.site";
// On the conditional branch of each check, towards its failure block.
inline constexpr const char *kCheckBranchMetadata = "fortify.check";

inline constexpr const char *kKindCheck = "check";
inline constexpr const char *kKindLibc = "libc";
// A call whose write the C library checks through a `__*_chk` call tagged
// !fortify.libc; its status is what became of that call (LibcFortify.h).
inline constexpr const char *kKindLibcCheck = "libc-check";
inline constexpr const char *kKindSafe = "safe";
inline constexpr const char *kKindNone = "none";
inline constexpr const char *kKindOverflow = "overflow";

// The descriptor of a check of `call` (to the libc function `function`):
// file, line and column from the call's DebugLoc (the module's source file
// and 0:0 without one), the containing function demangled.
fortify::SiteDescriptor describeCall(const llvm::CallBase &call, fortify::Problem problem,
                                     llvm::StringRef function);

// Appends one record to !fortify.sites, and tells the decision being made
// for the call (DecisionLog.h). `kind`: one of the kinds above, which are
// common/site-model.h's Instrumented words.
void recordSite(llvm::Module &module, const std::string &descriptor, llvm::StringRef kind);

// A new private constant holding exactly `descriptor`.
llvm::GlobalVariable *siteGlobal(llvm::Module &module, const std::string &descriptor);

// The descriptor texts the first argument of a marker may be (a descriptor
// global, or a phi/select of them); empty when it is something else.
void descriptorTexts(const llvm::Value *site, llvm::SmallVectorImpl<llvm::StringRef> &texts);

// Whether `call` is a failure marker (__fortify_fail) or a report call
// (__fortify_report) made by a check: three arguments, the first a descriptor.
bool isFailureCall(const llvm::CallBase &call);
bool isFailMarker(const llvm::CallBase &call);

// The failure markers and report calls of `function`, in order.
void failureCalls(llvm::Function &function, llvm::SmallVectorImpl<llvm::CallBase *> &calls);

}  // namespace fortify_llvm

#endif
