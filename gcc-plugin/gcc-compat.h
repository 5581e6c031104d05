// Every GCC header the plugin needs, and every difference between GCC
// versions, in one place (as the kernel's scripts/gcc-plugins/gcc-common.h).
#ifndef FORTIFY_GCC_COMPAT_H
#define FORTIFY_GCC_COMPAT_H

#include "gcc-plugin.h"
#include "plugin-version.h"

#if GCCPLUGIN_VERSION_MAJOR < 12
#error "fortify: the GCC plugin supports GCC 12 and later"
#endif

#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "gimple-expr.h"
#include "gimplify.h"
#include "stringpool.h"
#include "stor-layout.h"
#include "diagnostic-core.h"
#include "builtins.h"
#include "cgraph.h"
#include "ggc.h"
#include "attribs.h"
#include "tree-cfg.h"
#include "tree-cfgcleanup.h"
#include "ssa.h"
#include "tree-ssa-propagate.h"
#include "tree-ssa.h"
#include "langhooks.h"
#include "output.h"
#include "tree-object-size.h"
#include "tree-into-ssa.h"

namespace fortify_gcc {

// GCC 12 still spells the builtin-function test with a class argument.
inline bool isNormalBuiltin(const_tree fndecl) {
  return fndecl_built_in_p(fndecl, BUILT_IN_NORMAL);
}

}  // namespace fortify_gcc

#endif
