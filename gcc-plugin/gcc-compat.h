// Every GCC header the plugin needs, and every difference between GCC
// versions, in one place (as the kernel's scripts/gcc-plugins/gcc-common.h).
#ifndef FORTIFY_GCC_COMPAT_H
#define FORTIFY_GCC_COMPAT_H

#include "gcc-plugin.h"
#include "plugin-version.h"

#if GCCPLUGIN_VERSION_MAJOR < 11
#error "fortify: the GCC plugin supports GCC 11 and later"
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

#if GCCPLUGIN_VERSION_MAJOR < 12
// GCC 12 added startswith to system.h.
inline bool startswith(const char *str, const char *prefix) {
  return strncmp(str, prefix, strlen(prefix)) == 0;
}
#endif

namespace fortify_gcc {

// The target this GCC builds for, as its driver's -dumpmachine says
// (CMake asks the FORTIFY_GCC the plugin is built for): values of the
// target's ABI that GCC's type nodes do not give, such as open's flags.
inline constexpr const char *kTargetTriple = FORTIFY_GCC_TARGET;

// An attribute of declarations taking exactly `arguments` arguments. Fields
// set by name: attribute_spec is not the same aggregate in every GCC.
inline attribute_spec declAttribute(const char *name, int arguments,
                                    tree (*handler)(tree *, tree, tree, int, bool *)) {
  attribute_spec spec = {};
  spec.name = name;
  spec.min_length = arguments;
  spec.max_length = arguments;
  spec.decl_required = true;
  spec.handler = handler;
  return spec;
}

// GCC 12 still spells the builtin-function test with a class argument.
inline bool isNormalBuiltin(const_tree fndecl) {
  return fndecl_built_in_p(fndecl, BUILT_IN_NORMAL);
}

// __builtin_dynamic_object_size and its evaluation in the objsz passes are
// new in GCC 12. Without them level 3 is level 2 (plugin.cpp says so once).
#if GCCPLUGIN_VERSION_MAJOR >= 12
inline constexpr bool kHasDynamicObjectSize = true;
inline bool isDynamicSizeQuery(const gimple *stmt) {
  return gimple_call_builtin_p(stmt, BUILT_IN_DYNAMIC_OBJECT_SIZE);
}
inline bool isDynamicSizeBuiltin(tree fndecl) {
  return fndecl_built_in_p(fndecl, BUILT_IN_DYNAMIC_OBJECT_SIZE);
}
// The decl a static query is switched to, or null.
inline tree dynamicSizeBuiltin() { return builtin_decl_explicit(BUILT_IN_DYNAMIC_OBJECT_SIZE); }
inline constexpr int kDynamicObjectSizeBit = OST_DYNAMIC;
#else
inline constexpr bool kHasDynamicObjectSize = false;
// Code that names both builtins (gimple_call_builtin_p(s, BUILT_IN_OBJECT_SIZE)
// || ...(s, BUILT_IN_DYNAMIC_OBJECT_SIZE)) still compiles and means the static one.
constexpr built_in_function BUILT_IN_DYNAMIC_OBJECT_SIZE = BUILT_IN_OBJECT_SIZE;
inline bool isDynamicSizeQuery(const gimple *) { return false; }
inline bool isDynamicSizeBuiltin(tree) { return false; }
inline tree dynamicSizeBuiltin() { return NULL_TREE; }
inline constexpr int kDynamicObjectSizeBit = 0;
#endif

// Where GCC evaluates object sizes. GCC 12 gave the early instance of objsz
// (inside early_optimizations, which only caps subobject sizes) a name of
// its own, early_objsz; before, it was objsz instance 1. The late instances
// (after inlining, and at -Og) cannot be named by number: once GCC has
// registered the dump files, an instance number above 1 matches no pass.
// So on GCC 11 the plugin's passes next to every objsz skip the early one
// (isLateObjectSizeRun).
struct PassReference {
  const char *name;
  int instance;  // 0: next to every instance
};
// A pass as GCC 12 names it (plugin.cpp's registrations), in this GCC.
inline PassReference referencePass(const char *name, int instance) {
#if GCCPLUGIN_VERSION_MAJOR < 12
  if (strcmp(name, "early_objsz") == 0)
    return {"objsz", 1};
#endif
  return {name, instance};
}
inline bool isLateObjectSizeRun() {
#if GCCPLUGIN_VERSION_MAJOR < 12
  return symtab->state >= IPA_SSA_AFTER_INLINING;
#else
  return true;
#endif
}

// The last statement of a block, debug statements skipped: GCC 14 removed
// last_stmt for last_nondebug_stmt (as the kernel's gcc-common.h adapts it).
inline gimple *lastStatement(basic_block bb) {
#if GCCPLUGIN_VERSION_MAJOR >= 14
  return last_nondebug_stmt(bb);
#else
  return last_stmt(bb);
#endif
}

// A finding at a statement, as an error or as a warning under `option`,
// with the functions the statement was inlined into, as GCC's own warnings
// say them ("In function 'put', inlined from 'caller' at ..."). GCC 12
// finds that context in the statement's location; GCC 11 only through %G.
inline void diagnoseAt(const gimple *stmt, bool asError, int option, const char *message) {
  location_t location = gimple_location(stmt);
#if GCCPLUGIN_VERSION_MAJOR < 12
  gimple *context = const_cast<gimple *>(stmt);
  if (asError)
    error_at(location, "%G%s", context, message);
  else
    warning_at(location, option, "%G%s", context, message);
#else
  if (asError)
    error_at(location, "%s", message);
  else
    warning_at(location, option, "%s", message);
#endif
}

// A call of __builtin_object_size or __builtin_dynamic_object_size.
inline bool isSizeQuery(const gimple *stmt) {
  return gimple_call_builtin_p(stmt, BUILT_IN_OBJECT_SIZE) || isDynamicSizeQuery(stmt);
}
inline bool isSizeBuiltin(tree fndecl) {
  return fndecl_built_in_p(fndecl, BUILT_IN_OBJECT_SIZE) || isDynamicSizeBuiltin(fndecl);
}

// compute_builtin_object_size with the size as a tree, as GCC 12 gives it
// (GCC 11 gives a number): returns whether the size is known; `size` is
// set either way, to the unknown value ((size_t)-1, or 0 for types 2 and
// 3) when it is not.
inline bool computeObjectSize(tree pointer, int type, tree *size) {
#if GCCPLUGIN_VERSION_MAJOR >= 12
  return compute_builtin_object_size(pointer, type, size);
#else
  unsigned HOST_WIDE_INT bytes = 0;
  bool known = compute_builtin_object_size(pointer, type, &bytes);
  *size = build_int_cstu(size_type_node, bytes);
  return known;
#endif
}

}  // namespace fortify_gcc

#endif
