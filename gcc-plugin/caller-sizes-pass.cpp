// Caller sizes (common/caller-sizes.h): a local function whose pointer
// parameter reaches a check of unknown size gets a copy taking, per such
// parameter, the size its caller's own check would use, and every direct
// call goes to the copy. It is, in effect, an access attribute
// (declared-sizes.cpp) that the plugin writes and the callers fill in: the
// copy's check uses MIN (the compiler's size, what is left of the caller's).
//
// Where it runs, and why:
//  - the copying, a small IPA pass right before the early local passes
//    (opt_local_passes): every function of the unit is in SSA form with its
//    checks' size queries (the instrument pass ran before "lower"), so both
//    the facts and every direct call are in view; nothing has been inlined,
//    so the callers' queries are inserted as early as the plugin's own and
//    fold the same way (early_objsz still sees `&s.member` for subobject
//    sizes). The copy then goes through the early inliner like any function.
//  - the bound inside the copy, a GIMPLE pass right before early_objsz: after
//    the early inliner has put the C library's wrappers (glibc's
//    _FORTIFY_SOURCE) into the copy, so their tightened queries are bounded
//    too, and before early_objsz. Neither early_objsz (it only caps
//    subobject queries whose size it knows) nor the folders before it fold
//    the query of a parameter to "unknown": only the late objsz does, and by
//    then the bound is in place. A copy inlined into its caller takes the
//    caller's argument for the parameter and the caller's query for the size.
//
// A site in a copy is the same source site as in the original (the markers
// carry its descriptor): one record. A copy that stays out of line gets a
// run-time size, which the callers fill in: a caller that passes "unknown"
// makes the site unknown (observeCallerSizes), with the reason of its
// argument.
#include "caller-copies.h"
#include "caller-sizes.h"
#include "check-markers.h"
#include "declared-sizes.h"
#include "libc-wrappers.h"
#include "passes.h"
#include "rules.h"
#include "site-registry.h"
#include "unknown-reasons.h"

#include "ipa-param-manipulation.h"
#include "tree-dfa.h"  // get_addr_base_and_unit_offset, get_or_create_ssa_default_def
#include "tree-inline.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fortify_gcc {

std::map<unsigned, CopyInfo> &callerSizedCopies() {
  static std::map<unsigned, CopyInfo> table;
  return table;
}

bool parameterOffset(tree pointer, tree &parm, HOST_WIDE_INT &offset) {
  offset = 0;
  for (int depth = 0; depth < 12; ++depth) {
    if (TREE_CODE(pointer) == ADDR_EXPR) {
      // &MEM[p + 4], &p->field: the object is the parameter's.
      poly_int64 inner;
      HOST_WIDE_INT constant;
      tree base = get_addr_base_and_unit_offset(TREE_OPERAND(pointer, 0), &inner);
      if (!base || TREE_CODE(base) != MEM_REF || !inner.is_constant(&constant))
        return false;
      poly_offset_int memOffset = mem_ref_offset(base);
      HOST_WIDE_INT extra;
      if (!memOffset.is_constant() || !wi::fits_shwi_p(memOffset.to_constant()))
        return false;
      extra = memOffset.to_constant().to_shwi();
      offset += constant + extra;
      pointer = TREE_OPERAND(base, 0);
      continue;
    }
    if (TREE_CODE(pointer) != SSA_NAME)
      return false;
    if (SSA_NAME_IS_DEFAULT_DEF(pointer)) {
      tree var = SSA_NAME_VAR(pointer);
      if (!var || TREE_CODE(var) != PARM_DECL || !POINTER_TYPE_P(TREE_TYPE(var)))
        return false;
      parm = var;
      return true;
    }
    gassign *assign = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(pointer));
    if (!assign)
      return false;
    tree rhs1 = gimple_assign_rhs1(assign);
    tree_code code = gimple_assign_rhs_code(assign);
    if (code == POINTER_PLUS_EXPR) {
      tree step = gimple_assign_rhs2(assign);
      if (TREE_CODE(step) != INTEGER_CST)
        return false;
      tree signedStep = fold_convert(ssizetype, step);
      if (!tree_fits_shwi_p(signedStep))
        return false;
      offset += tree_to_shwi(signedStep);
    } else if (!(gimple_assign_single_p(assign) || CONVERT_EXPR_CODE_P(code)) ||
               !POINTER_TYPE_P(TREE_TYPE(rhs1))) {
      return false;
    }
    pointer = rhs1;
  }
  return false;
}

