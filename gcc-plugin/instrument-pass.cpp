#include "check-emitter.h"
#include "passes.h"
#include "site-registry.h"

namespace fortify_gcc {
namespace {

const pass_data kInstrumentPassData = {
    GIMPLE_PASS,
    "fortify",
    OPTGROUP_NONE,
    TV_NONE,
    PROP_gimple_any,  // high GIMPLE: runs before CFG construction
    0,
    0,
    0,
    0,
};

// glibc's _FORTIFY_SOURCE and fortify-headers define memcpy & co. as
// always_inline wrappers that check the call themselves (glibc through
// __memcpy_chk) once inlined. Those calls are already protected: checking
// them here too would check them twice.
bool isInlineFortifyWrapper(tree callee) {
  if (!DECL_DECLARED_INLINE_P(callee) ||
      !lookup_attribute("always_inline", DECL_ATTRIBUTES(callee)))
    return false;
  cgraph_node *node = cgraph_node::get(callee);
  return node && node->definition;
}

// The C library function a call statement calls, by the rule table's names.
// Builtins are trusted by name (memcpy, __builtin_memcpy); any other callee
// must have external linkage and C linkage (its assembler name is the plain
// name), so that a C++ method or a static helper that happens to be called
// "strcpy" is left alone. Calls through the C library's own fortify wrapper
// set `checkedByLibc`.
const fortify::Rule *ruleForCall(const gcall *call, bool &checkedByLibc) {
  checkedByLibc = false;
  if (gimple_call_internal_p(call))
    return nullptr;
  tree callee = gimple_call_fndecl(call);
  if (!callee || !DECL_NAME(callee))
    return nullptr;
  if (isInlineFortifyWrapper(callee)) {
    checkedByLibc = true;
    return fortify::findRule(IDENTIFIER_POINTER(DECL_NAME(callee)));
  }
  std::string_view name;
  if (isNormalBuiltin(callee)) {
    name = IDENTIFIER_POINTER(DECL_NAME(callee));
  } else {
    if (!TREE_PUBLIC(callee))
      return nullptr;
    name = IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(callee));
    if (name.substr(0, 1) == "*")
      name.remove_prefix(1);
  }
  if (const fortify::Rule *rule = fortify::findRule(name))
    return rule;
  // glibc's checked entry points (__memcpy_chk, __builtin___memcpy_chk):
  // checked by the C library, counted as such in the reports.
  if (name.substr(0, 10) == "__builtin_")
    name.remove_prefix(10);
  checkedByLibc = true;
  return fortify::findRuleByCheckedName(name);
}

struct WalkState {
  const fortify::Options *options;
  unsigned instrumented = 0;
};

tree visitStatement(gimple_stmt_iterator *gsi, bool *handledOperands,
                    walk_stmt_info *info) {
  gcall *call = dyn_cast<gcall *>(gsi_stmt(*gsi));
  if (!call) {
    *handledOperands = false;  // descend into binds, try blocks, ...
    return NULL_TREE;
  }
  *handledOperands = true;
  WalkState *state = static_cast<WalkState *>(info->info);
  bool checkedByLibc;
  const fortify::Rule *rule = ruleForCall(call, checkedByLibc);
  if (!rule)
    return NULL_TREE;
  if (checkedByLibc) {
    registerSite(describeCall(call, fortify::primaryProblem(*rule), rule->name)).checkedByLibc =
        true;
    return NULL_TREE;
  }
  if (emitChecks(gsi, call, *rule, *state->options))
    ++state->instrumented;
  return NULL_TREE;
}

class InstrumentPass : public gimple_opt_pass {
public:
  InstrumentPass(gcc::context *context, const fortify::Options &options)
      : gimple_opt_pass(kInstrumentPassData, context), options_(options) {}

  unsigned int execute(function *fun) override {
    gimple_seq body = gimple_body(fun->decl);
    if (!body)
      return 0;
    WalkState state{&options_};
    walk_stmt_info info;
    memset(&info, 0, sizeof(info));
    info.info = &state;
    walk_gimple_seq_mod(&body, visitStatement, nullptr, &info);
    gimple_set_body(fun->decl, body);
    return 0;
  }

private:
  const fortify::Options &options_;
};

}  // namespace

opt_pass *makeInstrumentPass(gcc::context *context, const fortify::Options &options) {
  return new InstrumentPass(context, options);
}

}  // namespace fortify_gcc
