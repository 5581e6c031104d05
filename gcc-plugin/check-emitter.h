// Builds the GIMPLE that checks one call against its rule: what the rule's
// CheckKind says about the destination, its ReadKind about what is read, and
// its format. Works on high GIMPLE (before the "lower" pass).
#ifndef FORTIFY_GCC_CHECK_EMITTER_H
#define FORTIFY_GCC_CHECK_EMITTER_H

#include "gcc-compat.h"
#include "options.h"
#include "rules.h"

namespace fortify_gcc {

// Inserts the checks for the call at `gsi`. Returns false (inserting
// nothing) when the call's arguments are not of the shape the rule expects,
// or when no check applies. On return `gsi` points at the last statement that
// belongs to the call (itself, or a check placed after it), so that a walk
// resumes after the checks.
// Every call is registered as a call site (site-registry.h), checked or not.
// `ReadsOnly`: the C library's wrapper checks the rest (libc-wrappers.h);
// `ReadsAndFormat`: nor does it look for %n (glibc's level 1).
enum class Checks { All, ReadsOnly, ReadsAndFormat };
bool emitChecks(gimple_stmt_iterator *gsi, gcall *call, const fortify::Rule &rule,
                const fortify::Options &options, Checks which);

// Whether the call has the rule's prototype: one that does not is another
// function of the same name, not a call site.
bool matchesPrototype(const gcall *call, const fortify::Rule &rule);

// Registers a call that gets no check (not protected).
void registerUncheckedCall(const gcall *call, const fortify::Rule &rule);

}  // namespace fortify_gcc

#endif