int parameterIndex(tree fndecl, tree parm) {
  int index = 0;
  for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p), ++index)
    if (p == parm)
      return index;
  return -1;
}

tree parameterAt(tree fndecl, unsigned index) {
  tree p = DECL_ARGUMENTS(fndecl);
  for (unsigned i = 0; p && i < index; ++i)
    p = DECL_CHAIN(p);
  return p;
}

unsigned parameterCount(tree fndecl) {
  unsigned count = 0;
  for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p))
    ++count;
  return count;
}

bool isPluginQuery(gcall *call) {
  if (!isSizeQuery(call) || !tree_fits_shwi_p(gimple_call_arg(call, 1)))
    return false;
  tree lhs = gimple_call_lhs(call);
  return lhs && TREE_CODE(lhs) == SSA_NAME && (isCheckTemporary(lhs) || checkSizeResult(call));
}

namespace {

// Whether a query of this type about this pointer has a size the compiler
// cannot work out from the parameter alone: a subobject query about a
// member (`&p->name`, type 1) is sized by the member's type.
bool unsizedQuery(tree pointer, int type) {
  if (!(type & 1) || TREE_CODE(pointer) != ADDR_EXPR)
    return true;
  return TREE_CODE(TREE_OPERAND(pointer, 0)) == MEM_REF;
}

// What a function does with its pointer parameters, read once.
struct Summary {
  cgraph_node *node = nullptr;
  fortify::CalleeFacts facts;
  fortify::CallerSizeRefusal refusal = fortify::CallerSizeRefusal::None;
  bool scanned = false;
  // Per parameter: the object-size types of the checks it reaches (bit per
  // type), and the calls it is passed to (callee uid, argument).
  std::vector<unsigned> types;
  std::vector<std::vector<std::pair<unsigned, unsigned>>> passedTo;
  std::vector<SizedParameter> sized;  // the decision
};

// A direct call of `callee` that a copy can serve: as many arguments as
// parameters, each of the parameter's type (an unprototyped call may
// differ).
bool servableCall(const gcall *call, tree callee) {
  if (!call || gimple_call_fndecl(call) != callee || gimple_call_internal_p(call) ||
      gimple_call_va_arg_pack_p(call))
    return false;
  unsigned count = parameterCount(callee);
  if (gimple_call_num_args(call) != count)
    return false;
  tree parm = DECL_ARGUMENTS(callee);
  for (unsigned i = 0; i < count; ++i, parm = DECL_CHAIN(parm))
    if (!useless_type_conversion_p(TREE_TYPE(parm), TREE_TYPE(gimple_call_arg(call, i))))
      return false;
  return true;
}

bool hasAttribute(tree fndecl, const char *name) {
  return lookup_attribute(name, DECL_ATTRIBUTES(fndecl)) != NULL_TREE;
}

// The facts that need no look at the body.
void gatherDeclarationFacts(Summary &summary) {
  cgraph_node *node = summary.node;
  tree decl = node->decl;
  fortify::CalleeFacts &facts = summary.facts;
  facts.optimised = opt_for_fn(decl, optimize) > 0;
  facts.optimisedForDebugging = opt_for_fn(decl, optimize_debug);
  // Every call in view: not exported, not interposable (-fPIC), not in
  // another partition. noipa asks the compiler to act as if it were.
  facts.localLinkage = !node->externally_visible && !DECL_EXTERNAL(decl) &&
                       node->get_availability() >= AVAIL_AVAILABLE &&
                       !node->used_from_other_partition && !hasAttribute(decl, "noipa");
  facts.variadic = stdarg_p(TREE_TYPE(decl));
  facts.copyable = prototype_p(TREE_TYPE(decl)) && !hasAttribute(decl, "noclone") &&
                   tree_versionable_function_p(decl) && !node->ifunc_resolver &&
                   !DECL_STATIC_CONSTRUCTOR(decl) && !DECL_STATIC_DESTRUCTOR(decl);
  // Used other than by a direct call: the address is taken (a vtable, a
  // function pointer), an alias names it, or the program keeps it (`used`).
  facts.addressTaken = node->address_taken || node->has_aliases_p() || node->force_output ||
                       node->forced_by_abi;
  for (cgraph_edge *edge = node->callers; edge; edge = edge->next_caller) {
    function *caller = DECL_STRUCT_FUNCTION(edge->caller->decl);
    if (caller && gimple_in_ssa_p(caller) && servableCall(edge->call_stmt, decl))
      ++facts.directCalls;
    else
      facts.addressTaken = true;  // a call the copy cannot serve keeps the original
  }
}

// The body: which parameters reach a plugin check, or a call.
void scanBody(Summary &summary, const fortify::Options &options) {
  tree decl = summary.node->decl;
  function *fun = DECL_STRUCT_FUNCTION(decl);
  unsigned count = parameterCount(decl);
  summary.types.assign(count, 0);
  summary.passedTo.assign(count, {});
  summary.scanned = true;
  if (!fun || !gimple_in_ssa_p(fun) || !fun->cfg)
    return;
  auto note = [&](tree pointer, int type) {
    tree parm = NULL_TREE;
    HOST_WIDE_INT offset = 0;
    if (!unsizedQuery(pointer, type) || !parameterOffset(pointer, parm, offset) || offset < 0)
      return;
    int index = parameterIndex(decl, parm);
    if (index >= 0 && !declaresSize(decl, parm))
      summary.types[index] |= 1u << (type & 1);
  };
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
      if (!call)
        continue;
      if (isPluginQuery(call)) {
        note(gimple_call_arg(call, 0), tree_to_shwi(gimple_call_arg(call, 1)));
        continue;
      }
      tree callee = gimple_call_fndecl(call);
      if (!callee)
        continue;
      // The C library's wrapper checks its destination with the plugin's
      // size once inlined (libc-wrappers.h).
      if (isLibcWrapper(callee)) {
        const fortify::Rule *rule = fortify::findRule(IDENTIFIER_POINTER(DECL_NAME(callee)));
        if (rule && rule->dest != fortify::kNoArg && rule->dest < (int)gimple_call_num_args(call) &&
            POINTER_TYPE_P(TREE_TYPE(gimple_call_arg(call, rule->dest))))
          note(gimple_call_arg(call, rule->dest), fortify::objectSizeType(*rule, options.level));
        continue;
      }
      // A parameter handed on unchanged to another function: sized when
      // that function's copy takes a size for it (decided below).
      for (unsigned i = 0; i < gimple_call_num_args(call); ++i) {
        tree parm = NULL_TREE;
        HOST_WIDE_INT offset = 0;
        tree argument = gimple_call_arg(call, i);
        if (POINTER_TYPE_P(TREE_TYPE(argument)) && parameterOffset(argument, parm, offset) &&
            offset == 0 && !declaresSize(decl, parm)) {
          int index = parameterIndex(decl, parm);
          if (index >= 0)
            summary.passedTo[index].emplace_back(DECL_UID(callee), i);
        }
      }
    }
  }
}

