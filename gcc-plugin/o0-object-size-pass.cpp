#include "check-markers.h"
#include "passes.h"
#include "unknown-reasons.h"
#include "usable-sizes.h"

namespace fortify_gcc {
namespace {

const pass_data kO0ObjectSizePassData = {
    GIMPLE_PASS,
    "fortify_o0_objsz",
    OPTGROUP_NONE,
    TV_NONE,
    PROP_cfg | PROP_ssa,
    0,
    0,
    0,
    TODO_cleanup_cfg,  // drop the checks whose condition folded to false
};

// At -O0 objsz may leave "fortify.1 = 16; if (n > fortify.1)" and nothing
// else propagates the constant. Propagating the check temporaries (and
// folding their uses, which replace_uses_by does) lets the CFG cleanup drop
// a check that provably passes, as at -O2.
void propagateCheckTemporaries(function *fun) {
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi);) {
      gassign *assign = dyn_cast<gassign *>(gsi_stmt(gsi));
      tree lhs = assign ? gimple_assign_lhs(assign) : NULL_TREE;
      if (!assign || !gimple_assign_single_p(assign) || TREE_CODE(lhs) != SSA_NAME ||
          !isCheckTemporary(lhs) || SSA_NAME_OCCURS_IN_ABNORMAL_PHI(lhs)) {
        gsi_next(&gsi);
        continue;
      }
      tree value = gimple_assign_rhs1(assign);
      bool constant = TREE_CODE(value) == INTEGER_CST;
      bool copy = TREE_CODE(value) == SSA_NAME && may_propagate_copy(lhs, value);
      if (!constant && !copy) {
        gsi_next(&gsi);
        continue;
      }
      replace_uses_by(lhs, value);
      gsi_remove(&gsi, true);
      release_defs(assign);
    }
  }
}

class O0ObjectSizePass : public gimple_opt_pass {
public:
  O0ObjectSizePass(gcc::context *context, const fortify::Options &options)
      : gimple_opt_pass(kO0ObjectSizePassData, context),
        objectSizes_(make_pass_object_sizes(context)), options_(options) {}

  // With optimisation GCC schedules its own early_objsz/objsz instances,
  // later and with more context (inlining); running here too would fold
  // sizes too early.
  bool gate(function *) override { return !optimize; }

  unsigned int execute(function *fun) override {
    forgetUsableSizes(fun);
    guardNullChoices(fun);
    if (fortify::usesDynamicSizes(options_))
      switchToDynamicSizes(fun);
    classifyMarkers(fun);
    unsigned int todo = objectSizes_->execute(fun);
    propagateCheckTemporaries(fun);
    observeUnknownSizes(fun);
    return todo;
  }

private:
  opt_pass *objectSizes_;
  const fortify::Options &options_;
};

}  // namespace

opt_pass *makeO0ObjectSizePass(gcc::context *context, const fortify::Options &options) {
  return new O0ObjectSizePass(context, options);
}

}  // namespace fortify_gcc
