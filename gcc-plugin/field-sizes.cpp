// Why the checks read the size field themselves: GCC 11 to 14 ignore
// counted_by, and no GCC knows a size field for a pointer member, so
// __builtin_dynamic_object_size cannot give these sizes. Like Clang's
// counted_by, they are run-time sizes: level 3 only (level 2 keeps the static
// bound of the whole block), taken as MIN with the size GCC computes.
//
// Sound only where the field is read from the object the pointer came from,
// with the same values: the pointer's definition (`_1 = p->data`, `_1 =
// &p->fam[i]`) and the call may be separated only by assignments to SSA
// temporaries (the other arguments), which write no memory and no variable.
// A pointer moved on from the member (p->data + 4) is left to GCC.
//
// counted_by is registered only when GCC has no attribute of that name (and
// only for C, where GCC 15 and Clang honour it), so
// that GCC 15's own (with its own objsz support) stays in charge there. Its
// argument is a field name, which GCC's parsers would look up as a variable
// unless the attribute "takes an identifier": the target hook that says so
// is wrapped for counted_by alone. A wrong argument is a warning and the
// attribute is ignored, as GCC without the plugin ignores the attribute:
// the plugin never fails a build that GCC accepts.
#include "field-sizes.h"
#include "sequence-builder.h"

#include "target.h"

#include <set>