// The object-size type a parameter's callers are asked for: the checks'
// own when they agree; a whole-object size (type 0) when some check uses
// it, which bounds the subobject checks too, never below what they allow.
int typeOf(unsigned typeBits) { return (typeBits & 1u) ? 0 : 1; }

void trace(const fortify::Options &options, tree decl, fortify::CallerSizeRefusal refusal) {
  if (!options.trace && !dump_file)
    return;
  std::string line = std::string("caller sizes: ") + lang_hooks.decl_printable_name(decl, 2) +
                     ": " + std::string(fortify::callerSizeRefusalName(refusal));
  if (options.trace)
    fprintf(stderr, "fortify: %s\n", line.c_str());
  if (dump_file)
    fprintf(dump_file, "fortify: %s\n", line.c_str());
}

// The copy: the original's parameters, then one size per sized parameter.
cgraph_node *makeCopy(Summary &summary) {
  tree decl = summary.node->decl;
  unsigned count = parameterCount(decl);
  vec<ipa_adjusted_param, va_gc> *parameters = nullptr;
  for (unsigned i = 0; i < count; ++i) {
    ipa_adjusted_param copy;
    memset(&copy, 0, sizeof copy);
    copy.op = IPA_PARAM_OP_COPY;
    copy.base_index = i;
    copy.prev_clone_index = i;
    vec_safe_push(parameters, copy);
  }
  for (SizedParameter &sized : summary.sized) {
    ipa_adjusted_param size;
    memset(&size, 0, sizeof size);
    size.op = IPA_PARAM_OP_NEW;
    size.type = size_type_node;
    size.param_prefix_index = IPA_PARAM_PREFIX_SYNTH;
    sized.sizeIndex = vec_safe_length(parameters);
    vec_safe_push(parameters, size);
  }
  ipa_param_adjustments *adjustments =
      new (ggc_alloc<ipa_param_adjustments>()) ipa_param_adjustments(parameters, -1, false);
  const std::string suffix(fortify::kCallerSizedSuffix);
  cgraph_node *copy = summary.node->create_version_clone_with_body(vNULL, nullptr, adjustments,
                                                                   nullptr, nullptr, suffix.c_str());
  if (!copy)
    return nullptr;
  // GCC numbers its clones per name and suffix; the shared model names the
  // copy (one per function and unit: number 0).
  const char *original = IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(decl));
  if (*original == '*')
    ++original;
  tree name = get_identifier(fortify::callerSizedName(original, 0).c_str());
  if (name != DECL_ASSEMBLER_NAME(copy->decl)) {
    symtab->change_decl_assembler_name(copy->decl, name);
    DECL_NAME(copy->decl) = name;
  }
  return copy;
}

