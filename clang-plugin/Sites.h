// Call sites in LLVM IR, so that people can be told what happened: the site
// descriptor every check's failure path passes to __fortify_fail or
// __fortify_report (common/report.h), and the record the instrumentation
// keeps of every call of a rule-table function, so that the finishing pass
// (FinishPass.cpp) can say what optimisation left of each.
//
// The names of the IR protocol are in IRProtocol.h.
#ifndef FORTIFY_CLANG_SITES_H
#define FORTIFY_CLANG_SITES_H

#include "IRProtocol.h"
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
