// Sizes that a struct declares for one of its members: counted_by(FIELD) on
// a flexible array member, which GCC knows only from GCC 15 (the plugin
// registers it for older GCCs), and the size fields named with
// -fplugin-arg-fortify-size-field=STRUCT.MEMBER:FIELD (common/size-fields.h),
// for pointer members and flexible array members on every GCC.
#ifndef FORTIFY_GCC_FIELD_SIZES_H
#define FORTIFY_GCC_FIELD_SIZES_H

#include "gcc-compat.h"
#include "options.h"

namespace fortify_gcc {

class SequenceBuilder;

// Registers counted_by when this GCC does not know it, and the check of
// the size fields when a struct is defined. `bound`: calls are bounded by
// them (level 3 was asked for, also on GCC 11, whose level 3 is otherwise
// level 2: these sizes need no __builtin_dynamic_object_size).
void registerFieldSizes(const char *pluginName, const fortify::Options &options, bool bound);

// The bytes left after `pointer`, an argument of `call`, in the member it
// was taken from (`p->data`, `&p->fam`, `&p->fam[i]`) as that member's size
// field says, read in `b` from the same object; NULL_TREE when no size
// field bounds it or when the object may have changed before the call.
tree fieldObjectSize(SequenceBuilder &b, tree pointer, const gimple *call);

// Whether fieldObjectSize gives a size for `pointer` at `call`.
bool hasFieldSize(tree pointer, const gimple *call);

}  // namespace fortify_gcc

#endif