// A call of `original` becomes a call of `copy` with the caller's sizes of
// its arguments, queried as the checks query them (a check temporary, so
// that it turns dynamic at level 3 and, in a copy, is bounded in turn).
void redirectCall(gcall *call, tree copy, const std::vector<SizedParameter> &sized) {
  gimple_stmt_iterator gsi = gsi_for_stmt(call);
  location_t location = gimple_location(call);
  auto_vec<tree> arguments;
  for (unsigned i = 0; i < gimple_call_num_args(call); ++i)
    arguments.safe_push(gimple_call_arg(call, i));
  for (const SizedParameter &parameter : sized) {
    tree size = make_temp_ssa_name(size_type_node, nullptr, "fortify");
    gcall *query = gimple_build_call(builtin_decl_explicit(BUILT_IN_OBJECT_SIZE), 2,
                                     gimple_call_arg(call, parameter.index),
                                     build_int_cst(integer_type_node, parameter.type));
    gimple_call_set_lhs(query, size);
    gimple_set_location(query, location);
    gsi_insert_before(&gsi, query, GSI_SAME_STMT);
    arguments.safe_push(size);
  }
  gcall *redirected = gimple_build_call_vec(copy, arguments);
  gimple_call_copy_flags(redirected, call);
  gimple_call_set_chain(redirected, gimple_call_chain(call));
  gimple_set_location(redirected, location);
  if (tree lhs = gimple_call_lhs(call)) {
    gimple_call_set_lhs(redirected, lhs);
    if (TREE_CODE(lhs) == SSA_NAME)
      SSA_NAME_DEF_STMT(lhs) = redirected;
  }
  gimple_move_vops(redirected, call);
  gsi_replace(&gsi, redirected, true);
}

