#include "sequence-builder.h"

#include <string>

namespace fortify_gcc {
namespace {

tree gLibraryDecls[int(LibraryFunction::Count)];

const ggc_root_tab kRoots[] = {
    {&gLibraryDecls[0], int(LibraryFunction::Count), sizeof(tree), &gt_ggc_mx_tree_node,
     &gt_pch_nx_tree_node},
    LAST_GGC_ROOT_TAB};

// wchar_t's node belongs to the C family front ends; a generic pointer
// parameter is as good for a call the plugin builds itself.
tree wcharPointerType() { return const_ptr_type_node; }

tree buildLibraryDecl(LibraryFunction function) {
  switch (function) {
  case LibraryFunction::Write:
    return build_fn_decl("write", build_function_type_list(signed_type_for(size_type_node),
                                                           integer_type_node, const_ptr_type_node,
                                                           size_type_node, NULL_TREE));
  case LibraryFunction::Wcslen:
    return build_fn_decl("wcslen",
                         build_function_type_list(size_type_node, wcharPointerType(), NULL_TREE));
  case LibraryFunction::Wcsnlen:
    return build_fn_decl("wcsnlen", build_function_type_list(size_type_node, wcharPointerType(),
                                                             size_type_node, NULL_TREE));
  case LibraryFunction::MbCurMax:
    // MB_CUR_MAX expands to this call in glibc and in musl.
    return build_fn_decl("__ctype_get_mb_cur_max",
                         build_function_type_list(size_type_node, NULL_TREE));
  case LibraryFunction::FailMarker:
  case LibraryFunction::Report: {
    tree type = build_function_type_list(void_type_node, const_ptr_type_node, size_type_node,
                                         size_type_node, NULL_TREE);
    bool marker = function == LibraryFunction::FailMarker;
    std::string name(marker ? fortify::kFailMarkerName : fortify::kReportFunctionName);
    tree decl = build_fn_decl(name.c_str(), type);
    // Cold and leaf: the optimisers treat the failure path as unlikely and
    // know it cannot call back into this unit. The marker never returns,
    // exactly like the trap that replaces it, so the code after a check
    // may rely on the check having passed.
    DECL_ATTRIBUTES(decl) = tree_cons(get_identifier("cold"), NULL_TREE,
                                      tree_cons(get_identifier("leaf"), NULL_TREE, NULL_TREE));
    if (marker)
      TREE_THIS_VOLATILE(decl) = 1;
    return decl;
  }
  case LibraryFunction::Count:
    break;
  }
  gcc_unreachable();
}

}  // namespace

tree libraryDecl(LibraryFunction function) {
  tree &decl = gLibraryDecls[int(function)];
  if (!decl) {
    decl = buildLibraryDecl(function);
    TREE_NOTHROW(decl) = 1;
  }
  return decl;
}

bool translationUnitDefines(const char *name) {
  symtab_node *node = symtab_node::get_for_asmname(get_identifier(name));
  return node && node->definition;
}

void registerGarbageCollectorRoots(const char *pluginName) {
  register_callback(pluginName, PLUGIN_REGISTER_GGC_ROOTS, nullptr,
                    const_cast<ggc_root_tab *>(kRoots));
}

void SequenceBuilder::append(gimple *stmt) {
  gimple_set_location(stmt, location_);
  gimple_seq_add_stmt(&sequence_, stmt);
}

gcall *SequenceBuilder::callWithArgs(tree fndecl, tree resultType, vec<tree> &args) {
  gcall *stmt = gimple_build_call_vec(fndecl, args);
  if (resultType)
    gimple_call_set_lhs(stmt, newTemporary(resultType));
  append(stmt);
  return stmt;
}

tree SequenceBuilder::call(tree fndecl, tree resultType, std::initializer_list<tree> args) {
  vec<tree> argVector = vNULL;
  for (tree arg : args)
    argVector.safe_push(arg);
  gcall *stmt = callWithArgs(fndecl, resultType, argVector);
  argVector.release();
  return gimple_call_lhs(stmt);
}

tree SequenceBuilder::binary(tree_code code, tree a, tree b) {
  tree result = newTemporary(TREE_TYPE(a));
  append(gimple_build_assign(result, code, a, b));
  return result;
}

tree SequenceBuilder::convert(tree type, tree value) {
  if (useless_type_conversion_p(type, TREE_TYPE(value)))
    return value;
  if (TREE_CODE(value) == INTEGER_CST)
    return fold_convert(type, value);
  tree result = newTemporary(type);
  append(gimple_build_assign(result, NOP_EXPR, value));
  return result;
}

tree SequenceBuilder::load(tree type, tree pointer) {
  // Offset operand of type `type *`: the access aliases what `type` does
  // (char: everything).
  tree reference = build2(MEM_REF, type, pointer, build_int_cst(build_pointer_type(type), 0));
  tree result = newTemporary(type);
  append(gimple_build_assign(result, reference));
  return result;
}

tree SequenceBuilder::elementBytes(tree elements, unsigned HOST_WIDE_INT elementSize) {
  if (elementSize == 1)
    return elements;
  tree most = fold_build2(TRUNC_DIV_EXPR, size_type_node, TYPE_MAX_VALUE(size_type_node),
                          build_int_cst(size_type_node, elementSize));
  return binary(MULT_EXPR, binary(MIN_EXPR, elements, most),
                build_int_cst(size_type_node, elementSize));
}

unsigned HOST_WIDE_INT pointeeBytes(tree pointee) {
  if (VOID_TYPE_P(pointee))
    return 1;
  tree unit = TYPE_SIZE_UNIT(pointee);
  return unit && tree_fits_uhwi_p(unit) ? tree_to_uhwi(unit) : 0;
}

void SequenceBuilder::assign(tree variable, tree value) {
  append(gimple_build_assign(variable, value));
}

void SequenceBuilder::branch(tree_code comparison, tree a, tree b, tree ifTrue, tree ifFalse) {
  append(gimple_build_cond(comparison, a, b, ifTrue, ifFalse));
}

void SequenceBuilder::jump(tree labelDecl) { append(gimple_build_goto(labelDecl)); }

void SequenceBuilder::label(tree labelDecl) { append(gimple_build_label(labelDecl)); }

void SequenceBuilder::fail(const fortify::SiteDescriptor &site, tree needed, tree available,
                           const fortify::Options &options) {
  std::string text = fortify::encodeSite(site);
  tree descriptor = build_string_literal(text.size(), text.data());
  LibraryFunction entry = options.mode == fortify::FailureMode::Report ? LibraryFunction::Report
                                                                       : LibraryFunction::FailMarker;
  call(libraryDecl(entry), NULL_TREE, {descriptor, toSize(needed), toSize(available)});
}

}  // namespace fortify_gcc
