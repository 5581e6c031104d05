// What the two caller-sizes passes share (caller-sizes-pass.cpp makes the
// copies, caller-bound-pass.cpp bounds the checks inside them); the
// decisions themselves are common/caller-sizes.h's.
#ifndef FORTIFY_GCC_CALLER_COPIES_H
#define FORTIFY_GCC_CALLER_COPIES_H

#include "gcc-compat.h"
#include "site-model.h"

#include <cstring>

#include <map>
#include <set>
#include <vector>

namespace fortify_gcc {

// One pointer parameter a copy takes a size for.
struct SizedParameter {
  unsigned index;      // the pointer among the parameters
  int type;            // the object-size type the callers ask
  unsigned sizeIndex;  // the size among the copy's parameters
};

struct CopyInfo {
  std::vector<SizedParameter> parameters;
  // The sites whose checks in the copy use each parameter's bound: the
  // plugin's checks, and the C library's checks of inlined wrappers.
  std::vector<std::set<fortify::SiteFacts *>> sites, libcSites;
};

// Copies by the DECL_UID of the copy (no tree is kept: a copy inlined
// everywhere is collected).
std::map<unsigned, CopyInfo> &callerSizedCopies();

// The parameter `pointer` is, and its constant offset from it: through
// copies, conversions and constant additions only, so that the value is the
// one the caller passed, moved by a known number of bytes.
bool parameterOffset(tree pointer, tree &parm, HOST_WIDE_INT &offset);
// A parameter's position, -1 when `parm` is not one of `fndecl`'s.
int parameterIndex(tree fndecl, tree parm);
tree parameterAt(tree fndecl, unsigned index);
unsigned parameterCount(tree fndecl);
// A size query the plugin made (a check's, a tightened wrapper's, or one
// passed to a copy): its result is a check temporary.
bool isPluginQuery(gcall *call);

}  // namespace fortify_gcc

#endif