const pass_data kPassData = {
    SIMPLE_IPA_PASS, "fortify_caller_sizes", OPTGROUP_NONE, TV_NONE, 0, 0, 0, 0, 0,
};

class CallerSizesPass : public simple_ipa_opt_pass {
public:
  CallerSizesPass(gcc::context *context, const fortify::Options &options)
      : simple_ipa_opt_pass(kPassData, context), options_(options) {}


  bool gate(function *) override { return !seen_error() && !in_lto_p; }

  unsigned int execute(function *) override {
    std::vector<Summary> summaries;
    std::map<unsigned, size_t> byUid;
    cgraph_node *node;
    FOR_EACH_DEFINED_FUNCTION(node) {
      if (!node->has_gimple_body_p() || node->alias || node->thunk || node->inlined_to ||
          node->clone_of || DECL_EXTERNAL(node->decl) || DECL_ARTIFICIAL(node->decl) ||
          isLibcWrapper(node->decl))
        continue;  // a body only for inlining (gnu_inline) is not the function
      Summary summary;
      summary.node = node;
      summaries.push_back(summary);
    }
    // In source order, for the trace.
    std::sort(summaries.begin(), summaries.end(),
              [](const Summary &a, const Summary &b) { return a.node->order < b.node->order; });
    for (size_t i = 0; i < summaries.size(); ++i)
      byUid[DECL_UID(summaries[i].node->decl)] = i;
    // The facts without the body first: at -O0, or with the option off,
    // nothing is read.
    bool any = false;
    for (Summary &summary : summaries) {
      gatherDeclarationFacts(summary);
      fortify::CalleeFacts probe = summary.facts;
      probe.unsizedPointerParameters = 1;
      probe.directCalls = 1;
      summary.refusal = fortify::callerSizeRefusal(probe, options_.callerSizes);
      if (summary.refusal == fortify::CallerSizeRefusal::None) {
        scanBody(summary, options_);
        any = true;
      }
    }
    if (any)
      decide(summaries, byUid);
    for (Summary &summary : summaries)
      trace(options_, summary.node->decl, summary.refusal);
    if (any)
      copyAndRedirect(summaries);
    return 0;
  }

private:
  // Which parameters get a size: those reaching a check, then those handed
  // on to a parameter that gets one, until nothing changes (a chain of
  // helpers, recursion).
  void decide(std::vector<Summary> &summaries, const std::map<unsigned, size_t> &byUid) {
    std::vector<std::vector<unsigned>> types(summaries.size());
    for (size_t i = 0; i < summaries.size(); ++i)
      types[i] = summaries[i].types;
    auto refusalOf = [&](size_t i) {
      Summary &summary = summaries[i];
      if (!summary.scanned)
        return summary.refusal;
      fortify::CalleeFacts facts = summary.facts;
      facts.unsizedPointerParameters =
          std::count_if(types[i].begin(), types[i].end(), [](unsigned bits) { return bits != 0; });
      return fortify::callerSizeRefusal(facts, options_.callerSizes);
    };
    for (int round = 0; round < 8; ++round) {
      bool changed = false;
      for (size_t i = 0; i < summaries.size(); ++i) {
        if (!summaries[i].scanned)
          continue;
        for (size_t p = 0; p < types[i].size(); ++p)
          for (auto [callee, argument] : summaries[i].passedTo[p]) {
            auto found = byUid.find(callee);
            if (found == byUid.end() || !summaries[found->second].scanned ||
                refusalOf(found->second) != fortify::CallerSizeRefusal::None ||
                argument >= types[found->second].size())
              continue;
            unsigned bits = types[found->second][argument];
            if (bits && (types[i][p] | bits) != types[i][p]) {
              types[i][p] |= bits;
              changed = true;
            }
          }
      }
      if (!changed)
        break;
    }
    for (size_t i = 0; i < summaries.size(); ++i) {
      Summary &summary = summaries[i];
      if (!summary.scanned)
        continue;
      summary.refusal = refusalOf(i);
      summary.facts.unsizedPointerParameters =
          std::count_if(types[i].begin(), types[i].end(), [](unsigned bits) { return bits != 0; });
      if (summary.refusal != fortify::CallerSizeRefusal::None)
        continue;
      for (unsigned p = 0; p < types[i].size(); ++p)
        if (types[i][p])
          summary.sized.push_back({p, typeOf(types[i][p]), 0});
    }
  }

