#include "libc-wrappers.h"

#include "caller-copies.h"
#include "check-markers.h"
#include "passes.h"
#include "sequence-builder.h"
#include "site-registry.h"
#include "unknown-reasons.h"

#include "cpplib.h"

#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <string>
#include <utility>

// The C and C++ front ends' preprocessor; absent from lto1, where the
// plugin must still load (the level is only read while compiling source).
extern cpp_reader *parse_in __attribute__((weak));

namespace fortify_gcc {
namespace {

// Names of the temporaries of a tightened size query, so that the passes
// after inlining find the library's and the plugin's sizes side by side
// (the plugin's own query is a check temporary, "fortify").
constexpr const char *kTightenedSizeName = "fortify_libc";
constexpr const char *kLibrarySizeName = "libc_size";

// create_tmp_reg names a temporary "prefix.N".
bool hasName(tree ssaName, const char *prefix) {
  tree identifier = SSA_NAME_IDENTIFIER(ssaName);
  if (!identifier)
    return false;
  const char *name = IDENTIFIER_POINTER(identifier);
  size_t length = strlen(prefix);
  return strncmp(name, prefix, length) == 0 && (name[length] == '\0' || name[length] == '.');
}

// The MIN that tightenWrapperSizes made (after inlining, in any function).
bool isTightenedMin(const gassign *assign) {
  tree lhs = gimple_assign_lhs(assign);
  return gimple_assign_rhs_code(assign) == MIN_EXPR && TREE_CODE(lhs) == SSA_NAME &&
         hasName(lhs, kTightenedSizeName);
}

// The library's and the plugin's size in a tightened MIN. Canonicalisation
// may have swapped them, and a query that folded early is a constant: the
// one that is not the library's named temporary is the plugin's.
std::pair<tree, tree> tightenedOperands(const gassign *min) {
  tree a = gimple_assign_rhs1(min), b = gimple_assign_rhs2(min);
  bool aIsLibrary = TREE_CODE(a) == SSA_NAME ? hasName(a, kLibrarySizeName)
                                             : !hasName(b, kLibrarySizeName);
  return aIsLibrary ? std::make_pair(a, b) : std::make_pair(b, a);
}

// Through copies (x_2 = x_1) and conversions, which glibc's wrappers add.
tree throughCopies(tree value) {
  for (int depth = 0; depth < 8 && TREE_CODE(value) == SSA_NAME; ++depth) {
    gassign *copy = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(value));
    if (!copy || !(gimple_assign_single_p(copy) || gimple_assign_cast_p(copy)))
      break;
    value = gimple_assign_rhs1(copy);
  }
  return value;
}

tree originalFunction(tree fndecl) {
  while (fndecl && DECL_ABSTRACT_ORIGIN(fndecl) && DECL_ABSTRACT_ORIGIN(fndecl) != fndecl)
    fndecl = DECL_ABSTRACT_ORIGIN(fndecl);
  return fndecl;
}

// Calls of wrappers by (location of the call, function containing it, the
// wrapper): what an inlined wrapper's block still tells after inlining.
using CallKey = std::tuple<location_t, tree, tree>;
std::map<CallKey, std::string> &libcCalls() {
  static std::map<CallKey, std::string> calls;
  return calls;
}

// The call site an inlined copy of a wrapper's statement belongs to.
fortify::SiteFacts *libcSiteOf(const gimple *stmt, function *fun, bool *optedOut = nullptr) {
  tree block = gimple_block(stmt);
  for (; block && TREE_CODE(block) == BLOCK; block = BLOCK_SUPERCONTEXT(block)) {
    tree origin = block_ultimate_origin(block);
    if (!origin || TREE_CODE(origin) != FUNCTION_DECL || !isLibcWrapper(origin))
      continue;
    location_t call = BLOCK_SOURCE_LOCATION(block);
    tree caller = fun->decl;
    for (tree outer = BLOCK_SUPERCONTEXT(block); outer && TREE_CODE(outer) == BLOCK;
         outer = BLOCK_SUPERCONTEXT(outer)) {
      tree outerOrigin = block_ultimate_origin(outer);
      if (outerOrigin && TREE_CODE(outerOrigin) == FUNCTION_DECL &&
          inlined_function_outer_scope_p(outer)) {
        caller = outerOrigin;
        break;
      }
    }
    if (optedOut)
      *optedOut = hasNoFortifyAttribute(originalFunction(caller));
    location_t where = get_pure_location(call);
    auto found = libcCalls().find({where, originalFunction(caller), origin});
    if (found != libcCalls().end())
      return findSite(found->second);
    // A body outlined by GCC (OpenMP, a split part) is another function:
    // the location and the wrapper alone, when no other call shares them.
    fortify::SiteFacts *only = nullptr;
    for (const auto &[key, encoded] : libcCalls()) {
      if (std::get<0>(key) != where || std::get<2>(key) != origin)
        continue;
      if (only)
        return nullptr;
      only = findSite(encoded);
    }
    return only;
  }
  return nullptr;
}

// Whether objsz will know the size a query (a constant, or the result of a
// size builtin) asks for.
// `staticOnly`: as the static builtin would answer (the library's query
// when GCC merged it with the plugin's dynamic one).
bool sizeIsKnown(tree value, bool staticOnly = false) {
  if (TREE_CODE(value) == INTEGER_CST)
    return !integer_all_onesp(value);
  if (TREE_CODE(value) != SSA_NAME)
    return false;
  // In a copy that takes its callers' sizes: the caller's, at run time.
  if (isCallerSizeBound(value))
    return true;
  // GCC's early_objsz bounds a subobject query by what it already knows:
  // q = MIN (__builtin_object_size (p, 1), 19). Known when either is.
  if (gassign *bound = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(value)))
    if (gimple_assign_rhs_code(bound) == MIN_EXPR)
      return sizeIsKnown(gimple_assign_rhs1(bound), staticOnly) ||
             sizeIsKnown(gimple_assign_rhs2(bound), staticOnly);
  gcall *query = dyn_cast<gcall *>(SSA_NAME_DEF_STMT(value));
  if (!query || !isSizeQuery(query) || !tree_fits_shwi_p(gimple_call_arg(query, 1)))
    return false;
  int type = tree_to_shwi(gimple_call_arg(query, 1));
  if (isDynamicSizeQuery(query) && !staticOnly)
    type |= kDynamicObjectSizeBit;
  tree size = NULL_TREE;
  return computeObjectSize(gimple_call_arg(query, 0), type, &size) && size &&
         !(TREE_CODE(size) == INTEGER_CST && integer_all_onesp(size));
}

