// Builds the GIMPLE that checks one call against its rule. Works on high
// GIMPLE (before the "lower" pass): no CFG, control flow through labels.
#ifndef FORTIFY_GCC_CHECK_EMITTER_H
#define FORTIFY_GCC_CHECK_EMITTER_H

#include "gcc-compat.h"
#include "options.h"
#include "rules.h"

namespace fortify_gcc {

// Inserts, before the call at `gsi`, a check that stops the program when the
// call would write past the end of its destination. Returns false (and
// inserts nothing) when the call's arguments are not of the expected shape.
bool emitCheckBefore(gimple_stmt_iterator *gsi, gcall *call,
                     const fortify::Rule &rule, const fortify::Options &options);

// Keeps decls the checks reference alive across garbage collections.
void registerGarbageCollectorRoots(const char *pluginName);

}  // namespace fortify_gcc

#endif
