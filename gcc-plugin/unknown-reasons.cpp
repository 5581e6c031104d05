#include "unknown-reasons.h"
#include "check-markers.h"
#include "site-registry.h"
#include "usable-sizes.h"

#include <map>
#include <set>

namespace fortify_gcc {
namespace {

using fortify::UnknownReason;

// A walk ends at a reason or at a sized object (common/unknown-reason.h).
using Origin = fortify::PointerRoot;

Origin reasonOnly(UnknownReason reason) { return Origin::because(reason); }
Origin sizedObject() { return Origin::sizedObject(); }
Origin choose(const Origin &a, const Origin &b) { return fortify::chooseBetween(a, b); }

bool isConstantSize(tree value) { return value && TREE_CODE(value) == INTEGER_CST; }

class Classifier {
public:
  Origin pointer(tree value, unsigned depth) {
    // The walk fans out at every phi: each SSA name is classified once, and
    // a walk that grows past its budget gives up (common/unknown-reason.h).
    if (depth > fortify::kMaxWalkDepth || ++steps_ > fortify::kMaxWalkSteps)
      return reasonOnly(UnknownReason::Other);
    switch (TREE_CODE(value)) {
    case SSA_NAME:
      return name(value, depth);
    case ADDR_EXPR:
      return address(TREE_OPERAND(value, 0), depth);
    case POINTER_PLUS_EXPR:
      return pointer(TREE_OPERAND(value, 0), depth + 1);
    case NOP_EXPR:
    case CONVERT_EXPR:
      return convertedFrom(TREE_OPERAND(value, 0), depth);
    case PARM_DECL:
      return reasonOnly(UnknownReason::Parameter);
    case VAR_DECL:
    case MEM_REF:
    case COMPONENT_REF:
    case ARRAY_REF:
    case TARGET_MEM_REF:
    case BIT_FIELD_REF:
      return reasonOnly(UnknownReason::Loaded);  // a pointer read from memory
    default:
      return reasonOnly(UnknownReason::Other);
    }
  }

private:
  Origin convertedFrom(tree operand, unsigned depth) {
    if (POINTER_TYPE_P(TREE_TYPE(operand)))
      return pointer(operand, depth + 1);
    return reasonOnly(UnknownReason::Other);  // an integer made a pointer
  }

  // The object whose address is taken.
  Origin address(tree object, unsigned depth) {
    tree base = get_base_address(object);
    if (!base)
      return reasonOnly(UnknownReason::Other);
    if (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF)
      return pointer(TREE_OPERAND(base, 0), depth + 1);  // &p->field, &p[i]
    if (TREE_CODE(base) == STRING_CST)
      return sizedObject();
    if (DECL_P(base)) {
      tree type = TREE_TYPE(base);
      if (!COMPLETE_TYPE_P(type) || !TYPE_SIZE_UNIT(type))
        return reasonOnly(UnknownReason::External);
      if (!isConstantSize(TYPE_SIZE_UNIT(type)))
        return reasonOnly(UnknownReason::Allocator);  // a variable-length object
      return sizedObject();
    }
    return reasonOnly(UnknownReason::Other);
  }

  Origin name(tree value, unsigned depth) {
    if (auto known = done_.find(value); known != done_.end())
      return known->second;
    if (!visiting_.insert(value).second)
      return sizedObject();  // around a loop: adds nothing
    Origin origin = definition(value, depth);
    visiting_.erase(value);
    done_.emplace(value, origin);
    return origin;
  }

