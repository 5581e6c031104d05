// What optimisation left of each call site: the instrumentation recorded
// every site (Sites.h), but only the surviving failure paths say whether a
// site is still checked, always fails, or lost its check to an unknown size.
// The decisions are the shared site model's (common/site-model.h).
#ifndef FORTIFY_CLANG_SITE_TABLE_H
#define FORTIFY_CLANG_SITE_TABLE_H

#include "site-model.h"


namespace llvm {
class CallBase;
class ConstantInt;
class Module;
}  // namespace llvm

namespace fortify_llvm {

// Reads what the instrumentation and the probes recorded in the module
// (!fortify.sites, !fortify.libc.seen, !fortify.unknown: Sites.h,
// LibcFortify.h) into the shared site model.
void loadSites(llvm::Module &module, fortify::SiteTable &table);

// What a surviving failure marker says of its site: unknown (the size folded
// to -1), checked (a run-time check), or overflow (it always fails once
// reached). `needed`/`available`: the marker's sizes when constant.
// `shared`: the failure path stands for several sites.
fortify::SiteStatus statusOf(const llvm::CallBase &marker, const fortify::SiteDescriptor &site,
                             const llvm::ConstantInt *needed, const llvm::ConstantInt *available,
                             bool shared);

}  // namespace fortify_llvm

#endif
