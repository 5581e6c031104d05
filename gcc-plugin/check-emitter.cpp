#include "check-emitter.h"

#include <string>

namespace fortify_gcc {
namespace {

using fortify::CheckKind;
using fortify::FailureMode;
using fortify::Options;
using fortify::Rule;

// `write` is not a GCC builtin, so abort mode needs a decl of its own. It is
// cached for the whole translation unit and registered as a GC root.
tree gWriteDecl;

const ggc_root_tab kRoots[] = {
    {&gWriteDecl, 1, sizeof(gWriteDecl), &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node},
    LAST_GGC_ROOT_TAB};

tree writeDecl() {
  if (!gWriteDecl) {
    tree ssizeType = signed_type_for(size_type_node);
    tree type = build_function_type_list(ssizeType, integer_type_node,
                                         const_ptr_type_node, size_type_node,
                                         NULL_TREE);
    gWriteDecl = build_fn_decl("write", type);
    TREE_NOTHROW(gWriteDecl) = 1;
  }
  return gWriteDecl;
}

// Appends statements to a high-GIMPLE sequence; every value it returns is a
// gimple value usable as an operand.
class SequenceBuilder {
public:
  explicit SequenceBuilder(location_t location) : location_(location) {}

  gimple_seq &sequence() { return sequence_; }

  tree call(tree fndecl, tree resultType, std::initializer_list<tree> args) {
    vec<tree> argVector = vNULL;
    for (tree arg : args)
      argVector.safe_push(arg);
    gcall *stmt = gimple_build_call_vec(fndecl, argVector);
    argVector.release();
    tree result = NULL_TREE;
    if (resultType) {
      result = create_tmp_reg(resultType, "fortify");
      gimple_call_set_lhs(stmt, result);
    }
    append(stmt);
    return result;
  }

  tree binary(tree_code code, tree a, tree b) {
    tree result = create_tmp_reg(size_type_node, "fortify");
    append(gimple_build_assign(result, code, a, b));
    return result;
  }

  tree toSize(tree value) {
    if (useless_type_conversion_p(size_type_node, TREE_TYPE(value)))
      return value;
    if (TREE_CODE(value) == INTEGER_CST)
      return fold_convert(size_type_node, value);
    tree result = create_tmp_reg(size_type_node, "fortify");
    append(gimple_build_assign(result, NOP_EXPR, value));
    return result;
  }

  void branch(tree_code comparison, tree a, tree b, tree ifTrue, tree ifFalse) {
    append(gimple_build_cond(comparison, a, b, ifTrue, ifFalse));
  }

  void label(tree labelDecl) { append(gimple_build_label(labelDecl)); }

  tree newLabel() { return create_artificial_label(location_); }

private:
  void append(gimple *stmt) {
    gimple_set_location(stmt, location_);
    gimple_seq_add_stmt(&sequence_, stmt);
  }

