#include "chk-calls.h"

#include "messages.h"
#include "site-registry.h"

#include <map>
#include <optional>
#include <vector>

namespace fortify_gcc {
namespace {

using fortify::ChkArgument;
using fortify::ChkArgumentKind;
using fortify::Rule;

// Per rule (by its index in the table): the entry point's declaration, and
// the plain function's declaration and type as the program called it, to
// go back to. Roots, so that the garbage collector keeps them between
// passes.
constexpr int kSlots = 160;
tree gChkDecls[kSlots];
tree gPlainDecls[kSlots];
tree gPlainTypes[kSlots];

const ggc_root_tab kChkRoots[] = {
    {&gChkDecls[0], kSlots, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node},
    {&gPlainDecls[0], kSlots, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node},
    {&gPlainTypes[0], kSlots, sizeof(tree), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node},
    LAST_GGC_ROOT_TAB};

int slotOf(const Rule &rule) {
  int slot = int(&rule - fortify::rulesBegin());
  gcc_assert(slot >= 0 && slot < kSlots);
  return slot;
}

const Rule *ruleOfEntry(tree fndecl) {
  if (!fndecl)
    return nullptr;
  for (int slot = 0; slot < kSlots && fortify::rulesBegin() + slot < fortify::rulesEnd(); ++slot)
    if (gChkDecls[slot] == fndecl)
      return fortify::rulesBegin() + slot;
  return nullptr;
}

// The chk calls of one source location: a location is one call, but an
// inline function or a template written once is compiled in several
// callers, which the descriptors tell apart.
struct Entry {
  std::string caller;
  ChkSites sites;
};
std::map<location_t, std::vector<Entry>> &registry() {
  static std::map<location_t, std::vector<Entry>> calls;
  return calls;
}

tree originalFunction(tree fndecl) {
  while (fndecl && DECL_ABSTRACT_ORIGIN(fndecl) && DECL_ABSTRACT_ORIGIN(fndecl) != fndecl)
    fndecl = DECL_ABSTRACT_ORIGIN(fndecl);
  return fndecl;
}

// The function a statement was written in: the innermost function inlined
// around it, or the one being compiled.
tree writtenIn(const gimple *stmt, function *fun) {
  for (tree block = gimple_block(stmt); block && TREE_CODE(block) == BLOCK;
       block = BLOCK_SUPERCONTEXT(block))
    if (inlined_function_outer_scope_p(block)) {
      tree origin = block_ultimate_origin(block);
      if (origin && TREE_CODE(origin) == FUNCTION_DECL)
        return originalFunction(origin);
    }
  return originalFunction(fun->decl);
}

const ChkSites *sitesOf(const gcall *call, function *fun) {
  auto found = registry().find(get_pure_location(gimple_location(call)));
  if (found == registry().end() || found->second.empty())
    return nullptr;
  if (found->second.size() == 1)
    return &found->second.front().sites;
  std::string caller = lang_hooks.decl_printable_name(writtenIn(call, fun), 2);
  for (const Entry &entry : found->second)
    if (entry.caller == caller)
      return &entry.sites;
  return nullptr;
}

// The value of an operand when it folds to a constant through the
// statements that define it (at -O0 nothing propagates the sizes objsz
// wrote into the arithmetic of the element count).
tree constantValue(tree value, int depth = 0) {
  if (TREE_CODE(value) == INTEGER_CST)
    return value;
  if (TREE_CODE(value) != SSA_NAME || depth > 8)
    return NULL_TREE;
  gassign *definition = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(value));
  if (!definition)
    return NULL_TREE;
  tree_code code = gimple_assign_rhs_code(definition);
  tree type = TREE_TYPE(gimple_assign_lhs(definition));
  tree a = constantValue(gimple_assign_rhs1(definition), depth + 1);
  if (!a)
    return NULL_TREE;
  tree folded = NULL_TREE;
  switch (get_gimple_rhs_class(code)) {
  case GIMPLE_SINGLE_RHS:
    folded = a;
    break;
  case GIMPLE_UNARY_RHS:
    folded = fold_unary(code, type, a);
    break;
  case GIMPLE_BINARY_RHS:
    if (tree b = constantValue(gimple_assign_rhs2(definition), depth + 1))
      folded = fold_binary(code, type, a, b);
    break;
  default:
    break;
  }
  return folded && TREE_CODE(folded) == INTEGER_CST ? fold_convert(type, folded) : NULL_TREE;
}

std::optional<unsigned HOST_WIDE_INT> constantOf(tree value) {
  tree constant = constantValue(value);
  if (constant && tree_fits_uhwi_p(constant))
    return tree_to_uhwi(constant);
  return std::nullopt;
}

class ChkCall {
public:
  ChkCall(gcall *call, const Rule &rule) : call_(call), rule_(rule) {
    int inserted = int(fortify::chkChecksSize(rule)) + int(fortify::chkChecksFormat(rule));
    layout_ = fortify::chkArguments(rule, int(gimple_call_num_args(call)) - inserted);
  }
  bool valid() const { return layout_.size() == gimple_call_num_args(call_); }

