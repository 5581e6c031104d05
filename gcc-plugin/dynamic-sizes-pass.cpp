// Level 3 asks for sizes known only at run time (malloc(n), VLAs), through
// __builtin_dynamic_object_size. GCC 12's inliner does not know that
// builtin: it costs a check's size query as a real call that never folds
// (size 4, time 13), where __builtin_object_size costs nothing and is
// expected to fold once inlined. Checks asking for dynamic sizes from the
// start made their functions look too big to inline, and a helper left out
// of line sees only its parameters: on SQLite, level 3 protected fewer call
// sites than level 2.
//
// So every check asks for the static size until inlining is done, and this
// pass switches the checks' own queries to the dynamic builtin right before
// the objsz pass that evaluates them (after inlining; at -O0 inside
// fortify_o0_objsz; with -flto before the IR is written). A static size
// that GCC already folded before this point was known, and a dynamic query
// of a known static size gives the same constant, so nothing is lost but
// the upper bound of a size that depends on the path (`c ? malloc(4) :
// malloc(8)`, folded early to 8).
#include "check-markers.h"
#include "libc-wrappers.h"
#include "passes.h"
#include "unknown-reasons.h"
#include "usable-sizes.h"

#include <map>
#include <vector>

namespace fortify_gcc {
namespace {

const pass_data kDynamicSizesPassData = {
    GIMPLE_PASS,
    "fortify_dynamic_sizes",
    OPTGROUP_NONE,
    TV_NONE,
    PROP_cfg | PROP_ssa,
    0,
    0,
    0,
    0,
};

class DynamicSizesPass : public gimple_opt_pass {
public:
  DynamicSizesPass(gcc::context *context, const fortify::Options &options)
      : gimple_opt_pass(kDynamicSizesPassData, context), options_(options) {}

  opt_pass *clone() override { return new DynamicSizesPass(m_ctxt, options_); }
  bool gate(function *) override { return isLateObjectSizeRun(); }
  unsigned int execute(function *fun) override {
    // Blocks the program asks malloc_usable_size about, at every level.
    forgetUsableSizes(fun);
    guardNullChoices(fun);
    if (fortify::usesDynamicSizes(options_))
      switchToDynamicSizes(fun);
    // Last point where the C library's and the plugin's sizes of an inlined
    // wrapper are still apart (objsz folds them into one).
    observeLibcSizes(fun);
    // The pointers the checks ask about, before objsz folds them away.
    classifyMarkers(fun);
    return 0;
  }

private:
  const fortify::Options &options_;
};

// The name a size query's value ends up in. GCC's early_objsz does not fold
// a subobject query (types 1 and 3) whose static size it knows, it caps it:
// `fortify.1 = __builtin_object_size (d, 1)` becomes `_7 = __builtin_object_size
// (d, 1); fortify.1 = MIN_EXPR <_7, 64>`. Without looking through that cap the
// string checks stayed static, and `d = c ? small : big` was sized by `big`.
tree queryResult(gcall *query) {
  tree result = gimple_call_lhs(query);
  if (!result || TREE_CODE(result) != SSA_NAME)
    return NULL_TREE;
  if (isCheckTemporary(result))
    return result;
  // Later passes may also use the query directly (`if (_7 <= 63)`, from
  // the cap's comparison), so any use that is the cap counts.
  use_operand_p use;
  imm_use_iterator uses;
  FOR_EACH_IMM_USE_FAST(use, uses, result) {
    gassign *cap = dyn_cast<gassign *>(USE_STMT(use));
    if (cap && (gimple_assign_rhs_code(cap) == MIN_EXPR || gimple_assign_rhs_code(cap) == MAX_EXPR) &&
        gimple_assign_rhs1(cap) == result && TREE_CODE(gimple_assign_rhs2(cap)) == INTEGER_CST &&
        TREE_CODE(gimple_assign_lhs(cap)) == SSA_NAME && isCheckTemporary(gimple_assign_lhs(cap)))
      return gimple_assign_lhs(cap);
  }
  return result;
}

// `value` through copies of SSA names (-O0 keeps `d_7 = 0B; ... d_5 =
// iftmp.2_8`).
tree throughCopies(tree value) {
  for (unsigned depth = 0; TREE_CODE(value) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(value) &&
                           depth < 8; ++depth) {
    gassign *copy = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(value));
    if (!copy || !gimple_assign_single_p(copy) ||
        (TREE_CODE(gimple_assign_rhs1(copy)) != SSA_NAME && !integer_zerop(gimple_assign_rhs1(copy))))
      break;
    value = gimple_assign_rhs1(copy);
  }
  return value;
}

// The choice `p = PHI <0B, q>` of a check's query `bos (p, type)`, or null.
gphi *nullChoice(gcall *query) {
  tree pointer = throughCopies(gimple_call_arg(query, 0));
  if (TREE_CODE(pointer) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(pointer))
    return nullptr;
  gphi *phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(pointer));
  if (!phi || virtual_operand_p(pointer))
    return nullptr;
  bool null = false, other = false;
  for (unsigned i = 0; i < gimple_phi_num_args(phi); ++i) {
    if (gimple_phi_arg_edge(phi, i)->flags & EDGE_ABNORMAL)
      return nullptr;
    (integer_zerop(throughCopies(gimple_phi_arg_def(phi, i))) ? null : other) = true;
  }
  return null && other ? phi : nullptr;
}