// A surviving call of a checked entry point (__memcpy_chk, __read_chk ...),
// or the trap of a header-only fortify.
bool isCheckedEntryPoint(tree callee) {
  std::string_view name = IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(callee));
  if (!name.empty() && name[0] == '*')
    name.remove_prefix(1);
  if (name.substr(0, 10) == "__builtin_")
    name.remove_prefix(10);
  return fortify::findRuleByCheckedName(name) != nullptr;
}

bool isLibcCheck(const gcall *call) {
  if (gimple_call_builtin_p(call, BUILT_IN_TRAP))
    return true;
  tree callee = gimple_call_fndecl(call);
  return callee && DECL_NAME(callee) && isCheckedEntryPoint(callee);
}

// Every checked call an inlined wrapper left, with its call site.
void forEachLibcCheck(function *fun, const std::function<void(gcall *, fortify::SiteFacts *)> &visit) {
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
      if (!call || !isLibcCheck(call))
        continue;
      if (fortify::SiteFacts *site = libcSiteOf(call, fun))
        visit(call, site);
    }
  }
}

int macroValue(const char *name, bool &defined) {
  defined = false;
  if (!&parse_in || !parse_in)
    return 0;
  cpp_hashnode *node = cpp_lookup(parse_in, (const unsigned char *)name, strlen(name));
  if (!node || !cpp_macro_p(node) || node->type != NT_USER_MACRO)
    return 0;
  defined = true;
  const unsigned char *text = cpp_macro_definition(parse_in, node);
  // "NAME VALUE": the value when it is a plain number.
  const char *value = strchr((const char *)text, ' ');
  return value ? atoi(value + 1) : 0;
}

