#include "check-markers.h"

#include <string>

namespace fortify_gcc {
namespace {

bool calls(const gcall *call, std::string_view name) {
  tree callee = gimple_call_fndecl(call);
  return callee && DECL_NAME(callee) && name == IDENTIFIER_POINTER(DECL_NAME(callee)) &&
         gimple_call_num_args(call) == 3;
}

}  // namespace

tree copiedValue(tree value) {
  for (int depth = 0; depth < 8 && TREE_CODE(value) == SSA_NAME; ++depth) {
    gassign *copy = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(value));
    if (!copy || !gimple_assign_single_p(copy))
      break;
    value = gimple_assign_rhs1(copy);
  }
  return value;
}

void forEachCheckMarker(function *fun, const std::function<void(CheckMarker &)> &visit) {
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
      if (!call)
        continue;
      bool marker = calls(call, fortify::kFailMarkerName);
      if (!marker && !calls(call, fortify::kReportFunctionName))
        continue;
      CheckMarker found{call, gsi, !marker, findSite(markerDescriptor(call))};
      visit(found);
      gsi = found.position;
    }
  }
}

// into-SSA turns such ignored temporaries into anonymous SSA names that keep
// only the identifier.
bool isCheckTemporary(tree name) {
  tree var = SSA_NAME_VAR(name);
  if (var && !DECL_ARTIFICIAL(var))
    return false;
  tree identifier = SSA_NAME_IDENTIFIER(name);
  return identifier && startswith(IDENTIFIER_POINTER(identifier), "fortify");
}

bool isUnknownSize(tree size) {
  size = copiedValue(size);
  if (TREE_CODE(size) == INTEGER_CST)
    return integer_all_onesp(size);
  // A phi of sizes every one of which folded to -1 (a choice between null
  // and an object of unknown size, sized on each edge before objsz) folds to
  // -1 at the next cleanup: unknown as well.
  gphi *phi = TREE_CODE(size) == SSA_NAME ? dyn_cast<gphi *>(SSA_NAME_DEF_STMT(size)) : nullptr;
  if (!phi || gimple_phi_num_args(phi) == 0)
    return false;
  for (unsigned i = 0; i < gimple_phi_num_args(phi); ++i) {
    tree argument = copiedValue(gimple_phi_arg_def(phi, i));
    if (TREE_CODE(argument) != INTEGER_CST || !integer_all_onesp(argument))
      return false;
  }
  return true;
}

bool isUnfoldedSizeQuery(tree size) {
  size = copiedValue(size);
  if (TREE_CODE(size) != SSA_NAME)
    return false;
  gimple *definition = SSA_NAME_DEF_STMT(size);
  return gimple_call_builtin_p(definition, BUILT_IN_OBJECT_SIZE) ||
         gimple_call_builtin_p(definition, BUILT_IN_DYNAMIC_OBJECT_SIZE);
}

}  // namespace fortify_gcc
