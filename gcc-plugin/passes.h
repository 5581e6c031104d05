// The plugin's passes and where they are scheduled.
#ifndef FORTIFY_GCC_PASSES_H
#define FORTIFY_GCC_PASSES_H

#include "gcc-compat.h"
#include "options.h"

namespace fortify_gcc {

// Instruments calls on high GIMPLE, before the "lower" pass: there GCC turns
// small constant-size copies (memcpy(p, s, 8)) and strcpy of a literal into
// plain moves or other calls, even at -O0, which would hide them from any
// later pass.
opt_pass *makeInstrumentPass(gcc::context *context, const fortify::Options &options);

// At -O0 none of GCC's object-size passes runs, so the inserted size queries
// would all expand to "unknown". This runs GCC's own objsz pass (and a CFG
// cleanup so that folded checks leave no code) after "ssa", only at -O0.
opt_pass *makeO0ObjectSizePass(gcc::context *context, const fortify::Options &options);

// Before each objsz pass at level 3: the checks' size queries become
// dynamic (see dynamic-sizes-pass.cpp). switchToDynamicSizes does the work;
// forgetUsableSizes (usable-sizes.h) must run first, at every level.
opt_pass *makeDynamicSizesPass(gcc::context *context, const fortify::Options &options);
void switchToDynamicSizes(function *fun);
// The check temporary a size query's value ends up in (through the cap
// early_objsz may put on it), or NULL_TREE when the query is not a check's.
tree checkSizeResult(gcall *query);
// Before it, at every level: a check's query about a choice between null
// and objects (`p = PHI <0B, buf - 8>`), which objsz takes for unknown as a
// whole, asks about each object on its own edge, and null has no size: a
// null destination is never stopped (memcpy(NULL, s, 0), getcwd(NULL, n)).
void guardNullChoices(function *fun);

// Before the early optimisations: notes the checks of different sites that
// ask the same size query (see shared-queries-pass.cpp).
opt_pass *makeSharedQueriesPass(gcc::context *context);

// Caller sizes (caller-sizes-pass.cpp): before the early local passes, the
// copies of local functions that take their callers' sizes, and the calls
// redirected to them; before early_objsz, the bound inside each copy.
opt_pass *makeCallerSizesPass(gcc::context *context, const fortify::Options &options);
opt_pass *makeCallerBoundPass(gcc::context *context);
// Where the sizes are evaluated (after each objsz pass, or before the IR is
// written for LTO, `beforeLinkTime`: a size still a query counts as
// unknown): a call that passes a copy an unknown size makes the sites that
// use it unknown, for the reason of the argument.
void observeCallerSizes(function *fun, bool beforeLinkTime);
// Whether a size is the bound a copy puts on a check from its caller's size
// (known at run time).
bool isCallerSizeBound(tree value);

// After each objsz pass: records the call sites whose object size folded to
// "unknown" (see size-probe-pass.cpp). observeUnknownSizes does the work.
opt_pass *makeSizeProbePass(gcc::context *context);
void observeUnknownSizes(function *fun);

// After optimisation (or, when writing LTO IR, before it is written):
// statuses, compile-time diagnostics, and the failure markers turned into
// traps or abort calls (see finish-pass.cpp).
opt_pass *makeFinishPass(gcc::context *context, const fortify::Options &options,
                         bool beforeLinkTime);
unsigned int finishChecks(function *fun, const fortify::Options &options, bool beforeLinkTime);
// Whether this compilation writes IR for link-time optimisation.
bool writesLinkTimeIr();

// At the end of the translation unit: the note section and the coverage
// records (see unit-report.cpp).
void registerUnitReport(const char *pluginName, const fortify::Options &options);
void noteFunctionFinishedBeforeLinkTime();

}  // namespace fortify_gcc

#endif
