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

class O0ObjectSizePass : public gimple_opt_pass {
public:
  explicit O0ObjectSizePass(gcc::context *context)
      : gimple_opt_pass(kO0ObjectSizePassData, context),
        objectSizes_(make_pass_object_sizes(context)) {}

  // With optimisation GCC schedules its own early_objsz/objsz instances,
  // later and with more context (inlining); running here too would fold
  // sizes too early.
  bool gate(function *) override { return !optimize; }

  unsigned int execute(function *fun) override { return objectSizes_->execute(fun); }

private:
  opt_pass *objectSizes_;
};

}  // namespace

opt_pass *makeO0ObjectSizePass(gcc::context *context) {
  return new O0ObjectSizePass(context);
}

}  // namespace fortify_gcc