  Origin definition(tree value, unsigned depth) {
    if (SSA_NAME_IS_DEFAULT_DEF(value)) {
      tree var = SSA_NAME_VAR(value);
      return reasonOnly(var && TREE_CODE(var) == PARM_DECL ? UnknownReason::Parameter
                                                           : UnknownReason::Other);
    }
    gimple *statement = SSA_NAME_DEF_STMT(value);
    if (gphi *phi = dyn_cast<gphi *>(statement)) {
      Origin origin = sizedObject();
      for (unsigned i = 0; i < gimple_phi_num_args(phi); ++i)
        origin = choose(origin, pointer(gimple_phi_arg_def(phi, i), depth + 1));
      return origin;
    }
    if (gassign *assign = dyn_cast<gassign *>(statement)) {
      tree rhs1 = gimple_assign_rhs1(assign);
      switch (gimple_assign_rhs_code(assign)) {
      case POINTER_PLUS_EXPR:
        return pointer(rhs1, depth + 1);
      case COND_EXPR:
        return choose(pointer(gimple_assign_rhs2(assign), depth + 1),
                      pointer(gimple_assign_rhs3(assign), depth + 1));
      case MIN_EXPR:
      case MAX_EXPR:
        return choose(pointer(rhs1, depth + 1), pointer(gimple_assign_rhs2(assign), depth + 1));
      CASE_CONVERT:
        return convertedFrom(rhs1, depth);
      default:
        if (gimple_assign_single_p(assign))
          return pointer(rhs1, depth + 1);
        return reasonOnly(UnknownReason::Other);
      }
    }
    if (gcall *call = dyn_cast<gcall *>(statement))
      return callResult(call, depth);
    return reasonOnly(UnknownReason::Other);  // asm ...
  }

  Origin callResult(gcall *call, unsigned depth) {
    // Functions returning an argument (memcpy, strcpy ...): objsz follows
    // them, and so does the reason.
    int flags = gimple_call_return_flags(call);
    if (flags & ERF_RETURNS_ARG) {
      unsigned index = flags & ERF_RETURN_ARG_MASK;
      if (index < gimple_call_num_args(call))
        return pointer(gimple_call_arg(call, index), depth + 1);
    }
    if (gimple_call_builtin_p(call, BUILT_IN_ALLOCA) ||
        gimple_call_builtin_p(call, BUILT_IN_ALLOCA_WITH_ALIGN) ||
        gimple_call_builtin_p(call, BUILT_IN_ALLOCA_WITH_ALIGN_AND_MAX))
      return allocated(isConstantSize(gimple_call_arg(call, 0)));
    tree type = gimple_call_fntype(call);
    tree attribute = type ? lookup_attribute("alloc_size", TYPE_ATTRIBUTES(type)) : NULL_TREE;
    if (!attribute)
      return reasonOnly(UnknownReason::CallResult);
    bool constant = true;
    for (tree position = TREE_VALUE(attribute); position; position = TREE_CHAIN(position)) {
      unsigned index = unsigned(tree_to_uhwi(TREE_VALUE(position))) - 1;
      constant &= index < gimple_call_num_args(call) &&
                  isConstantSize(gimple_call_arg(call, index));
    }
    return allocated(constant);
  }

  static Origin allocated(bool constantSize) {
    return constantSize ? sizedObject()
                        : reasonOnly(UnknownReason::Allocator);
  }