// Whether a body makes a fortify check: a size query, a checked entry
// point or a trap. Other always_inline functions of system headers (C++'s
// memchr overloads, a library's own helpers) are ordinary code. The body is
// still GENERIC when a caller is lowered first.
bool isCheckingCall(tree callee) {
  if (!callee || TREE_CODE(callee) != FUNCTION_DECL)
    return false;
  if (isSizeBuiltin(callee) || fndecl_built_in_p(callee, BUILT_IN_TRAP))
    return true;
  return DECL_NAME(callee) && isCheckedEntryPoint(callee);
}

tree findCheckingCall(tree *node, int *walkSubtrees, void *) {
  if (TREE_CODE(*node) == CALL_EXPR && isCheckingCall(get_callee_fndecl(*node)))
    return *node;
  if (TYPE_P(*node))
    *walkSubtrees = 0;
  return NULL_TREE;
}

tree findCheckingStatement(gimple_stmt_iterator *gsi, bool *handled, walk_stmt_info *) {
  gcall *call = dyn_cast<gcall *>(gsi_stmt(*gsi));
  *handled = call != nullptr;
  return call && isCheckingCall(gimple_call_fndecl(call)) ? integer_one_node : NULL_TREE;
}

bool bodyChecks(tree fndecl) {
  if (gimple_seq body = gimple_body(fndecl)) {
    walk_stmt_info info;
    memset(&info, 0, sizeof(info));
    return walk_gimple_seq(body, findCheckingStatement, nullptr, &info) != nullptr;
  }
  tree generic = DECL_SAVED_TREE(fndecl);
  return generic && walk_tree_without_duplicates(&generic, findCheckingCall, nullptr);
}

// Wrappers seen with their bodies: once inlined everywhere, a wrapper's
// body is released, and its inlined blocks still name it.
std::set<tree> &knownWrappers() {
  static std::set<tree> wrappers;
  return wrappers;
}
// Candidates whose body makes no check, so that it is walked once.
std::set<tree> &notWrappers() {
  static std::set<tree> functions;
  return functions;
}

}  // namespace

bool isLibcWrapper(tree fndecl) {
  if (knownWrappers().count(fndecl))
    return true;
  if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_NAME(fndecl) ||
      !DECL_DECLARED_INLINE_P(fndecl) || !DECL_IN_SYSTEM_HEADER(fndecl) ||
      !lookup_attribute("always_inline", DECL_ATTRIBUTES(fndecl)) ||
      !fortify::findRule(IDENTIFIER_POINTER(DECL_NAME(fndecl))))
    return false;
  cgraph_node *node = cgraph_node::get(fndecl);
  if (!node || !node->definition || notWrappers().count(fndecl))
    return false;
  if (!bodyChecks(fndecl)) {
    notWrappers().insert(fndecl);
    return false;
  }
  knownWrappers().insert(fndecl);
  return true;
}

