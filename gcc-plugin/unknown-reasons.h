// Why a check's object size is unknown (fortify::UnknownReason), read off
// the pointer its size query asks about. The objsz passes replace the query
// by its value, so the pointer is classified just before they run, and the
// probe after them takes the reason of each marker it finds unknown.
#ifndef FORTIFY_GCC_UNKNOWN_REASONS_H
#define FORTIFY_GCC_UNKNOWN_REASONS_H

#include "gcc-compat.h"
#include "unknown-reason.h"

#include <optional>

namespace fortify_gcc {

// The reason the object `pointer` points into would have no size, walking
// its SSA definitions: a parameter's default definition, a load, a call, a
// phi ... (Offset when the walk ends at an object the compiler can size).
fortify::UnknownReason classifyPointer(tree pointer);

// The reason of a size operand (a marker's `available`, a size handed to
// the C library's check): the pointer of the size query it comes from.
fortify::UnknownReason classifySize(tree size);

// Right after instrumentation, on high GIMPLE: GCC's "lower" pass folds a
// size query of an address (`&incomplete`) at once, to -1 when the object
// has no size, and the check is gone before any probe could see it. Such
// queries are asked here as lower will, and the sites found unknown, with
// their reason.
void observeEarlyFoldedSizes(gimple_seq body);

// Right before an objsz pass: classifies every marker of `fun` whose size
// is still a query, for reasonOfMarker after the pass.
void classifyMarkers(function *fun);
// The reason classifyMarkers found for a marker (it survives the objsz pass,
// which only replaces its arguments), or the size operand's own when it was
// not classified; none when that is no longer a query (folded before: see
// observeEarlyFoldedSizes).
std::optional<fortify::UnknownReason> reasonOfMarker(gcall *marker);

}  // namespace fortify_gcc

#endif
