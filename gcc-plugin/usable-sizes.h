// malloc_usable_size: a program that asks how big its block really is may
// use all of it (systemd writes up to the answer), so the size it asked for
// at allocation must not stop it. Before objsz folds them, the checks' size
// queries about such a block are made unknown.
#ifndef FORTIFY_GCC_USABLE_SIZES_H
#define FORTIFY_GCC_USABLE_SIZES_H

#include "gcc-compat.h"

#include <set>

namespace fortify_gcc {

// The objects (allocation calls' results, declarations, parameters ...)
// that `fun` asks malloc_usable_size about, through the same SSA walk as the
// size queries: any pointer derived from an object counts for it.
class UsableBlocks {
public:
  explicit UsableBlocks(function *fun);
  bool empty() const { return roots_.empty() && !everything_; }
  // Whether `pointer` may point into a block the program asked about.
  bool covers(tree pointer) const;

private:
  std::set<tree> roots_;
  bool everything_ = false;  // a walk gave up: any pointer may be one
};

// Makes every check's own size query (the plugin's, not the program's nor
// the C library's) about such a block ask about a null pointer instead,
// which objsz folds to "unknown". Run before switchToDynamicSizes, which
// must leave the C library's queries of those blocks static.
void forgetUsableSizes(function *fun);
// Whether `query` is one forgetUsableSizes made unknown (in the function
// it last ran on): its reason is the allocator's.
bool isForgottenSizeQuery(const gcall *query);

}  // namespace fortify_gcc

#endif
