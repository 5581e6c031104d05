// Inside a copy that takes its callers' sizes (caller-sizes-pass.cpp says
// why it runs right before early_objsz): each query of the plugin about a
// sized parameter is bounded by what is left of the caller's size.
#include "caller-copies.h"
#include "check-markers.h"
#include "libc-wrappers.h"
#include "passes.h"

#include "tree-dfa.h"  // get_or_create_ssa_default_def

#include <map>
#include <vector>

namespace fortify_gcc {
namespace {

// The name of the bound's temporaries in a copy: check temporaries (they
// start with "fortify"), and a run-time size the caller gives for
// sizeIsKnown (libc-wrappers.cpp).
constexpr const char *kCallerBoundName = "fortify_caller";

const pass_data kPassData = {
    GIMPLE_PASS, "fortify_caller_bound", OPTGROUP_NONE, TV_NONE, PROP_cfg | PROP_ssa, 0, 0, 0, 0,
};

// Inside a copy: each plugin query about a sized parameter becomes
// MIN (query, what is left of the caller's size) — fortify::sizeFromCaller
// in GIMPLE, the offset known — and the sites whose checks use it are noted.
class CallerBoundPass : public gimple_opt_pass {
public:
  explicit CallerBoundPass(gcc::context *context) : gimple_opt_pass(kPassData, context) {}


  opt_pass *clone() override { return new CallerBoundPass(m_ctxt); }
  bool gate(function *fun) override { return callerSizedCopies().count(DECL_UID(fun->decl)) != 0; }

  unsigned int execute(function *fun) override {
    CopyInfo &info = callerSizedCopies()[DECL_UID(fun->decl)];
    std::vector<std::pair<gcall *, size_t>> queries;  // with the slot of their parameter
    std::vector<HOST_WIDE_INT> offsets;
    basic_block bb;
    FOR_EACH_BB_FN(bb, fun) {
      for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
        // The plugin's queries; and the library's query of an inlined
        // wrapper, which GCC merged with the plugin's when both asked the
        // same (libc-wrappers.h, mayTurnDynamic): bounding it bounds both.
        gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
        if (!call || !(isPluginQuery(call) || (isSizeQuery(call) && mayTurnDynamic(call, fun))))
          continue;
        tree parm = NULL_TREE;
        HOST_WIDE_INT offset = 0;
        if (!parameterOffset(gimple_call_arg(call, 0), parm, offset) || offset < 0)
          continue;
        int index = parameterIndex(fun->decl, parm);
        for (size_t slot = 0; slot < info.parameters.size(); ++slot)
          if ((int)info.parameters[slot].index == index) {
            queries.emplace_back(call, slot);
            offsets.push_back(offset);
          }
      }
    }
    std::map<tree, size_t> bounds;  // the bound's result, by slot
    for (size_t i = 0; i < queries.size(); ++i) {
      auto [query, slot] = queries[i];
      tree parm = parameterAt(fun->decl, info.parameters[slot].sizeIndex);
      if (!parm)
        continue;
      tree bound = boundBy(query, get_or_create_ssa_default_def(fun, parm), offsets[i]);
      bounds[bound] = slot;
      if (fortify::SiteFacts *site = libcSiteOfStatement(query, fun))
        info.libcSites[slot].insert(site);
    }
    // The checks' failure paths that use a bound: their sites depend on
    // what the callers pass.
    forEachCheckMarker(fun, [&](CheckMarker &marker) {
      if (!marker.site)
        return;
      tree size = copiedValue(marker.available());
      for (int depth = 0; depth < 3 && TREE_CODE(size) == SSA_NAME; ++depth) {
        if (auto found = bounds.find(size); found != bounds.end()) {
          info.sites[found->second].insert(marker.site);
          return;
        }
        gassign *min = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(size));
        if (!min || gimple_assign_rhs_code(min) != MIN_EXPR)
          return;
        // MIN (bound, declared size) or the other way round.
        tree other = gimple_assign_rhs2(min);
        if (bounds.count(other)) {
          info.sites[bounds[other]].insert(marker.site);
          return;
        }
        size = gimple_assign_rhs1(min);
      }
    });
    return queries.empty() ? 0 : TODO_update_ssa;
  }

private:
  // q = query (p + offset); the uses of q now see MIN (q, left), where
  // left = size == -1 ? -1 : MAX (size, offset) - offset.
  static tree boundBy(gcall *query, tree size, HOST_WIDE_INT offset) {
    tree result = gimple_call_lhs(query);
    gimple_stmt_iterator gsi = gsi_for_stmt(query);
    location_t location = gimple_location(query);
    gimple_seq seq = nullptr;
    auto add = [&](tree_code code, tree a, tree b) {
      tree lhs = make_temp_ssa_name(size_type_node, nullptr, kCallerBoundName);
      gassign *assign = gimple_build_assign(lhs, code, a, b);
      gimple_set_location(assign, location);
      gimple_seq_add_stmt(&seq, assign);
      return lhs;
    };
    tree left = size;
    if (offset > 0) {
      tree past = build_int_cst(size_type_node, offset);
      tree remaining = add(MINUS_EXPR, add(MAX_EXPR, size, past), past);
      tree unknown = make_temp_ssa_name(boolean_type_node, nullptr, kCallerBoundName);
      gassign *test = gimple_build_assign(unknown, EQ_EXPR, size, build_all_ones_cst(size_type_node));
      gimple_seq_add_stmt(&seq, test);
      tree widened = make_temp_ssa_name(size_type_node, nullptr, kCallerBoundName);
      gimple_seq_add_stmt(&seq, gimple_build_assign(widened, NOP_EXPR, unknown));
      tree all = add(MINUS_EXPR, build_zero_cst(size_type_node), widened);
      left = add(BIT_IOR_EXPR, remaining, all);
    }
    tree bound = add(MIN_EXPR, result, left);
    gimple *boundStmt = SSA_NAME_DEF_STMT(bound);
    // Every use of the query but the bound itself.
    imm_use_iterator uses;
    gimple *user;
    use_operand_p use;
    FOR_EACH_IMM_USE_STMT(user, uses, result) {
      if (user == boundStmt)
        continue;
      FOR_EACH_IMM_USE_ON_STMT(use, uses)
        SET_USE(use, bound);
      update_stmt(user);
    }
    gsi_insert_seq_after(&gsi, seq, GSI_NEW_STMT);
    return bound;
  }
};

}  // namespace

bool isCallerSizeBound(tree value) {
  if (TREE_CODE(value) != SSA_NAME)
    return false;
  tree identifier = SSA_NAME_IDENTIFIER(value);
  return identifier && strcmp(IDENTIFIER_POINTER(identifier), kCallerBoundName) == 0;
}

opt_pass *makeCallerBoundPass(gcc::context *context) { return new CallerBoundPass(context); }

}  // namespace fortify_gcc
