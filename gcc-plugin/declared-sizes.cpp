// GCC's own objsz honours the access attribute only for
// __builtin_dynamic_object_size (level 3), multiplies the count by the
// element size without looking for overflow, and takes any mode, `none`
// included. The checks ask for the declared size themselves, at every
// level, as MIN (the size GCC computes, the declared size):
//  - only read_only, write_only and read_write bound what the function
//    accesses; `none` says the pointer is not used to access the object at
//    all, and only that the object has at least that size: no bound;
//  - only with a size argument, and only an explicit attribute (GCC adds an
//    internal one for a VLA parameter `char a[n]`, which C does not make a
//    contract);
//  - the count is in elements of the pointed-to type (void: bytes), its
//    product saturates instead of wrapping;
//  - only when neither the pointer nor the count is ever assigned in the
//    function (the instrument pass runs before SSA): the check then sees
//    the values the caller passed. A pointer moved within the function is
//    left to GCC's objsz (level 3).
#include "declared-sizes.h"
#include "caller-copies.h"
#include "sequence-builder.h"

#include <map>

namespace fortify_gcc {
namespace {

struct AssignedSearch {
  tree decl;
  bool found;
};

tree findAssignment(gimple_stmt_iterator *gsi, bool *handledOperands, walk_stmt_info *info) {
  auto *search = static_cast<AssignedSearch *>(info->info);
  gimple *stmt = gsi_stmt(*gsi);
  *handledOperands = false;
  if (gimple_has_lhs(stmt) && gimple_get_lhs(stmt) == search->decl)
    search->found = true;
  if (auto *asm_stmt = dyn_cast<gasm *>(stmt))
    for (unsigned i = 0; i < gimple_asm_noutputs(asm_stmt); ++i)
      if (TREE_VALUE(gimple_asm_output_op(asm_stmt, i)) == search->decl)
        search->found = true;
  return search->found ? search->decl : NULL_TREE;
}

// Whether `decl` keeps the value the caller passed throughout the function.
bool keepsEntryValue(tree decl) {
  static tree cachedFunction = NULL_TREE;
  static std::map<tree, bool> cache;
  if (cachedFunction != current_function_decl) {
    cachedFunction = current_function_decl;
    cache.clear();
  }
  auto found = cache.find(decl);
  if (found != cache.end())
    return found->second;
  bool keeps = !TREE_ADDRESSABLE(decl);
  if (keeps) {
    AssignedSearch search = {decl, false};
    walk_stmt_info info;
    memset(&info, 0, sizeof info);
    info.info = &search;
    gimple_seq body = gimple_body(current_function_decl);
    walk_gimple_seq(body, findAssignment, nullptr, &info);
    keeps = !search.found;
  }
  cache[decl] = keeps;
  return keeps;
}

// The explicit access attribute entry of `fndecl` that bounds `parm`, or
// null (see the list at the top).
const attr_access *boundingAccess(rdwr_map &accesses, tree fndecl, tree parm) {
  const attr_access *access = get_parm_access(accesses, parm, fndecl);
  if (!access || access->internal_p || access->sizarg == UINT_MAX)
    return nullptr;
  if (access->mode != access_read_only && access->mode != access_write_only &&
      access->mode != access_read_write)
    return nullptr;
  return access;
}

}  // namespace

bool declaresSize(tree fndecl, tree parm) {
  rdwr_map accesses;
  return TREE_CODE(parm) == PARM_DECL && POINTER_TYPE_P(TREE_TYPE(parm)) &&
         boundingAccess(accesses, fndecl, parm) != nullptr;
}

tree declaredObjectSize(SequenceBuilder &b, tree pointer) {
  if (!current_function_decl || TREE_CODE(pointer) != PARM_DECL ||
      DECL_CONTEXT(pointer) != current_function_decl || !POINTER_TYPE_P(TREE_TYPE(pointer)))
    return NULL_TREE;
  rdwr_map accesses;
  const attr_access *access = boundingAccess(accesses, current_function_decl, pointer);
  if (!access)
    return NULL_TREE;
  unsigned HOST_WIDE_INT element = pointeeBytes(TREE_TYPE(TREE_TYPE(pointer)));
  if (element == 0)
    return NULL_TREE;
  tree count = parameterAt(current_function_decl, access->sizarg);
  if (!count || !INTEGRAL_TYPE_P(TREE_TYPE(count)) || !keepsEntryValue(pointer) ||
      !keepsEntryValue(count))
    return NULL_TREE;
  // A negative count converts to a huge one: no stop, as for an unknown size.
  return b.elementBytes(b.toSize(count), element);
}

}  // namespace fortify_gcc
