// Runs before GCC's early optimisations (before early_objsz), while every
// check the instrumentation made is still there: notes the checks of
// different sites that ask the same size query (site-model.h,
// SiteTable::shareSizeQuery). FRE merges such queries and then drops the
// dominated check as redundant (memcpy(buf, p->a, n) then memset(p->a, 0,
// n)), which would otherwise look like a check whose size was known.
#include "check-markers.h"
#include "libc-wrappers.h"
#include "passes.h"

#include "tree-dfa.h"  // get_addr_base_and_unit_offset

#include <vector>

namespace fortify_gcc {
namespace {

const pass_data kSharedQueriesPassData = {
    GIMPLE_PASS,
    "fortify_shared_queries",
    OPTGROUP_NONE,
    TV_NONE,
    PROP_cfg | PROP_ssa,
    0,
    0,
    0,
    0,
};

// A static size query: the object the pointer points into, the constant
// offset into it, and the object-size type.
struct SizeQuery {
  tree base = NULL_TREE;
  HOST_WIDE_INT offset = 0;
  HOST_WIDE_INT type = 0;
  fortify::SiteFacts *site = nullptr;

  bool sameAs(const SizeQuery &other) const {
    return type == other.type && offset == other.offset && operand_equal_p(base, other.base, 0);
  }
};

// The query behind a check's size, if that is a __builtin_object_size call
// (dynamic queries come later, at level 3).
bool queryOf(tree size, SizeQuery &query) {
  size = copiedValue(size);
  if (TREE_CODE(size) != SSA_NAME)
    return false;
  gimple *definition = SSA_NAME_DEF_STMT(size);
  if (!gimple_call_builtin_p(definition, BUILT_IN_OBJECT_SIZE) ||
      !tree_fits_shwi_p(gimple_call_arg(definition, 1)))
    return false;
  query.type = tree_to_shwi(gimple_call_arg(definition, 1));
  tree pointer = copiedValue(gimple_call_arg(definition, 0));
  if (TREE_CODE(pointer) == SSA_NAME)
    if (gassign *assign = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(pointer));
        assign && gimple_assign_rhs_code(assign) == ADDR_EXPR)
      pointer = gimple_assign_rhs1(assign);
  query.base = pointer;
  query.offset = 0;
  if (TREE_CODE(pointer) == ADDR_EXPR) {
    poly_int64 offset;
    tree base = get_addr_base_and_unit_offset(TREE_OPERAND(pointer, 0), &offset);
    if (!base || !offset.is_constant(&query.offset))
      return false;
    query.base = base;
  }
  return true;
}

class SharedQueriesPass : public gimple_opt_pass {
public:
  explicit SharedQueriesPass(gcc::context *context)
      : gimple_opt_pass(kSharedQueriesPassData, context) {}

  opt_pass *clone() override { return new SharedQueriesPass(m_ctxt); }

  unsigned int execute(function *fun) override {
    std::vector<SizeQuery> queries;
    auto note = [&](tree size, fortify::SiteFacts *site) {
      SizeQuery query;
      if (!site || !queryOf(size, query))
        return;
      query.site = site;
      for (const SizeQuery &earlier : queries)
        if (earlier.site != query.site && earlier.sameAs(query))
          siteTable().shareSizeQuery(*earlier.site, *query.site);
      queries.push_back(query);
    };
    forEachCheckMarker(fun, [&](CheckMarker &marker) { note(marker.available(), marker.site); });
    // The C library's checks too: once its query is merged with a plugin
    // check's, the check that test dominates proves the library's call
    // fits and it folds to the plain call, its size never seen.
    forEachLibcSizeQuery(fun, note);
    return 0;
  }
};

}  // namespace

opt_pass *makeSharedQueriesPass(gcc::context *context) { return new SharedQueriesPass(context); }

}  // namespace fortify_gcc
