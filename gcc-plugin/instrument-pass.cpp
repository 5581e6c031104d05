#include "check-emitter.h"
#include "decision-log.h"
#include "libc-wrappers.h"
#include "passes.h"
#include "site-registry.h"
#include "unknown-reasons.h"

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

// How a call reaches its C library function.
enum class Route {
  Direct,          // the function itself (or its builtin): the plugin checks it
  LibcWrapper,     // the C library's inline fortify wrapper (libc-wrappers.h)
  LibcCheckedCall, // a checked entry point called by name (__memcpy_chk)
};

// The C library function a call statement calls, by the rule table's names.
// Builtins are trusted by name (memcpy, __builtin_memcpy); any other callee
// must have external linkage and C linkage (its assembler name is the plain
// name), so that a C++ method or a static helper that happens to be called
// "strcpy" is left alone.
const fortify::Rule *ruleForCall(const gcall *call, Route &route) {
  route = Route::Direct;
  if (gimple_call_internal_p(call))
    return nullptr;
  tree callee = gimple_call_fndecl(call);
  if (!callee || !DECL_NAME(callee))
    return nullptr;
  if (isLibcWrapper(callee)) {
    route = Route::LibcWrapper;
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
  if (name.substr(0, 10) == "__builtin_")
    name.remove_prefix(10);
  route = Route::LibcCheckedCall;
  return fortify::findRuleByCheckedName(name);
}

// The route as the trace names it (decision-log.h).
fortify::Route traceRoute(const gcall *call, const fortify::Rule &rule, Route route) {
  switch (route) {
  case Route::Direct:
    return matchesPrototype(call, rule) ? fortify::Route::Direct : fortify::Route::NotLibc;
  case Route::LibcWrapper:
    return fortify::Route::LibcWrapper;
  case Route::LibcCheckedCall:
    return fortify::Route::LibcChecked;
  }
  return fortify::Route::Direct;
}

struct WalkState {
  const fortify::Options *options;
  bool optedOut = false;  // the function has __attribute__((no_fortify))
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
  Route route;
  const fortify::Rule *rule = ruleForCall(call, route);
  if (!rule)
    return NULL_TREE;
  if (state->optedOut && route != Route::LibcCheckedCall) {
    CallTrace decision(call, *rule, fortify::Route::OptedOut);
    // Not protected by the plugin; the library's own wrapper still checks
    // with its own size (see observeLibcSizes).
    if (route == Route::LibcWrapper)
      registerLibcCall(call, *rule);
    else
      registerUncheckedCall(call, *rule);
    return NULL_TREE;
  }
  CallTrace decision(call, *rule, traceRoute(call, *rule, route));
  switch (route) {
  case Route::Direct:
    if (emitChecks(gsi, call, *rule, *state->options, Checks::All))
      ++state->instrumented;
    break;
  case Route::LibcWrapper:
    // The library checks the write (with the size the plugin tightened),
    // the open mode and, from its level 2, %n; what it never checks, the
    // reads, is ours.
    registerLibcCall(call, *rule);
    if (emitChecks(gsi, call, *rule, *state->options,
                   glibcFortifyLevel() >= 2 ? Checks::ReadsOnly : Checks::ReadsAndFormat))
      ++state->instrumented;
    break;
  case Route::LibcCheckedCall: {
    fortify::SiteFacts &site = recordSite(describeCall(call, fortify::primaryProblem(*rule), rule->name),
                                          fortify::Instrumented::LibcCheck);
    site.observeLibcCheckSurvives();  // its size argument is the caller's own
    break;
  }
  }
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
    if (isLibcWrapper(fun->decl)) {
      if (const fortify::Rule *rule = fortify::findRule(IDENTIFIER_POINTER(DECL_NAME(fun->decl))))
        tightenWrapperSizes(body, fun->decl, *rule, options_);
      return 0;
    }
    WalkState state{&options_, hasNoFortifyAttribute(fun->decl)};
    walk_stmt_info info;
    memset(&info, 0, sizeof(info));
    info.info = &state;
    walk_gimple_seq_mod(&body, visitStatement, nullptr, &info);
    gimple_set_body(fun->decl, body);
    observeEarlyFoldedSizes(body);
    endFunctionCounters();
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