namespace fortify_gcc {
namespace {

const fortify::Options *gFieldOptions = nullptr;
bool gBound = false;
bool gOwnCountedBy = false;
bool (*gTakesIdentifier)(const_tree) = nullptr;

bool isFlexibleArray(const_tree field) {
  tree type = TREE_TYPE(field);
  if (TREE_CODE(type) != ARRAY_TYPE || !TYPE_SIZE_UNIT(TREE_TYPE(type)))
    return false;
  if (TYPE_DOMAIN(type) && TYPE_MAX_VALUE(TYPE_DOMAIN(type)))
    return false;
  for (tree next = DECL_CHAIN(field); next; next = DECL_CHAIN(next))
    if (TREE_CODE(next) == FIELD_DECL)
      return false;
  return true;
}

bool takesIdentifier(const_tree name) {
  if (is_attribute_p("counted_by", name))
    return true;
  return gTakesIdentifier(name);
}

tree handleCountedBy(tree *node, tree name, tree args, int, bool *noAddAttributes) {
  if (TREE_CODE(*node) != FIELD_DECL || !isFlexibleArray(*node)) {
    warning(OPT_Wattributes, "%qE attribute ignored: it applies to a flexible array member", name);
    *noAddAttributes = true;
  } else if (!args || TREE_CODE(TREE_VALUE(args)) != IDENTIFIER_NODE) {
    warning(OPT_Wattributes, "%qE attribute ignored: its argument must be a field name", name);
    *noAddAttributes = true;
  }
  return NULL_TREE;
}

const attribute_spec kCountedByAttribute = declAttribute("counted_by", 1, handleCountedBy);

void registerAttributes(void *, void *) {
  // C only, as GCC 15 and Clang have it: C++ programs that carry it for
  // those compilers need not keep the count right.
  if (lang_GNU_CXX() || lookup_attribute_spec(get_identifier("counted_by")))
    return;
  register_attribute(&kCountedByAttribute);
  gOwnCountedBy = true;
  gTakesIdentifier = targetm.attribute_takes_identifier_p;
  targetm.attribute_takes_identifier_p = takesIdentifier;
}

const char *typeName(const_tree type) {
  tree name = TYPE_NAME(type);
  if (name && TREE_CODE(name) == TYPE_DECL)
    name = DECL_NAME(name);
  return name && TREE_CODE(name) == IDENTIFIER_NODE ? IDENTIFIER_POINTER(name) : nullptr;
}

// The name a size-field option gives `record`: its tag, or the typedef
// name of an untagged struct (which GCC's C front end keeps only on the
// variant type the object is declared with); C++ classes by their
// unqualified name.
const char *recordName(const_tree record) {
  const char *tag = typeName(TYPE_MAIN_VARIANT(record));
  return tag ? tag : typeName(record);
}

tree findField(const_tree record, const char *name) {
  for (tree field = TYPE_FIELDS(record); field; field = DECL_CHAIN(field))
    if (TREE_CODE(field) == FIELD_DECL && DECL_NAME(field) &&
        !strcmp(IDENTIFIER_POINTER(DECL_NAME(field)), name))
      return field;
  return NULL_TREE;
}

fortify::MemberShape memberShape(const_tree field) {
  if (!field)
    return fortify::MemberShape::Missing;
  if (isFlexibleArray(field))
    return fortify::MemberShape::FlexibleArray;
  tree type = TREE_TYPE(field);
  if (POINTER_TYPE_P(type) && TREE_CODE(type) != REFERENCE_TYPE &&
      (VOID_TYPE_P(TREE_TYPE(type)) || TYPE_SIZE_UNIT(TREE_TYPE(type))))
    return fortify::MemberShape::Pointer;
  return fortify::MemberShape::Other;
}

fortify::CountShape countShape(const_tree field) {
  if (!field)
    return fortify::CountShape::Missing;
  if (INTEGRAL_TYPE_P(TREE_TYPE(field)) && TREE_CODE(TREE_TYPE(field)) != BOOLEAN_TYPE &&
      !DECL_BIT_FIELD(field) && !DECL_BIT_FIELD_TYPE(field))
    return fortify::CountShape::Integer;
  return fortify::CountShape::Other;
}

// The size field of `member` (a FIELD_DECL of `objectType`, a struct),
// with where it was named; NULL_TREE when there is none or it does not fit
// (usableSizeField).
tree sizeFieldOf(const_tree objectType, const_tree member, std::string &origin) {
  tree record = DECL_CONTEXT(member);
  if (!record || TREE_CODE(record) != RECORD_TYPE || !DECL_NAME(member) ||
      TYPE_MAIN_VARIANT(objectType) != TYPE_MAIN_VARIANT(record))
    return NULL_TREE;
  const char *memberName = IDENTIFIER_POINTER(DECL_NAME(member));
  const char *fieldName = nullptr;
  const char *name = recordName(objectType);
  if (const fortify::SizeField *named =
          name && gFieldOptions ? fortify::findSizeField(gFieldOptions->sizeFields, name, memberName)
                                : nullptr) {
    fieldName = named->field.c_str();
    origin = "size-field=" + fortify::sizeFieldText(*named);
  } else if (tree counted = gOwnCountedBy ? lookup_attribute("counted_by", DECL_ATTRIBUTES(member))
                                          : NULL_TREE) {
    tree args = TREE_VALUE(counted);
    if (!args || TREE_CODE(TREE_VALUE(args)) != IDENTIFIER_NODE)
      return NULL_TREE;
    fieldName = IDENTIFIER_POINTER(TREE_VALUE(args));
    origin = "counted_by";
  } else {
    return NULL_TREE;
  }
  tree field = findField(record, fieldName);
  std::string reason;
  if (!fortify::usableSizeField(name ? name : "<anonymous>", memberName, memberShape(member),
                                fieldName, countShape(field), origin, reason))
    return NULL_TREE;
  return field;
}

// When a struct is defined: a size field that names nothing usable is a
// warning (and bounds nothing), once per struct.
void checkDefinedType(void *gccData, void *) {
  tree type = static_cast<tree>(gccData);
  if (!type || TREE_CODE(type) != RECORD_TYPE || !COMPLETE_TYPE_P(type))
    return;
  static std::set<unsigned> seen;
  if (!seen.insert(TYPE_UID(TYPE_MAIN_VARIANT(type))).second)
    return;
  const char *name = recordName(type);
  for (tree member = TYPE_FIELDS(type); member; member = DECL_CHAIN(member)) {
    if (TREE_CODE(member) != FIELD_DECL || !DECL_NAME(member))
      continue;
    const char *memberName = IDENTIFIER_POINTER(DECL_NAME(member));
    const fortify::SizeField *named =
        name ? fortify::findSizeField(gFieldOptions->sizeFields, name, memberName) : nullptr;
    tree counted = gOwnCountedBy ? lookup_attribute("counted_by", DECL_ATTRIBUTES(member))
                                 : NULL_TREE;
    if (!named && !counted)
      continue;
    const char *fieldName = named ? named->field.c_str()
                                  : IDENTIFIER_POINTER(TREE_VALUE(TREE_VALUE(counted)));
    std::string origin = named ? "size-field=" + fortify::sizeFieldText(*named) : "counted_by";
    std::string reason;
    if (!fortify::usableSizeField(name ? name : "<anonymous>", memberName, memberShape(member),
                                  fieldName, countShape(findField(type, fieldName)), origin,
                                  reason))
      warning_at(DECL_SOURCE_LOCATION(member), OPT_Wattributes, "fortify: %s; ignored",
                 reason.c_str());
  }
  // A size-field option for a member this struct does not have.
  if (name)
    for (const fortify::SizeField &named : gFieldOptions->sizeFields)
      if (named.record == name && !findField(type, named.member.c_str()))
        warning_at(DECL_SOURCE_LOCATION(TYPE_NAME(type) && TREE_CODE(TYPE_NAME(type)) == TYPE_DECL
                                             ? TYPE_NAME(type)
                                             : TYPE_FIELDS(type)),
                   OPT_Wattributes, "fortify: struct %s: no member '%s' (size-field=%s); ignored",
                   name, named.member.c_str(), fortify::sizeFieldText(named).c_str());
}

// Whether nothing between `def` and `call` may change memory or a variable.
bool onlyTemporariesBetween(const gimple *def, const gimple *call) {
  int steps = 0;
  for (const gimple *stmt = def->next; stmt; stmt = stmt->next) {
    if (stmt == call)
      return true;
    if (++steps > 32)
      return false;
    if (is_gimple_debug(stmt) || gimple_code(stmt) == GIMPLE_NOP)
      continue;
    if (!is_gimple_assign(stmt) || TREE_CODE(gimple_assign_lhs(stmt)) != SSA_NAME ||
        gimple_has_volatile_ops(stmt))
      return false;
  }
  return false;
}

}  // namespace

void registerFieldSizes(const char *pluginName, const fortify::Options &options, bool bound) {
  gFieldOptions = &options;
  gBound = bound;
  register_callback(pluginName, PLUGIN_ATTRIBUTES, registerAttributes, nullptr);
  register_callback(pluginName, PLUGIN_FINISH_TYPE, checkDefinedType, nullptr);
}

namespace {

// A pointer taken from a member with a size field (fieldObjectSize).
struct FieldMatch {
  tree member = NULL_TREE;  // the COMPONENT_REF p->MEMBER
  tree index = NULL_TREE;   // i of &p->fam[i], or null
  tree countField = NULL_TREE;
  unsigned HOST_WIDE_INT elementSize = 0;
};

bool matchField(tree pointer, const gimple *call, FieldMatch &match) {
  if (!gBound || TREE_CODE(pointer) != SSA_NAME)
    return false;
  // Through pointer conversions to the member's load or address.
  gimple *def = SSA_NAME_DEF_STMT(pointer);
  while (def && is_gimple_assign(def) && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) &&
         TREE_CODE(gimple_assign_rhs1(def)) == SSA_NAME &&
         POINTER_TYPE_P(TREE_TYPE(gimple_assign_rhs1(def))))
    def = SSA_NAME_DEF_STMT(gimple_assign_rhs1(def));
  if (!def || !is_gimple_assign(def) || !gimple_assign_single_p(def) ||
      gimple_has_volatile_ops(def))
    return false;
  tree rhs = gimple_assign_rhs1(def);
  tree member = NULL_TREE, index = NULL_TREE;
  if (TREE_CODE(rhs) == COMPONENT_REF) {
    member = rhs;  // p->data
    if (memberShape(TREE_OPERAND(member, 1)) != fortify::MemberShape::Pointer)
      return false;
  } else if (TREE_CODE(rhs) == ADDR_EXPR) {
    tree ref = TREE_OPERAND(rhs, 0);
    if (TREE_CODE(ref) == ARRAY_REF) {  // &p->fam[i]
      index = TREE_OPERAND(ref, 1);
      ref = TREE_OPERAND(ref, 0);
    }
    if (TREE_CODE(ref) != COMPONENT_REF ||
        memberShape(TREE_OPERAND(ref, 1)) != fortify::MemberShape::FlexibleArray)
      return false;
    member = ref;  // &p->fam
  } else {
    return false;
  }
  if (TREE_OPERAND(member, 2) || !onlyTemporariesBetween(def, call))
    return false;
  tree field = TREE_OPERAND(member, 1);
  std::string origin;
  tree countField = sizeFieldOf(TREE_TYPE(TREE_OPERAND(member, 0)), field, origin);
  // A volatile or atomic count is not read by a check: the read itself
  // would change what the program does.
  if (!countField || TREE_THIS_VOLATILE(countField) || TYPE_VOLATILE(TREE_TYPE(countField)) ||
      TYPE_ATOMIC(TREE_TYPE(countField)))
    return false;
  unsigned HOST_WIDE_INT elementSize = pointeeBytes(TREE_TYPE(TREE_TYPE(field)));
  if (elementSize == 0)
    return false;
  if (index && (!INTEGRAL_TYPE_P(TREE_TYPE(index)) ||
                (TREE_CODE(index) != INTEGER_CST && TREE_CODE(index) != SSA_NAME &&
                 !is_gimple_variable(index))))
    return false;
  match = {member, index, countField, elementSize};
  return true;
}

}  // namespace

