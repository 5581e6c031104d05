// The C library's own inline fortify wrappers (glibc's _FORTIFY_SOURCE,
// fortify-headers on musl): always_inline functions in system headers that
// call the checked entry points (__memcpy_chk ...) with
// __builtin_object_size of their destination parameter.
//
// Beside them the plugin is additive without checking twice: each size
// query a wrapper makes of its destination becomes the smaller of the
// library's size and the plugin's own (dynamic at level 3, closest subobject
// for the string functions), so the library's check, its ABI and its
// __*_chk imports (which hardening tools look for) stay, with the tighter
// size. The wrapper's body is never instrumented itself: there the
// arguments are not the caller's (open's mode is still __va_arg_pack ()).
#ifndef FORTIFY_GCC_LIBC_WRAPPERS_H
#define FORTIFY_GCC_LIBC_WRAPPERS_H

#include "gcc-compat.h"
#include "site-model.h"
#include "options.h"
#include "rules.h"
#include "site-model.h"

#include <functional>

namespace fortify_gcc {

// Whether `fndecl` is such a wrapper: a definition, always_inline, from a
// system header, named as a rule-table function, whose body checks (a size
// query, a checked entry point or a trap).
bool isLibcWrapper(tree fndecl);

// In the body of a wrapper for `rule` (high GIMPLE), tightens every size
// query of the destination parameter to the plugin's own size.
void tightenWrapperSizes(gimple_seq body, tree wrapper, const fortify::Rule &rule,
                         const fortify::Options &options);

// Registers a call of a wrapper as a call site whose check the C library
// makes (with the tightened size); its status is observed below.
void registerLibcCall(const gcall *call, const fortify::Rule &rule);

// Before the last objsz pass: which of the library's and the plugin's sizes
// objsz will know, for each inlined wrapper's tightened query.
void observeLibcSizes(function *fun);

// Before GCC's early optimisations: the size queries each inlined
// wrapper's check was given (the library's and the plugin's operands of a
// tightened size, or the one query), with the site of the call, so that
// queries shared with other sites' checks are known before FRE merges them.
void forEachLibcSizeQuery(function *fun,
                          const std::function<void(tree query, fortify::SiteFacts *)> &visit);

// After optimisation: the checked entry points (or traps) that inlined
// wrappers left are run-time checks of their call sites.
void observeLibcChecks(function *fun);

// Whether a function opted out with __attribute__((no_fortify)), the
// attribute the plugin registers (registerNoFortifyAttribute).
bool hasNoFortifyAttribute(tree fndecl);
void registerNoFortifyAttribute(const char *pluginName);

// At level 3, whether the library's own size query of an inlined wrapper
// turns dynamic with the plugin's: GCC merges the two when they ask the
// same, and the survivor may be the library's. Never in a no_fortify
// function, where the library's size must stay its own.
bool mayTurnDynamic(const gcall *query, function *fun);

// The call site of the inlined wrapper a statement belongs to, or null.
fortify::SiteFacts *libcSiteOfStatement(const gimple *stmt, function *fun);
// Right after the early inliner: in a no_fortify function, the inlined
// wrappers' sizes go back to the library's own, before any folder merges
// them with the plugin's.
void dropTighteningIfOptedOut(function *fun);
opt_pass *makeOptOutPass(gcc::context *context);

// glibc's own fortify level (__USE_FORTIFY_LEVEL), 0 for other C
// libraries: glibc's checked printf family looks for %n from its level 2,
// fortify-headers never.
int glibcFortifyLevel();

// The C library headers' fortify level in this translation unit
// (__USE_FORTIFY_LEVEL, else _FORTIFY_SOURCE); 0 when they are off.
int libcFortifyLevel();

}  // namespace fortify_gcc

#endif
