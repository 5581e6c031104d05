// Why the size goes rather than grows to the usable size: the answer is
// known only after the call that asks, and the block may not come from
// malloc at all on paths the program does not ask about; an unknown size is
// what the program would get with no plugin, and never stops it.
#include "usable-sizes.h"
#include "passes.h"
#include "unknown-reason.h"

#include <set>
#include <string_view>

namespace fortify_gcc {
namespace {

// The queries forgetUsableSizes made unknown in the function it last ran on.
std::set<const gcall *> &forgotten() {
  static std::set<const gcall *> queries;
  return queries;
}

bool isUsableSizeCall(const gcall *call) {
  tree callee = gimple_call_fndecl(call);
  return callee && DECL_NAME(callee) && gimple_call_num_args(call) == 1 &&
         std::string_view(IDENTIFIER_POINTER(DECL_NAME(callee))) == "malloc_usable_size" &&
         POINTER_TYPE_P(TREE_TYPE(gimple_call_arg(call, 0)));
}

// Collects the objects `value` may point into, as the unknown-size
// classifier walks (through offsets, copies, conversions, phis, choices
// and calls returning an argument): a call's result, a declaration, a
// parameter, a pointer loaded from memory. Returns false when the walk grew
// past its budget (then anything may be one of them).
class Roots {
public:
  explicit Roots(std::set<tree> &roots) : roots_(roots) {}

  bool walk(tree value) {
    if (++steps_ > fortify::kMaxWalkSteps)
      return false;
    switch (TREE_CODE(value)) {
    case SSA_NAME:
      return name(value);
    case ADDR_EXPR: {
      tree base = get_base_address(TREE_OPERAND(value, 0));
      if (base && (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF))
        return walk(TREE_OPERAND(base, 0));
      roots_.insert(base ? base : value);
      return true;
    }
    case POINTER_PLUS_EXPR:
    case NOP_EXPR:
    case CONVERT_EXPR:
      return walk(TREE_OPERAND(value, 0));
    case INTEGER_CST:
      return true;  // null or a fixed address: no block
    default:
      roots_.insert(value);
      return true;
    }
  }

private:
  bool name(tree value) {
    if (!seen_.insert(value).second)
      return true;
    if (SSA_NAME_IS_DEFAULT_DEF(value)) {
      roots_.insert(value);
      return true;
    }
    gimple *statement = SSA_NAME_DEF_STMT(value);
    if (gphi *phi = dyn_cast<gphi *>(statement)) {
      for (unsigned i = 0; i < gimple_phi_num_args(phi); ++i)
        if (!walk(gimple_phi_arg_def(phi, i)))
          return false;
      return true;
    }
    if (gassign *assign = dyn_cast<gassign *>(statement)) {
      tree rhs1 = gimple_assign_rhs1(assign);
      switch (gimple_assign_rhs_code(assign)) {
      case POINTER_PLUS_EXPR:
        return walk(rhs1);
      case COND_EXPR:
        return walk(gimple_assign_rhs2(assign)) && walk(gimple_assign_rhs3(assign));
      case MIN_EXPR:
      case MAX_EXPR:
        return walk(rhs1) && walk(gimple_assign_rhs2(assign));
      CASE_CONVERT:
        if (POINTER_TYPE_P(TREE_TYPE(rhs1)))
          return walk(rhs1);
        break;
      case SSA_NAME:
      case ADDR_EXPR:
        return walk(rhs1);
      default:
        break;
      }
      roots_.insert(value);  // a load, an integer made a pointer ...
      return true;
    }
    if (gcall *call = dyn_cast<gcall *>(statement)) {
      int flags = gimple_call_return_flags(call);
      if ((flags & ERF_RETURNS_ARG) && (flags & ERF_RETURN_ARG_MASK) < gimple_call_num_args(call))
        return walk(gimple_call_arg(call, flags & ERF_RETURN_ARG_MASK));
    }
    roots_.insert(value);
    return true;
  }

  std::set<tree> &roots_;
  std::set<tree> seen_;
  unsigned steps_ = 0;
};

// The cap early_objsz put on a query of a known size (`fortify.1 =
// MIN_EXPR <_7, 13>`, checkSizeResult) knew the block's requested size.
void uncap(gcall *query, tree result) {
  if (result == gimple_call_lhs(query))
    return;
  gassign *cap = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(result));
  if (cap && gimple_assign_rhs_code(cap) == MIN_EXPR &&
      TREE_CODE(gimple_assign_rhs2(cap)) == INTEGER_CST) {
    gimple_assign_set_rhs2(cap, build_all_ones_cst(TREE_TYPE(gimple_assign_rhs2(cap))));
    update_stmt(cap);
  }
}

}  // namespace

UsableBlocks::UsableBlocks(function *fun) {
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
      if (call && isUsableSizeCall(call) && !Roots(roots_).walk(gimple_call_arg(call, 0)))
        everything_ = true;
    }
  }
}

bool UsableBlocks::covers(tree pointer) const {
  if (everything_)
    return true;
  if (roots_.empty())
    return false;
  std::set<tree> roots;
  if (!Roots(roots).walk(pointer))
    return true;
  for (tree root : roots)
    if (roots_.count(root))
      return true;
  return false;
}

void forgetUsableSizes(function *fun) {
  forgotten().clear();
  UsableBlocks blocks(fun);
  if (blocks.empty())
    return;
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *query = dyn_cast<gcall *>(gsi_stmt(gsi));
      if (!query || !isSizeQuery(query))
        continue;
      tree pointer = gimple_call_arg(query, 0);
      tree result = checkSizeResult(query);
      if (integer_zerop(pointer) || !result || !blocks.covers(pointer))
        continue;
      gimple_call_set_arg(query, 0, build_int_cst(TREE_TYPE(pointer), 0));
      update_stmt(query);
      uncap(query, result);
      forgotten().insert(query);
    }
  }
}

bool isForgottenSizeQuery(const gcall *query) { return forgotten().count(query) != 0; }

}  // namespace fortify_gcc