  tree original(int index) const {
    for (size_t i = 0; i < layout_.size(); ++i)
      if (layout_[i].kind == ChkArgumentKind::Original && layout_[i].index == index)
        return gimple_call_arg(call_, i);
    return NULL_TREE;
  }
  tree size() const { return gimple_call_arg(call_, rule_.chkSizeAt); }

  // What the call needs of the destination, in the unit of the size
  // argument, when the arguments make it constant.
  std::optional<uint64_t> needed() const {
    fortify::ChkConstants known;
    if (rule_.length != fortify::kNoArg)
      known.length = constantOf(original(rule_.length));
    if (rule_.count != fortify::kNoArg)
      known.count = constantOf(original(rule_.count));
    if (rule_.source != fortify::kNoArg && rule_.elementSize == 1)
      if (tree length = c_strlen(original(rule_.source), 1))
        if (tree_fits_uhwi_p(length))
          known.sourceLength = tree_to_uhwi(length);
    return fortify::chkNeeded(rule_, known);
  }

  // The plain call with the program's own arguments.
  gcall *plainCall() const {
    int slot = slotOf(rule_);
    vec<tree> args = vNULL;
    for (size_t i = 0; i < layout_.size(); ++i)
      if (layout_[i].kind == ChkArgumentKind::Original)
        args.safe_push(gimple_call_arg(call_, i));
    gcall *plain = gimple_build_call_vec(gPlainDecls[slot], args);
    args.release();
    gimple_call_set_fntype(plain, gPlainTypes[slot]);
    gimple_call_set_lhs(plain, gimple_call_lhs(call_));
    gimple_set_location(plain, gimple_location(call_));
    gimple_set_block(plain, gimple_block(call_));
    gimple_call_copy_flags(plain, call_);
    gimple_set_vuse(plain, gimple_vuse(call_));
    gimple_set_vdef(plain, gimple_vdef(call_));
    return plain;
  }

private:
  gcall *call_;
  const Rule &rule_;
  std::vector<ChkArgument> layout_;
};

// GCC's own switch for the finding, as the finishing pass gives it.
void diagnoseOverflow(fortify::SiteFacts &site, const gcall *call, uint64_t needed,
                      uint64_t available, const fortify::Options &options) {
  if (site.diagnosed)
    return;
  site.diagnosed = true;
  std::string message = fortify::provenProblemMessage(site.descriptor, needed, available);
  diagnoseAt(call, options.werror, OPT_Wstringop_overflow_, message.c_str());
}

bool isMinusOne(tree value) {
  tree constant = constantValue(value);
  return constant && integer_all_onesp(constant);
}

bool isUnfoldedQuery(tree value) {
  for (int depth = 0; depth < 8 && TREE_CODE(value) == SSA_NAME; ++depth) {
    gimple *definition = SSA_NAME_DEF_STMT(value);
    if (isSizeQuery(definition))
      return true;
    gassign *assign = dyn_cast<gassign *>(definition);
    if (!assign)
      return false;
    value = gimple_assign_rhs1(assign);
  }
  return false;
}

}  // namespace