// `size = bos (p, type)` becomes `size = PHI <-1, bos (q, type)>`: each of
// the phi's pointers asked on its own edge, the null one unknown.
void sizeEachChoice(gcall *query, gphi *choice) {
  basic_block join = gimple_bb(choice);
  tree type = gimple_call_arg(query, 1);
  tree builtin = gimple_call_fndecl(query);
  std::map<basic_block, tree> sizes;  // by the block each edge now comes from
  auto_vec<edge> edges;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE(e, ei, join->preds)
    edges.safe_push(e);
  for (edge incoming : edges) {
    tree pointer = PHI_ARG_DEF_FROM_EDGE(choice, incoming);
    if (integer_zerop(throughCopies(pointer)))
      continue;
    tree size = make_temp_ssa_name(size_type_node, nullptr, "fortify");
    gcall *ask = gimple_build_call(builtin, 2, pointer, type);
    gimple_call_set_lhs(ask, size);
    gimple_set_location(ask, gimple_location(query));
    basic_block split = gsi_insert_on_edge_immediate(incoming, ask);
    sizes[split ? split : incoming->src] = size;
  }
  gphi *phi = create_phi_node(make_temp_ssa_name(size_type_node, nullptr, "fortify"), join);
  FOR_EACH_EDGE(e, ei, join->preds) {
    auto found = sizes.find(e->src);
    add_phi_arg(phi, found != sizes.end() ? found->second : build_all_ones_cst(size_type_node), e,
                UNKNOWN_LOCATION);
  }
  gimple_stmt_iterator gsi = gsi_for_stmt(query);
  gsi_replace(&gsi, gimple_build_assign(gimple_call_lhs(query), gimple_phi_result(phi)), true);
}

}  // namespace

void guardNullChoices(function *fun) {
  std::vector<std::pair<gcall *, gphi *>> choices;
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *query = dyn_cast<gcall *>(gsi_stmt(gsi));
      if (query && gimple_call_builtin_p(query, BUILT_IN_OBJECT_SIZE) && checkSizeResult(query))
        if (gphi *choice = nullChoice(query))
          choices.emplace_back(query, choice);
    }
  }
  for (auto [query, choice] : choices)
    sizeEachChoice(query, choice);
}

tree checkSizeResult(gcall *query) {
  tree result = queryResult(query);
  return result && isCheckTemporary(result) ? result : NULL_TREE;
}

void switchToDynamicSizes(function *fun) {
  // A wrapper's own body (seen with -flto, before the IR is written) keeps
  // the library's query: it is inlined, opted out or not, before its
  // callers switch their copies.
  if (isLibcWrapper(fun->decl))
    return;
  tree dynamic = dynamicSizeBuiltin();
  if (!dynamic)
    return;
  bool switched = false;
  UsableBlocks usable(fun);
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
      if (!call || !gimple_call_builtin_p(call, BUILT_IN_OBJECT_SIZE))
        continue;
      tree result = queryResult(call);
      if (!result || !(isCheckTemporary(result) || mayTurnDynamic(call, fun)))
        continue;  // the program's own query stays as written
      // The library's static size of a block whose usable size the program
      // asks for is the library's to give; a dynamic one would be ours.
      if (!isCheckTemporary(result) && usable.covers(gimple_call_arg(call, 0)))
        continue;
      gimple_call_set_fndecl(call, dynamic);
      update_stmt(call);
      switched = true;
    }
  }
  // The dynamic builtin is pure where the static one is const: its calls
  // now read memory, and need virtual operands.
  if (switched) {
    mark_virtual_operands_for_renaming(fun);
    update_ssa(TODO_update_ssa_only_virtuals);
  }
}

opt_pass *makeDynamicSizesPass(gcc::context *context, const fortify::Options &options) {
  return new DynamicSizesPass(context, options);
}

}  // namespace fortify_gcc