void tightenWrapperSizes(gimple_seq body, tree wrapper, const fortify::Rule &rule,
                         const fortify::Options &options) {
  tree destination = rule.dest == fortify::kNoArg ? NULL_TREE : parameterAt(wrapper, unsigned(rule.dest));
  if (!destination || !POINTER_TYPE_P(TREE_TYPE(destination)))
    return;
  const int pluginType = fortify::objectSizeType(rule, options.level);
  walk_stmt_info info;
  memset(&info, 0, sizeof(info));
  auto visit = [](gimple_stmt_iterator *gsi, bool *handled, walk_stmt_info *wi) -> tree {
    *handled = false;
    gcall *query = dyn_cast<gcall *>(gsi_stmt(*gsi));
    if (!query)
      return NULL_TREE;
    *handled = true;
    auto *state = static_cast<std::pair<tree, int> *>(wi->info);
    tree lhs = gimple_call_lhs(query);
    if (!isSizeQuery(query) || !lhs || gimple_call_arg(query, 0) != state->first)
      return NULL_TREE;
    // lhs = MIN (the library's query, the plugin's); the plugin's query is
    // a check temporary, so that it turns dynamic with the checks' own.
    SequenceBuilder b(gimple_location(query));
    tree library = create_tmp_reg(size_type_node, kLibrarySizeName);
    gimple_call_set_lhs(query, library);
    tree plugin = b.call(builtin_decl_explicit(BUILT_IN_OBJECT_SIZE), size_type_node,
                         {state->first, build_int_cst(integer_type_node, state->second)});
    tree tightened = create_tmp_reg(size_type_node, kTightenedSizeName);
    b.append(gimple_build_assign(tightened, MIN_EXPR, library, plugin));
    b.assign(lhs, b.convert(TREE_TYPE(lhs), tightened));
    gsi_insert_seq_after(gsi, b.sequence(), GSI_CONTINUE_LINKING);
    return NULL_TREE;
  };
  std::pair<tree, int> state{destination, pluginType};
  info.info = &state;
  walk_gimple_seq_mod(&body, visit, nullptr, &info);
}

void registerLibcCall(const gcall *call, const fortify::Rule &rule) {
  fortify::SiteDescriptor site = describeCall(call, fortify::primaryProblem(rule), rule.name);
  recordSite(site, fortify::Instrumented::LibcCheck);
  libcCalls()[{get_pure_location(gimple_location(call)), originalFunction(cfun->decl),
               gimple_call_fndecl(call)}] =
      fortify::encodeSite(site);
}

// Each size argument of each inlined wrapper's checked call: a tightened
// size (`min`, the MIN of the library's query and the plugin's) or a size
// query alone (`min` null).
static void forEachLibcSize(function *fun,
                            const std::function<void(tree size, gassign *min, fortify::SiteFacts *)> &visit) {
  forEachLibcCheck(fun, [&](gcall *call, fortify::SiteFacts *site) {
    for (unsigned i = 0; i < gimple_call_num_args(call); ++i) {
      tree size = throughCopies(gimple_call_arg(call, i));
      if (TREE_CODE(size) != SSA_NAME)
        continue;
      gassign *min = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(size));
      if (min && isTightenedMin(min))
        visit(size, min, site);
      else if (isSizeQuery(SSA_NAME_DEF_STMT(size)))
        visit(size, nullptr, site);
    }
  });
}

// Observed on the sizes the library's checked calls receive (queries of
// several calls of one pointer may have been merged into one, in another
// call's block): the MIN of both queries (one may be a constant already:
// its size was known early), one query alone (both asked the same, and GCC
// merged them), or a constant (both folded early: no folder before objsz
// gives up on a size, so both were known).
void observeLibcSizes(function *fun) {
  if (libcCalls().empty())
    return;
  bool computing = false;
  auto known = [&](tree value, bool staticOnly) {
    if (!computing) {
      init_object_sizes();
      computing = true;
    }
    return sizeIsKnown(value, staticOnly);
  };
  const bool libraryIsStatic = libcFortifyLevel() < 3;
  forEachLibcSize(fun, [&](tree size, gassign *min, fortify::SiteFacts *site) {
    if (min) {
      auto [library, plugin] = tightenedOperands(min);
      fortify::Fortifier knew =
          fortify::fortifierOf(known(plugin, false), known(library, libraryIsStatic));
      site->observeLibcSizes(knew);
      if (knew == fortify::Fortifier::None)
        site->noteUnknownReason(classifySize(plugin));
    } else if (hasName(size, kLibrarySizeName) || isCheckTemporary(size)) {
      fortify::Fortifier knew =
          fortify::fortifierOf(known(size, false), known(size, libraryIsStatic));
      site->observeLibcSizes(knew);
      if (knew == fortify::Fortifier::None)
        site->noteUnknownReason(classifySize(size));
    }
  });
  if (computing)
    fini_object_sizes();
}