bool hasFieldSize(tree pointer, const gimple *call) {
  FieldMatch match;
  return matchField(pointer, call, match);
}

tree fieldObjectSize(SequenceBuilder &b, tree pointer, const gimple *call) {
  FieldMatch match;
  if (!matchField(pointer, call, match))
    return NULL_TREE;
  tree member = match.member, index = match.index, countField = match.countField;
  unsigned HOST_WIDE_INT elementSize = match.elementSize;

  // The count, from the same object; a negative one holds nothing.
  tree object = unshare_expr(TREE_OPERAND(member, 0));
  tree countType = TREE_TYPE(countField);
  tree count = b.newTemporary(countType);
  b.assign(count, build3(COMPONENT_REF, countType, object, countField, NULL_TREE));
  tree signedSize = signed_type_for(size_type_node);
  tree zero = build_int_cst(size_type_node, 0);
  tree elements = TYPE_UNSIGNED(countType)
                      ? b.toSize(count)
                      : b.toSize(b.binary(MAX_EXPR, b.convert(signedSize, count),
                                          build_int_cst(signedSize, 0)));
  // Past the counted elements: nothing left; before them (a negative
  // index): left to GCC's own size.
  if (index && TREE_CODE(index) != INTEGER_CST) {
    tree value = b.newTemporary(TREE_TYPE(index));
    b.assign(value, index);
    index = value;
  }
  tree position = index ? b.toSize(index) : zero;
  tree left = b.binary(MINUS_EXPR, elements, b.binary(MIN_EXPR, elements, position));
  tree bytes = b.newTemporary(size_type_node);
  b.assign(bytes, b.elementBytes(left, elementSize));
  if (index && !TYPE_UNSIGNED(TREE_TYPE(index)) && tree_int_cst_sgn(index) < 0) {
    tree before = b.newLabel(), inside = b.newLabel();
    b.branch(LT_EXPR, index, build_int_cst(TREE_TYPE(index), 0), before, inside);
    b.label(before);
    b.assign(bytes, build_all_ones_cst(size_type_node));
    b.label(inside);
  }
  return bytes;
}

}  // namespace fortify_gcc