tree chkEntryDecl(const Rule &rule, const gcall *call, const vec<tree> &args) {
  int slot = slotOf(rule);
  if (!gPlainDecls[slot]) {
    gPlainDecls[slot] = gimple_call_fndecl(call);
    gPlainTypes[slot] = gimple_call_fntype(call);
  }
  tree &decl = gChkDecls[slot];
  if (decl)
    return decl;
  // The prototype of the entry point: the fixed arguments of the call with
  // the size and flag in their places, variadic where the function is (the
  // x86-64 caller then says how many vector registers carry arguments).
  int fixed = int(args.length());
  if (rule.variadic)
    fixed = rule.arity + int(fortify::chkChecksSize(rule)) + int(fortify::chkChecksFormat(rule));
  auto_vec<tree> types;
  for (int i = 0; i < fixed && i < int(args.length()); ++i)
    types.safe_push(TREE_TYPE(args[i]));
  tree result = TREE_TYPE(gimple_call_fntype(call));
  tree type = rule.variadic
                  ? build_varargs_function_type_array(result, types.length(), types.address())
                  : build_function_type_array(result, types.length(), types.address());
  std::string name(rule.glibcChecked);
  decl = build_fn_decl(name.c_str(), type);
  TREE_NOTHROW(decl) = TREE_NOTHROW(gimple_call_fndecl(call)) || gimple_call_nothrow_p(const_cast<gcall *>(call));
  return decl;
}

void registerChkCall(const gcall *original, const Rule &, const ChkSites &sites) {
  std::string caller =
      cfun && cfun->decl ? lang_hooks.decl_printable_name(originalFunction(cfun->decl), 2) : "";
  registry()[get_pure_location(gimple_location(original))].push_back({caller, sites});
}

bool finishChkCalls(function *fun, const fortify::Options &options, bool beforeLinkTime) {
  bool replaced = false;
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
      const Rule *rule = call ? ruleOfEntry(gimple_call_fndecl(call)) : nullptr;
      if (!rule)
        continue;
      ChkCall chk(call, *rule);
      const ChkSites *sites = sitesOf(call, fun);
      if (!chk.valid() || !sites)
        continue;
      // The entry point checks the format and the open flags whatever the
      // size: those calls stay.
      for (const std::string *other : {&sites->format, &sites->open})
        if (!other->empty())
          if (fortify::SiteFacts *site = findSite(*other))
            site->observeCheck(fortify::SiteStatus::Checked);
      if (sites->write.empty())
        continue;
      fortify::SiteFacts *site = findSite(sites->write);
      tree size = chk.size();
      bool unknown = isMinusOne(size) || (beforeLinkTime && isUnfoldedQuery(size));
      bool fits = false, overflows = false;
      if (!unknown) {
        auto available = constantOf(size);
        auto needed = chk.needed();
        if (available && needed) {
          fits = *needed <= *available;
          overflows = !fits;
          if (overflows && site)
            diagnoseOverflow(*site, call, *needed, *available, options);
        }
      }
      if (site)
        site->observeCheck(unknown     ? fortify::SiteStatus::Unknown
                           : fits      ? fortify::SiteStatus::Safe
                           : overflows ? fortify::SiteStatus::Overflow
                                       : fortify::SiteStatus::Checked);
      // As glibc's headers do: nothing to check, the plain call. With -flto
      // an unfolded size may still become known at link time: it stays.
      bool knownUnknown = isMinusOne(size);
      if (!sites->format.empty() || !sites->open.empty() || !(knownUnknown || fits))
        continue;
      gcall *plain = chk.plainCall();
      gsi_replace(&gsi, plain, false);
      replaced = true;
    }
  }
  return replaced;
}

void registerChkRoots(const char *pluginName) {
  register_callback(pluginName, PLUGIN_REGISTER_GGC_ROOTS, nullptr,
                    const_cast<ggc_root_tab *>(kChkRoots));
}

}  // namespace fortify_gcc