void forEachLibcSizeQuery(function *fun,
                          const std::function<void(tree query, fortify::SiteFacts *)> &visit) {
  if (libcCalls().empty())
    return;
  forEachLibcSize(fun, [&](tree size, gassign *min, fortify::SiteFacts *site) {
    if (!min) {
      visit(size, site);
      return;
    }
    auto [library, plugin] = tightenedOperands(min);
    visit(library, site);
    visit(plugin, site);
  });
}

bool mayTurnDynamic(const gcall *query, function *fun) {
  tree lhs = gimple_call_lhs(query);
  if (!lhs || TREE_CODE(lhs) != SSA_NAME || !hasName(lhs, kLibrarySizeName) ||
      hasNoFortifyAttribute(fun->decl))
    return false;
  bool optedOut = false;
  libcSiteOf(query, fun, &optedOut);
  return !optedOut;
}

fortify::SiteFacts *libcSiteOfStatement(const gimple *stmt, function *fun) {
  return libcSiteOf(stmt, fun);
}

void dropTighteningIfOptedOut(function *fun) {
  if (!hasNoFortifyAttribute(fun->decl))
    return;
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
      gassign *assign = dyn_cast<gassign *>(gsi_stmt(gsi));
      if (!assign || !isTightenedMin(assign))
        continue;
      gimple_assign_set_rhs_from_tree(&gsi, tightenedOperands(assign).first);
      update_stmt(gsi_stmt(gsi));
    }
  }
}

namespace {

const pass_data kOptOutPassData = {
    GIMPLE_PASS, "fortify_opt_out", OPTGROUP_NONE, TV_NONE, PROP_cfg | PROP_ssa, 0, 0, 0, 0,
};

class OptOutPass : public gimple_opt_pass {
public:
  explicit OptOutPass(gcc::context *context) : gimple_opt_pass(kOptOutPassData, context) {}
  opt_pass *clone() override { return new OptOutPass(m_ctxt); }
  unsigned int execute(function *fun) override {
    dropTighteningIfOptedOut(fun);
    return 0;
  }
};

}  // namespace

opt_pass *makeOptOutPass(gcc::context *context) { return new OptOutPass(context); }

void observeLibcChecks(function *fun) {
  if (libcCalls().empty())
    return;
  forEachLibcCheck(fun, [](gcall *, fortify::SiteFacts *site) { site->observeLibcCheckSurvives(); });
}

namespace {

tree handleNoFortify(tree *node, tree name, tree, int, bool *noAddAttributes) {
  if (TREE_CODE(*node) != FUNCTION_DECL) {
    warning(OPT_Wattributes, "%qE attribute applies only to functions", name);
    *noAddAttributes = true;
  }
  return NULL_TREE;
}

const attribute_spec kNoFortifyAttribute = declAttribute("no_fortify", 0, handleNoFortify);

void registerAttributes(void *, void *) { register_attribute(&kNoFortifyAttribute); }

}  // namespace

bool hasNoFortifyAttribute(tree fndecl) {
  return fndecl && lookup_attribute("no_fortify", DECL_ATTRIBUTES(fndecl));
}

void registerNoFortifyAttribute(const char *pluginName) {
  register_callback(pluginName, PLUGIN_ATTRIBUTES, registerAttributes, nullptr);
}

int glibcFortifyLevel() {
  bool defined;
  return macroValue("__USE_FORTIFY_LEVEL", defined);
}

int libcFortifyLevel() {
  bool defined;
  int level = macroValue("__USE_FORTIFY_LEVEL", defined);  // glibc
  if (defined)
    return level;
  level = macroValue("_FORTIFY_SOURCE", defined);  // fortify-headers
  return defined && !libcCalls().empty() ? level : 0;
}

}  // namespace fortify_gcc