  location_t location_;
  gimple_seq sequence_ = nullptr;
};

// A translation unit that defines its own `write` (a static helper, or libc
// itself) would have abort mode call that instead: trap there.
bool translationUnitDefinesWrite() {
  symtab_node *node = symtab_node::get_for_asmname(get_identifier("write"));
  return node && node->definition;
}

void appendFailure(SequenceBuilder &builder, const Rule &rule, location_t location,
                   const Options &options) {
  tree abortDecl = builtin_decl_explicit(BUILT_IN_ABORT);
  if (options.mode == FailureMode::Abort && abortDecl && !translationUnitDefinesWrite()) {
    // The C++ front end puts the caret of a call on its "(": report the
    // start of the call's range, where C puts it too (the function name).
    expanded_location where = expand_location(get_start(location));
    std::string message = fortify::abortMessage(
        std::string(rule.name), where.file ? where.file : "", where.line, where.column);
    tree text = build_string_literal(message.size() + 1, message.c_str());
    builder.call(writeDecl(), NULL_TREE,
                 {build_int_cst(integer_type_node, 2), text,
                  build_int_cst(size_type_node, message.size())});
    builder.call(abortDecl, NULL_TREE, {});
    return;
  }
  builder.call(builtin_decl_explicit(BUILT_IN_TRAP), NULL_TREE, {});
}

bool isPointer(tree value) { return value && POINTER_TYPE_P(TREE_TYPE(value)); }
bool isInteger(tree value) { return value && INTEGRAL_TYPE_P(TREE_TYPE(value)); }

tree argument(gcall *call, int index) {
  if (index < 0 || index >= (int)gimple_call_num_args(call))
    return NULL_TREE;
  return gimple_call_arg(call, index);
}

// Whether the call has the arguments the rule's kind will read.
bool hasExpectedShape(gcall *call, const Rule &rule) {
  if ((int)gimple_call_num_args(call) != rule.arity)
    return false;
  if (!isPointer(argument(call, rule.dest)))
    return false;
  if (rule.kind != CheckKind::CopyLength && rule.source != fortify::kNoArg &&
      !isPointer(argument(call, rule.source)))
    return false;
  if (rule.length != fortify::kNoArg && !isInteger(argument(call, rule.length)))
    return false;
  return true;
}

}  // namespace

bool emitCheckBefore(gimple_stmt_iterator *gsi, gcall *call, const Rule &rule,
                     const Options &options) {
  // The kinds added for the stdio, unistd and wide families are not emitted
  // yet: leave those calls alone.
  bool implemented = (rule.kind == CheckKind::CopyLength && rule.count == fortify::kNoArg &&
                      !rule.variadic) ||
                     ((rule.kind == CheckKind::CopyString || rule.kind == CheckKind::AppendString ||
                       rule.kind == CheckKind::AppendBounded) &&
                      rule.elementSize == 1);
  if (!implemented || !hasExpectedShape(call, rule))
    return false;
  tree objectSizeDecl = builtin_decl_explicit(
      fortify::usesDynamicSizes(options) ? BUILT_IN_DYNAMIC_OBJECT_SIZE : BUILT_IN_OBJECT_SIZE);
  tree strlenDecl = builtin_decl_explicit(BUILT_IN_STRLEN);
  tree strnlenDecl = builtin_decl_explicit(BUILT_IN_STRNLEN);
  if (!objectSizeDecl || !strlenDecl || !strnlenDecl)
    return false;

  location_t location = gimple_location(call);
  SequenceBuilder builder(location);
  tree failLabel = builder.newLabel();
  tree continueLabel = builder.newLabel();
  tree dest = argument(call, rule.dest);

  // GCC's objsz passes fold this to a constant, an expression of run-time
  // values, or "unknown" ((size_t)-1), which makes every check below vanish.
  tree size = builder.call(
      objectSizeDecl, size_type_node,
      {dest, build_int_cst(integer_type_node, fortify::objectSizeType(rule, options.level))});
  tree unknownSize = build_all_ones_cst(size_type_node);

  // String lengths are only measured when the size is known, so that the
  // unknown case costs nothing once folded.
  if (fortify::kindNeedsStringLength(rule.kind) || rule.elementSize != 1) {
    tree measureLabel = builder.newLabel();
    builder.branch(EQ_EXPR, size, unknownSize, continueLabel, measureLabel);
    builder.label(measureLabel);
  }

  switch (rule.kind) {
  default:
    break;
  case CheckKind::CopyLength: {
    // n * elementSize > size, written without the multiplication so that a
    // product that wraps is caught too.
    tree count = builder.toSize(argument(call, rule.length));
    tree limit = rule.elementSize == 1
                     ? size
                     : builder.binary(TRUNC_DIV_EXPR, size,
                                      build_int_cst(size_type_node, rule.elementSize));
    builder.branch(GT_EXPR, count, limit, failLabel, continueLabel);
    break;
  }
  case CheckKind::CopyString: {
    tree length = builder.call(strlenDecl, size_type_node, {argument(call, rule.source)});
    builder.branch(GE_EXPR, length, size, failLabel, continueLabel);
    break;
  }
  case CheckKind::AppendString:
  case CheckKind::AppendBounded: {
    tree present = builder.call(strlenDecl, size_type_node, {dest});
    tree source = argument(call, rule.source);
    tree added = rule.kind == CheckKind::AppendString
                     ? builder.call(strlenDecl, size_type_node, {source})
                     : builder.call(strnlenDecl, size_type_node,
                                    {source, builder.toSize(argument(call, rule.length))});
    tree total = builder.binary(PLUS_EXPR, present, added);
    builder.branch(GE_EXPR, total, size, failLabel, continueLabel);
    break;
  }
  }

  builder.label(failLabel);
  appendFailure(builder, rule, location, options);
  builder.label(continueLabel);
  gsi_insert_seq_before(gsi, builder.sequence(), GSI_SAME_STMT);
  return true;
}

void registerGarbageCollectorRoots(const char *pluginName) {
  register_callback(pluginName, PLUGIN_REGISTER_GGC_ROOTS, nullptr,
                    const_cast<ggc_root_tab *>(kRoots));
}

}  // namespace fortify_gcc
