#include "passes.h"

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

// Whether an SSA name is one of the temporaries the check emitter created
// (create_tmp_reg(..., "fortify")); user variables are never touched, so
// -O0 debugging is unaffected.
// into-SSA turns such ignored temporaries into anonymous SSA names that keep
// only the identifier.
bool isCheckTemporary(tree name) {
  tree var = SSA_NAME_VAR(name);
  if (var && !DECL_ARTIFICIAL(var))
    return false;
  tree identifier = SSA_NAME_IDENTIFIER(name);
  return identifier && startswith(IDENTIFIER_POINTER(identifier), "fortify");
}

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
  explicit O0ObjectSizePass(gcc::context *context)
      : gimple_opt_pass(kO0ObjectSizePassData, context),
        objectSizes_(make_pass_object_sizes(context)) {}

  // With optimisation GCC schedules its own early_objsz/objsz instances,
  // later and with more context (inlining); running here too would fold
  // sizes too early.
  bool gate(function *) override { return !optimize; }

  unsigned int execute(function *fun) override {
    unsigned int todo = objectSizes_->execute(fun);
    propagateCheckTemporaries(fun);
    observeUnknownSizes(fun);
    return todo;
  }

private:
  opt_pass *objectSizes_;
};

}  // namespace

opt_pass *makeO0ObjectSizePass(gcc::context *context) {
  return new O0ObjectSizePass(context);
}

}  // namespace fortify_gcc
