// The calls that end a check's failure path, as the passes after
// instrumentation find them: the failure marker (trap and abort modes) and
// the report runtime's entry point (report mode). See sequence-builder.h.
#ifndef FORTIFY_GCC_CHECK_MARKERS_H
#define FORTIFY_GCC_CHECK_MARKERS_H

#include "gcc-compat.h"
#include "site-registry.h"

#include <functional>

namespace fortify_gcc {

struct CheckMarker {
  gcall *call;
  gimple_stmt_iterator position;
  bool returns;      // the report runtime's call; the marker never returns
  fortify::SiteFacts *site;   // nullptr: not a descriptor this unit registered
  tree needed() const { return gimple_call_arg(call, 1); }
  tree available() const { return gimple_call_arg(call, 2); }
};

// Visits every marker and report call of the function (its CFG must exist).
// The visitor may replace the statement at `position`.
void forEachCheckMarker(function *fun, const std::function<void(CheckMarker &)> &visit);

// Whether an SSA name is one of the temporaries the check emitter created
// (create_tmp_reg(..., "fortify")); user variables never are.
bool isCheckTemporary(tree name);

// The value an SSA name copies (x_2 = x_1; x_1 = 16 gives 16).
tree copiedValue(tree value);

// Whether a size operand is "unknown" ((size_t)-1), looking through copies
// of constants that GCC's objsz pass leaves behind.
bool isUnknownSize(tree size);

// Whether a size operand is still an unfolded object-size query.
bool isUnfoldedSizeQuery(tree size);

}  // namespace fortify_gcc

#endif