  void copyAndRedirect(std::vector<Summary> &summaries) {
    // Every copy first, from the bodies as they are; then every direct
    // call, in the originals and in the copies (recursion), goes to a copy.
    std::map<tree, std::pair<tree, const std::vector<SizedParameter> *>> targets;
    for (Summary &summary : summaries) {
      if (summary.refusal != fortify::CallerSizeRefusal::None)
        continue;
      cgraph_node *copy = makeCopy(summary);
      if (!copy)
        continue;
      CopyInfo &info = callerSizedCopies()[DECL_UID(copy->decl)];
      info.parameters = summary.sized;
      info.sites.resize(summary.sized.size());
      info.libcSites.resize(summary.sized.size());
      targets[summary.node->decl] = {copy->decl, &info.parameters};
    }
    std::map<cgraph_node *, std::vector<gcall *>> callsByCaller;
    for (auto &[original, target] : targets)
      for (cgraph_edge *edge = cgraph_node::get(original)->callers; edge; edge = edge->next_caller) {
        function *caller = DECL_STRUCT_FUNCTION(edge->caller->decl);
        if (caller && gimple_in_ssa_p(caller) && servableCall(edge->call_stmt, original))
          callsByCaller[edge->caller].push_back(edge->call_stmt);
      }
    for (auto &[caller, calls] : callsByCaller) {
      push_cfun(DECL_STRUCT_FUNCTION(caller->decl));
      for (gcall *call : calls) {
        auto &[copy, sized] = targets[gimple_call_fndecl(call)];
        redirectCall(call, copy, *sized);
      }
      cgraph_edge::rebuild_edges();
      pop_cfun();
    }
  }

  const fortify::Options &options_;
};

}  // namespace

void observeCallerSizes(function *fun, bool beforeLinkTime) {
  if (callerSizedCopies().empty())
    return;
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
      tree callee = call ? gimple_call_fndecl(call) : NULL_TREE;
      if (!callee)
        continue;
      auto found = callerSizedCopies().find(DECL_UID(callee));
      if (found == callerSizedCopies().end())
        continue;
      const CopyInfo &info = found->second;
      for (size_t slot = 0; slot < info.parameters.size(); ++slot) {
        const SizedParameter &parameter = info.parameters[slot];
        if (parameter.sizeIndex >= gimple_call_num_args(call))
          continue;
        tree size = gimple_call_arg(call, parameter.sizeIndex);
        if (!isUnknownSize(size) && !(beforeLinkTime && isUnfoldedSizeQuery(size)))
          continue;
        fortify::UnknownReason why = classifyPointer(gimple_call_arg(call, parameter.index));
        for (fortify::SiteFacts *site : info.sites[slot]) {
          site->observeCheck(fortify::SiteStatus::Unknown);
          site->noteUnknownReason(why);
        }
        for (fortify::SiteFacts *site : info.libcSites[slot]) {
          site->observeLibcSizes(fortify::Fortifier::None);
          site->noteUnknownReason(why);
        }
      }
    }
  }
}

opt_pass *makeCallerSizesPass(gcc::context *context, const fortify::Options &options) {
  return new CallerSizesPass(context, options);
}

}  // namespace fortify_gcc