  std::set<tree> visiting_;
  std::map<tree, Origin> done_;
  unsigned steps_ = 0;
};

// The size query a size operand comes from (through copies, arithmetic and
// phis: `size / 4`, `size - len`), or null.
gcall *sizeQueryOf(tree size) {
  std::set<tree> seen;
  std::vector<tree> work{size};
  while (!work.empty() && seen.size() < 32) {
    tree value = work.back();
    work.pop_back();
    if (TREE_CODE(value) != SSA_NAME || !seen.insert(value).second ||
        SSA_NAME_IS_DEFAULT_DEF(value))
      continue;
    gimple *statement = SSA_NAME_DEF_STMT(value);
    if (isSizeQuery(statement))
      return as_a<gcall *>(statement);
    if (gassign *assign = dyn_cast<gassign *>(statement)) {
      for (unsigned i = 1; i < gimple_num_ops(assign); ++i)
        work.push_back(gimple_op(assign, i));
    } else if (gphi *phi = dyn_cast<gphi *>(statement)) {
      for (unsigned i = 0; i < gimple_phi_num_args(phi); ++i)
        work.push_back(gimple_phi_arg_def(phi, i));
    }
  }
  return nullptr;
}

// Markers of the function being compiled, from classifyMarkers to the probe.
std::map<gcall *, UnknownReason> &classified() {
  static std::map<gcall *, UnknownReason> markers;
  return markers;
}

}  // namespace

UnknownReason classifyPointer(tree pointer) {
  Origin origin = Classifier().pointer(pointer, 0);
  return origin.unknownReason();
}

namespace {

// A query about a block whose usable size the program asks for was made
// unknown on purpose: its size is the allocator's (usable-sizes.h).
UnknownReason classifyQuery(gcall *query) {
  return isForgottenSizeQuery(query) ? UnknownReason::Allocator
                                     : classifyPointer(gimple_call_arg(query, 0));
}

}  // namespace

UnknownReason classifySize(tree size) {
  gcall *query = sizeQueryOf(size);
  return query ? classifyQuery(query) : UnknownReason::Other;
}

void classifyMarkers(function *fun) {
  classified().clear();
  forEachCheckMarker(fun, [](CheckMarker &marker) {
    if (marker.site)
      if (gcall *query = sizeQueryOf(marker.available()))
        classified()[marker.call] = classifyQuery(query);
  });
}

std::optional<UnknownReason> reasonOfMarker(gcall *marker) {
  auto found = classified().find(marker);
  if (found != classified().end())
    return found->second;
  if (gcall *query = sizeQueryOf(gimple_call_arg(marker, 2)))
    return classifyQuery(query);
  return std::nullopt;
}

namespace {

// What observeEarlyFoldedSizes collects of a function body.
struct EarlyWalk {
  std::map<tree, std::vector<gimple *>> definitions;  // check temporaries
  std::vector<gcall *> markers;
};

bool isMarker(const gcall *call) {
  tree callee = gimple_call_fndecl(call);
  if (!callee || !DECL_NAME(callee) || gimple_call_num_args(call) != 3)
    return false;
  std::string_view name = IDENTIFIER_POINTER(DECL_NAME(callee));
  return name == fortify::kFailMarkerName || name == fortify::kReportFunctionName;
}

tree collectEarly(gimple_stmt_iterator *gsi, bool *handledOperands, walk_stmt_info *info) {
  gimple *statement = gsi_stmt(*gsi);
  EarlyWalk &walk = *static_cast<EarlyWalk *>(info->info);
  *handledOperands = false;  // descend into binds, try blocks ...
  if (gcall *call = dyn_cast<gcall *>(statement); call && isMarker(call))
    walk.markers.push_back(call);
  tree lhs = gimple_get_lhs(statement);
  if (lhs && VAR_P(lhs) && DECL_ARTIFICIAL(lhs))
    walk.definitions[lhs].push_back(statement);
  return NULL_TREE;
}

// The size query of an address a marker's size comes from, through the
// check's temporaries (not yet SSA names).
gcall *earlyAddressQuery(const EarlyWalk &walk, tree size) {
  std::set<tree> seen;
  std::vector<tree> work{size};
  while (!work.empty() && seen.size() < 32) {
    tree value = work.back();
    work.pop_back();
    auto found = walk.definitions.find(value);
    if (found == walk.definitions.end() || !seen.insert(value).second)
      continue;
    for (gimple *statement : found->second) {
      if (gimple_call_builtin_p(statement, BUILT_IN_OBJECT_SIZE)) {
        gcall *query = as_a<gcall *>(statement);
        if (TREE_CODE(gimple_call_arg(query, 0)) == ADDR_EXPR)
          return query;
      } else if (gassign *assign = dyn_cast<gassign *>(statement)) {
        for (unsigned i = 1; i < gimple_num_ops(assign); ++i)
          work.push_back(gimple_op(assign, i));
      }
    }
  }
  return nullptr;
}

}  // namespace

void observeEarlyFoldedSizes(gimple_seq body) {
  EarlyWalk walk;
  walk_stmt_info info;
  memset(&info, 0, sizeof info);
  info.info = &walk;
  walk_gimple_seq(body, collectEarly, nullptr, &info);
  for (gcall *marker : walk.markers) {
    fortify::SiteFacts *site = findSite(markerDescriptor(marker));
    gcall *query = site ? earlyAddressQuery(walk, gimple_call_arg(marker, 2)) : nullptr;
    if (!query || !tree_fits_shwi_p(gimple_call_arg(query, 1)))
      continue;
    // As fold_builtin_object_size does for an address (GCC 12).
    tree address = gimple_call_arg(query, 0), bytes = NULL_TREE;
    computeObjectSize(address, int(tree_to_shwi(gimple_call_arg(query, 1))), &bytes);
    if (!bytes || !integer_all_onesp(bytes))
      continue;
    site->observeCheck(fortify::SiteStatus::Unknown);
    site->noteUnknownReason(classifyPointer(address));
  }
}

}  // namespace fortify_gcc
