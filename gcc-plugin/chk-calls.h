// mode=chk: calls of glibc's checked entry points (__memcpy_chk(d, s, n,
// size), __snprintf_chk, __printf_chk(flag, ...), __open_2 ...) in place of
// the plugin's inline checks, laid out by fortify::chkArguments. The check
// emitter builds them on high GIMPLE with the plugin's own size query (its
// level, subobjects; dynamic at level 3); after optimisation the finishing
// pass turns those whose size is unknown or proven to fit back into the
// plain call, as glibc's headers do, and gives each site its status.
#ifndef FORTIFY_GCC_CHK_CALLS_H
#define FORTIFY_GCC_CHK_CALLS_H

#include "gcc-compat.h"
#include "options.h"
#include "rules.h"

#include <string>

namespace fortify_gcc {

// The entry point's declaration for a call of `rule` whose arguments are
// `args` (the entry point's, in order); its result type is the call's.
tree chkEntryDecl(const fortify::Rule &rule, const gcall *call, const vec<tree> &args);

// What a chk call checks: the descriptors (fortify::encodeSite) of its
// write, format (%n) and open sites, empty when it does not check that.
struct ChkSites {
  std::string write, format, open;
};
// Remembers a chk call built in place of `original` (still in the IL).
void registerChkCall(const gcall *original, const fortify::Rule &rule, const ChkSites &sites);

// After optimisation: each surviving chk call's status; those left with
// nothing to check become the plain call again. Returns whether a call was
// replaced (the caller rebuilds the call graph's edges).
bool finishChkCalls(function *fun, const fortify::Options &options, bool beforeLinkTime);

void registerChkRoots(const char *pluginName);

}  // namespace fortify_gcc

#endif
