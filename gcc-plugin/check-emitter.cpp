#include "check-emitter.h"
#include "declared-sizes.h"
#include "field-sizes.h"

#include "chk-calls.h"
#include "messages.h"
#include "sequence-builder.h"
#include "signature.h"
#include "site-registry.h"

#include <functional>
#include <string>

namespace fortify_gcc {
namespace {

using fortify::CheckKind;
using fortify::kNoArg;
using fortify::Options;
using fortify::Problem;
using fortify::ReadKind;
using fortify::Rule;

bool isPointer(tree value) { return value && POINTER_TYPE_P(TREE_TYPE(value)); }
bool isInteger(tree value) { return value && INTEGRAL_TYPE_P(TREE_TYPE(value)); }

tree argument(gcall *call, int index) {
  if (index < 0 || index >= (int)gimple_call_num_args(call))
    return NULL_TREE;
  return gimple_call_arg(call, index);
}

fortify::ValueShape shapeOf(tree type) {
  if (!type)
    return {};
  if (VOID_TYPE_P(type))
    return {fortify::ValueClass::Void, 0};
  if (POINTER_TYPE_P(type))
    return {fortify::ValueClass::Pointer, 0};
  if (INTEGRAL_TYPE_P(type))
    return {fortify::ValueClass::Integer, unsigned(TYPE_PRECISION(type))};
  return {};
}

}  // namespace

// Anything but the rule's prototype (an unprototyped call, a program's own
// function of the same name) is not the C library's function.
bool matchesPrototype(const gcall *call, const Rule &rule) {
  fortify::CallShape shape;
  tree type = gimple_call_fntype(call);
  shape.result = shapeOf(type ? TREE_TYPE(type) : NULL_TREE);
  for (unsigned i = 0; i < gimple_call_num_args(call); ++i)
    shape.arguments.push_back(shapeOf(TREE_TYPE(gimple_call_arg(call, i))));
  const fortify::DataModel model{unsigned(TYPE_PRECISION(integer_type_node)),
                                 unsigned(TYPE_PRECISION(size_type_node))};
  return fortify::matchesSignature(rule, shape, model);
}

namespace {

// The format is a string literal (&"..." or &"..."[0]) or a constant
// object in read-only storage (static const char f[] = "..."): as in
// glibc, whose checked printf allows %n in read-only memory, nothing to
// check.
bool isStringLiteral(tree pointer) {
  // A literal at a constant offset ("a%nb" + 1) reaches the call through a
  // temporary the gimplifier made: _1 = &"a%nb" + 1.
  for (int depth = 0; TREE_CODE(pointer) == SSA_NAME && depth < 4; ++depth) {
    gassign *definition = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(pointer));
    if (!definition)
      return false;
    tree_code code = gimple_assign_rhs_code(definition);
    if (code == POINTER_PLUS_EXPR && TREE_CODE(gimple_assign_rhs2(definition)) != INTEGER_CST)
      return false;
    if (code != POINTER_PLUS_EXPR && code != ADDR_EXPR && code != SSA_NAME &&
        !CONVERT_EXPR_CODE_P(code))
      return false;
    pointer = gimple_assign_rhs1(definition);
  }
  if (TREE_CODE(pointer) != ADDR_EXPR)
    return false;
  tree object = TREE_OPERAND(pointer, 0);
  while (TREE_CODE(object) == ARRAY_REF)
    object = TREE_OPERAND(object, 0);
  if (TREE_CODE(object) == STRING_CST)
    return true;
  return VAR_P(object) && TREE_READONLY(object) && !TREE_THIS_VOLATILE(object) &&
         (TREE_STATIC(object) || DECL_EXTERNAL(object));
}

class CallChecker {
public:
  CallChecker(gcall *call, const Rule &rule, const Options &options)
      : call_(call), rule_(rule), options_(options), location_(gimple_location(call)),
        before_(location_), after_(location_) {}

  // Pre-call checks go into `before_`, post-call ones into `after_`.
  bool build(Checks which) {
    if (which != Checks::All) {
      bool any = rule_.read != ReadKind::None && fortify::checksReads(options_) && checkRead();
      if (which == Checks::ReadsAndFormat)
        any |= checkFormatUnlessLiteral();
      // The library's wrapper checks the write with its own size, which
      // cannot know a member's size field (the plugin tightens the query
      // inside the wrapper, where the member is gone): that bound is the
      // plugin's own check, before the library's (field-sizes.h).
      if (writesThroughSizedMember())
        any |= checkWrite();
      return any;
    }
    if (rule_.kind == CheckKind::Unbounded) {
      // An unbounded write: under GCC's switch for writes, as Clang's
      // plugin puts it under -Wfortify-source.
      warning_at(location_, OPT_Wstringop_overflow_, "%s", fortify::unboundedMessage(rule_).c_str());
      return false;
    }
    bool any = false;
    if (planChkCall()) {
      // glibc's entry point checks what it can; the rest stays inline.
      if (!chk_.size && rule_.kind != CheckKind::None && rule_.kind != CheckKind::FormattedWrite &&
          !(rule_.kind == CheckKind::OpenMode && chk_.open))
        checkWrite();
      if (rule_.read != ReadKind::None && fortify::checksReads(options_))
        checkRead();
      if (!chk_.format)
        checkFormatUnlessLiteral();
      buildChkCall();
      return true;
    }
    if (rule_.kind != CheckKind::None && rule_.kind != CheckKind::FormattedWrite)
      any |= checkWrite();
    if (rule_.read != ReadKind::None && fortify::checksReads(options_))
      any |= checkRead();
    any |= checkFormatUnlessLiteral();
    return any;
  }

  bool writesThroughSizedMember() {
    switch (rule_.kind) {
    case CheckKind::CopyLength:
    case CheckKind::CopyString:
    case CheckKind::AppendString:
    case CheckKind::AppendBounded:
    case CheckKind::MinimumSize:
      return rule_.dest != fortify::kNoArg && hasFieldSize(arg(rule_.dest), call_);
    default:
      return false;
    }
  }

  bool checkFormatUnlessLiteral() {
    if (!fortify::checksFormat(rule_, options_.level))
      return false;
    if (isStringLiteral(arg(rule_.format))) {
      markProven(Problem::FormatN, /*safe=*/true);
      return false;
    }
    return checkFormat();
  }

  // mode=chk replaced the call by glibc's entry point.
  bool callsChkEntry() const { return chkCall_ != nullptr; }

  // Whether a site of this problem was registered for this call (checked,
  // or needing no check); see emitChecks.
  bool registered(Problem problem) const { return registeredProblems_ & (1u << unsigned(problem)); }

  void insert(gimple_stmt_iterator *gsi) {
    if (chkCall_) {
      // The entry point takes the call's place (and its result).
      gimple_call_set_lhs(call_, NULL_TREE);
      gsi_insert_before(gsi, chkCall_, GSI_SAME_STMT);
      gsi_remove(gsi, false);
      *gsi = gsi_for_stmt(chkCall_, gsi->seq);
    }
    gimple_seq after = epilogue();
    gimple_seq_add_seq(&after, after_.sequence());
    gsi_insert_seq_before(gsi, before_.sequence(), GSI_SAME_STMT);
    if (after) {
      gimple *lastStmt = gsi_stmt(gsi_last(after));
      gsi_insert_seq_after(gsi, after, GSI_SAME_STMT);
      *gsi = gsi_for_stmt(lastStmt, gsi->seq);
    }
  }

  // sprintf(d, fmt, ...) becomes, when d's size is known,
  //   r = snprintf(d, size, fmt, ...); if (r >= 0 && r >= size) stop;
  // and stays as written otherwise.
  bool rewriteFormattedWrite(gimple_stmt_iterator *gsi) {
    std::string siblingName(rule_.boundedSibling);
    tree sibling = builtinNamed("__builtin_" + siblingName);
    // A translation unit that defines the sibling itself may build it on the
    // very call being rewritten (vsnprintf on top of vsprintf): calling it
    // would recurse forever.
    if (!sibling || translationUnitDefines(siblingName.c_str()))
      return false;
    SequenceBuilder &b = before_;
    tree original = b.newLabel(), bounded = b.newLabel(), done = b.newLabel();
    tree fits = b.newLabel(), failed = b.newLabel();
    tree size = objectSize(b, arg(rule_.dest), fortify::objectSizeType(rule_, options_.level));
    b.branch(EQ_EXPR, size, unknownSize(), original, bounded);
    b.label(bounded);
    vec<tree> args = vNULL;
    for (int i = 0; i < (int)gimple_call_num_args(call_); ++i) {
      args.safe_push(gimple_call_arg(call_, i));
      if (i == rule_.dest)
        args.safe_push(size);
    }
    tree resultType = TREE_TYPE(TREE_TYPE(sibling));
    gcall *boundedCall = b.callWithArgs(sibling, resultType, args);
    args.release();
    tree result = gimple_call_lhs(boundedCall);
    b.branch(LT_EXPR, result, build_zero_cst(resultType), fits, failed);
    b.label(failed);
    tree stop = b.newLabel();
    b.branch(GE_EXPR, b.toSize(result), size, stop, fits);
    b.label(stop);
    // snprintf wrote what fits: in report mode the program may go on with
    // its result.
    failHere(b, Problem::Overflow, [&] { return b.binary(PLUS_EXPR, b.toSize(result), size_one_node); },
             size, fits);
    tree joined = joinedResult();
    b.label(fits);
    if (joined)
      b.assign(joined, b.convert(TREE_TYPE(joined), result));
    b.jump(done);
    b.label(original);
    doneLabel_ = done;
    return true;
  }

private:
  tree arg(int index) { return argument(call_, index); }

  // mode=chk: which of the call's checks glibc's entry point makes. Where it
  // makes none (a literal format, open with constant flags or a mode, a
  // rule without an entry point) the call keeps the inline checks.
  struct ChkPlan {
    bool size = false, format = false, open = false;
  };
  bool planChkCall() {
    if (!fortify::callsChkEntryPoints(options_) || !fortify::hasChkEntry(rule_) ||
        fortify::chkArguments(rule_, int(gimple_call_num_args(call_))).empty())
      return false;
    // libc itself, or a program with its own function of either name (a
    // strlcpy fallback where the C library has none): the entry point would
    // not be that function's.
    std::string entry(rule_.glibcChecked), plain(rule_.name);
    if (translationUnitDefines(entry.c_str()) || translationUnitDefines(plain.c_str()))
      return false;
    chk_.size = fortify::checksWrite(rule_) && fortify::chkChecksSize(rule_) && isPointer(arg(rule_.dest));
    chk_.format = fortify::chkChecksFormat(rule_) && fortify::checksFormat(rule_, options_.level) &&
                  !isStringLiteral(arg(rule_.format));
    chk_.open = rule_.kind == CheckKind::OpenMode && isInteger(arg(rule_.flags)) &&
                TREE_CODE(arg(rule_.flags)) != INTEGER_CST;
    return chk_.size || chk_.format || chk_.open;
  }

  // The call of the entry point, with the plugin's size of the destination
  // (in elements where glibc counts them: an unknown size stays -1); its
  // sites are checked by it (their status is decided in chk-calls.cpp).
  void buildChkCall() {
    SequenceBuilder &b = before_;
    tree size = unknownSize();
    if (chk_.size) {
      size = objectSize(b, arg(rule_.dest), fortify::objectSizeType(rule_, options_.level));
      if (rule_.chkSizeInElements && rule_.elementSize != 1) {
        tree elements =
            b.binary(TRUNC_DIV_EXPR, size, build_int_cst(size_type_node, rule_.elementSize));
        tree unknown = b.newTemporary(boolean_type_node);
        b.append(gimple_build_assign(unknown, EQ_EXPR, size, unknownSize()));
        tree all = b.binary(MINUS_EXPR, build_zero_cst(size_type_node), b.toSize(unknown));
        size = b.binary(BIT_IOR_EXPR, elements, all);
      }
    }
    tree flag = build_int_cst(integer_type_node, fortify::chkFormatFlag(options_.level));
    vec<tree> args = vNULL;
    for (const fortify::ChkArgument &item :
         fortify::chkArguments(rule_, int(gimple_call_num_args(call_)))) {
      switch (item.kind) {
      case fortify::ChkArgumentKind::Original:
        args.safe_push(arg(item.index));
        break;
      case fortify::ChkArgumentKind::Size:
        args.safe_push(size);
        break;
      case fortify::ChkArgumentKind::Flag:
        args.safe_push(flag);
        break;
      }
    }
    chkCall_ = gimple_build_call_vec(chkEntryDecl(rule_, call_, args), args);
    args.release();
    gimple_call_set_lhs(chkCall_, gimple_call_lhs(call_));
    gimple_set_location(chkCall_, location_);
    ChkSites sites;
    auto checkedByEntry = [&](Problem problem) {
      fortify::SiteDescriptor site = describeCall(call_, problem, rule_.name);
      recordSite(site, fortify::Instrumented::Check);
      registeredProblems_ |= 1u << unsigned(problem);
      return fortify::encodeSite(site);
    };
    if (chk_.size)
      sites.write = checkedByEntry(Problem::Overflow);
    if (chk_.format)
      sites.format = checkedByEntry(Problem::FormatN);
    if (chk_.open)
      sites.open = checkedByEntry(Problem::OpenWithoutMode);
    registerChkCall(call_, rule_, sites);
  }

  // Decided here, with no code: fine (a literal format, open with a mode)
  // or always wrong (open(O_CREAT) with constant flags and no mode).
  void markProven(Problem problem, bool safe) {
    recordSite(describeCall(call_, problem, rule_.name),
               safe ? fortify::Instrumented::Safe : fortify::Instrumented::Overflow);
    registeredProblems_ |= 1u << unsigned(problem);
  }
  tree unknownSize() { return build_all_ones_cst(size_type_node); }

  // GCC's objsz passes fold this to a constant, an expression of run-time
  // values, or "unknown" ((size_t)-1), which makes a check vanish.
  tree objectSize(SequenceBuilder &b, tree pointer, int type) {
    // The size field of the member the pointer was read from
    // (field-sizes.cpp), before the pointer is copied below.
    tree fields = fieldObjectSize(b, pointer, call_);
    // The gimplifier already makes some temporaries SSA names. GCC 12 folds
    // a size query on one of those in "lower", before its objsz passes, and
    // that early fold of __builtin_dynamic_object_size computes 0 for
    // `&a[1] - 1` (a negative constant offset): a false stop. Through a plain
    // temporary the query waits for the objsz passes, which get it right.
    if (TREE_CODE(pointer) == SSA_NAME) {
      tree copy = b.newTemporary(TREE_TYPE(pointer));
      b.assign(copy, pointer);
      pointer = copy;
    }
    // Static until inlining is done, even at level 3: see
    // dynamic-sizes-pass.cpp.
    tree decl = builtin_decl_explicit(BUILT_IN_OBJECT_SIZE);
    tree declared = declaredObjectSize(b, pointer);
    tree size = b.call(decl, size_type_node, {pointer, build_int_cst(integer_type_node, type)});
    // Both bound the object: the smaller is the size (declared-sizes.cpp).
    if (declared)
      size = b.binary(MIN_EXPR, size, declared);
    return fields ? b.binary(MIN_EXPR, size, fields) : size;
  }

  // Opens a check: `fail` stops the program, `pass` continues to the call.
  struct Check {
    tree fail, pass;
  };
  Check open(SequenceBuilder &b) { return {b.newLabel(), b.newLabel()}; }

  // Builds, in the failure block only, the bytes the call would use.
  using Amount = std::function<tree()>;
  static Amount none() { return [] { return size_zero_node; }; }

  // Closes a check: its failure block, then the passing path. In report
  // mode a failed check before the call skips the call (the program goes
  // on without the overflow); one after the call (`afterCall`) goes on.
  void close(SequenceBuilder &b, const Check &check, Problem problem, const Amount &needed,
             tree available, bool afterCall = false) {
    b.label(check.fail);
    failHere(b, problem, needed, available, afterCall ? check.pass : NULL_TREE);
    b.label(check.pass);
  }

  // The failure path at the current point of `b`, registered as a site.
  // `continueAt` is where report mode goes on; NULL_TREE: skip the call.
  void failHere(SequenceBuilder &b, Problem problem, const Amount &needed, tree available,
                tree continueAt) {
    fortify::SiteDescriptor site = describeCall(call_, problem, rule_.name);
    recordSite(site, fortify::Instrumented::Check);
    registeredProblems_ |= 1u << unsigned(problem);
    b.fail(site, needed(), available ? available : size_zero_node, options_);
    if (options_.mode != fortify::FailureMode::Report)
      return;  // the marker does not return
    if (continueAt) {
      b.jump(continueAt);
      return;
    }
    if (tree result = joinedResult())
      b.assign(result, skippedCallResult(TREE_TYPE(result)));
    if (!skipLabel_)
      skipLabel_ = b.newLabel();
    b.jump(skipLabel_);
  }

  // The value a skipped call's result takes (fortify::skippedCallResult).
  tree skippedCallResult(tree type) {
    fortify::ResultType kind = POINTER_TYPE_P(type) ? fortify::ResultType::Pointer
                               : INTEGRAL_TYPE_P(type)
                                   ? (TYPE_UNSIGNED(type) ? fortify::ResultType::UnsignedInteger
                                                          : fortify::ResultType::SignedInteger)
                                   : fortify::ResultType::Other;
    tree destination = arg(rule_.dest);
    switch (fortify::skippedCallResult(rule_, kind, isPointer(destination))) {
    case fortify::SkippedResult::Destination:
      return fold_convert(type, destination);
    case fortify::SkippedResult::MinusOne:
      return build_minus_one_cst(type);
    case fortify::SkippedResult::Null:
    case fortify::SkippedResult::Zero:
      break;
    }
    return build_zero_cst(type);
  }

  // The variable both paths around the call set, when the call has a
  // result. The gimplifier may already have made the result an SSA name,
  // which must keep a single definition: then the paths set a temporary
  // and the SSA name is defined from it after them (see epilogue()).
  tree joinedResult() {
    tree lhs = gimple_call_lhs(call_);
    if (!lhs || TREE_CODE(lhs) != SSA_NAME)
      return lhs;
    if (!joinedTemporary_) {
      joinedTemporary_ = create_tmp_reg(TREE_TYPE(lhs), "fortify");
      originalResult_ = lhs;
      gimple_call_set_lhs(call_, joinedTemporary_);
    }
    return joinedTemporary_;
  }

  // What follows the call before any check on its result: where skipped
  // calls and the formatted-write paths join, and the joined result.
  gimple_seq epilogue() {
    SequenceBuilder b(location_);
    if (skipLabel_)
      b.label(skipLabel_);
    if (doneLabel_)
      b.label(doneLabel_);
    if (joinedTemporary_)
      b.assign(originalResult_, joinedTemporary_);
    return b.sequence();
  }

  // units * unitBytes [* count] in bytes, saturating at SIZE_MAX: the
  // message must not show a product that wrapped.
  tree bytes(SequenceBuilder &b, tree units, unsigned unitBytes, tree count = NULL_TREE) {
    tree value = b.toSize(units);
    // A product past SIZE_MAX is SIZE_MAX: min(value, limit) * factor,
    // with every bit set when value passed the limit.
    auto scale = [&](tree factor) {
      tree limit = b.binary(TRUNC_DIV_EXPR, build_all_ones_cst(size_type_node), factor);
      tree product = b.binary(MULT_EXPR, b.binary(MIN_EXPR, value, limit), factor);
      tree passed = b.newTemporary(boolean_type_node);
      b.append(gimple_build_assign(passed, GT_EXPR, value, limit));
      tree all = b.binary(MINUS_EXPR, build_zero_cst(size_type_node), b.toSize(passed));
      value = b.binary(BIT_IOR_EXPR, product, all);
    };
    if (count)
      scale(b.toSize(count));
    if (unitBytes != 1)
      scale(build_int_cst(size_type_node, unitBytes));
    return value;
  }
  tree plusOne(SequenceBuilder &b, tree value) {
    return b.binary(PLUS_EXPR, b.toSize(value), size_one_node);
  }
  // Continues only when the size is known, so that work done to check
  // (strlen, a division, a call) disappears with an unknown size.
  void requireKnown(SequenceBuilder &b, tree size, const Check &check) {
    tree known = b.newLabel();
    b.branch(EQ_EXPR, size, unknownSize(), check.pass, known);
    b.label(known);
  }

  bool wide() const { return fortify::characters(rule_) == fortify::Characters::Wide; }
  tree stringLength(SequenceBuilder &b, tree string) {
    if (wide())
      return b.call(libraryDecl(LibraryFunction::Wcslen), size_type_node, {string});
    return b.call(builtin_decl_explicit(BUILT_IN_STRLEN), size_type_node, {string});
  }
  tree boundedStringLength(SequenceBuilder &b, tree string, tree bound) {
    if (wide())
      return b.call(libraryDecl(LibraryFunction::Wcsnlen), size_type_node, {string, bound});
    return b.call(builtin_decl_explicit(BUILT_IN_STRNLEN), size_type_node, {string, bound});
  }

  // length [* count] * elementSize > size, without computing the product,
  // so that one that wraps is caught too.
  void stopIfLongerThan(SequenceBuilder &b, tree size, const Check &check) {
    tree limit = size;
    if (rule_.elementSize != 1)
      limit = b.binary(TRUNC_DIV_EXPR, limit, build_int_cst(size_type_node, rule_.elementSize));
    if (rule_.count != kNoArg) {
      tree count = b.toSize(arg(rule_.count));
      tree nonZero = b.newLabel();
      b.branch(EQ_EXPR, count, build_zero_cst(size_type_node), check.pass, nonZero);
      b.label(nonZero);
      limit = b.binary(TRUNC_DIV_EXPR, limit, count);
    }
    b.branch(GT_EXPR, lengthArgument(b), limit, check.fail, check.pass);
  }

  bool checkWrite() {
    SequenceBuilder &b = before_;
    if (rule_.kind == CheckKind::OpenMode)
      return checkOpenMode();
    Check check = open(b);
    tree size = objectSize(b, arg(rule_.dest), fortify::objectSizeType(rule_, options_.level));
    if (fortify::writeCheckNeedsKnownSize(rule_))
      requireKnown(b, size, check);
    // Element counts of the string kinds compare against whole elements.
    tree elements = rule_.elementSize == 1
                        ? size
                        : b.binary(TRUNC_DIV_EXPR, size,
                                   build_int_cst(size_type_node, rule_.elementSize));
    Amount needed;
    switch (rule_.kind) {
    case CheckKind::CopyLength:
      stopIfLongerThan(b, size, check);
      needed = lengthInBytes(b);
      break;
    case CheckKind::CopyString: {
      tree length = stringLength(b, arg(rule_.source));
      b.branch(GE_EXPR, length, elements, check.fail, check.pass);
      needed = [=, &b] { return bytes(b, plusOne(b, length), rule_.elementSize); };
      break;
    }
    case CheckKind::AppendString:
    case CheckKind::AppendBounded: {
      tree present = stringLength(b, arg(rule_.dest));
      tree added = rule_.kind == CheckKind::AppendString
                       ? stringLength(b, arg(rule_.source))
                       : boundedStringLength(b, arg(rule_.source), b.toSize(arg(rule_.length)));
      // What is appended must fit on its own: without value ranges (-O1)
      // the sum with the present length never folds, while this test does
      // for a literal source, so the overflow is still proven and diagnosed
      // as GCC itself would.
      Check alone = open(b);
      b.branch(GE_EXPR, added, elements, alone.fail, alone.pass);
      close(b, alone, Problem::Overflow,
            [=, &b] { return bytes(b, plusOne(b, added), rule_.elementSize); }, size);
      tree total = b.binary(PLUS_EXPR, present, added);
      b.branch(GE_EXPR, total, elements, check.fail, check.pass);
      needed = [=, &b] { return bytes(b, plusOne(b, total), rule_.elementSize); };
      break;
    }
    case CheckKind::MinimumSize: {
      tree minimum = rule_.minimum == fortify::kMinimumIsMbCurMax
                         ? b.call(libraryDecl(LibraryFunction::MbCurMax), size_type_node, {})
                         : build_int_cst(size_type_node, rule_.minimum);
      b.branch(LT_EXPR, size, minimum, check.fail, check.pass);
      needed = [=] { return minimum; };
      break;
    }
    case CheckKind::None:
    case CheckKind::FormattedWrite:
    case CheckKind::OpenMode:
    case CheckKind::Unbounded:
      gcc_unreachable();
    }
    close(b, check, Problem::Overflow, needed, size);
    return true;
  }

  // arg(length) as the rule counts it (LengthForm), as a size.
  tree lengthArgument(SequenceBuilder &b) {
    tree length = arg(rule_.length);
    if (rule_.lengthForm == fortify::LengthForm::WholePairs) {
      tree type = TREE_TYPE(length);
      length = b.binary(MAX_EXPR, length, build_zero_cst(type));
      length = b.binary(BIT_AND_EXPR, length, build_int_cst(type, -2));
    }
    return b.toSize(length);
  }

  // length [* count] * elementSize in bytes.
  Amount lengthInBytes(SequenceBuilder &b) {
    return [this, &b] {
      return bytes(b, lengthArgument(b), rule_.elementSize,
                   rule_.count != kNoArg ? arg(rule_.count) : NULL_TREE);
    };
  }

  // open(path, O_CREAT) without a mode: an error when the flags are
  // constant, a stop when they are not (as glibc's __open_2).
  bool checkOpenMode() {
    if ((int)gimple_call_num_args(call_) != rule_.arity) {
      markProven(Problem::OpenWithoutMode, /*safe=*/true);  // a mode is passed
      return false;
    }
    tree flags = arg(rule_.flags);
    tree needingMode = build_int_cst(TREE_TYPE(flags), fortify::openFlagsNeedingMode(kTargetTriple));
    if (TREE_CODE(flags) == INTEGER_CST) {
      // As glibc's headers make it: an error, whatever the options say.
      const bool safe =
          integer_zerop(fold_build2(BIT_AND_EXPR, TREE_TYPE(flags), flags, needingMode));
      markProven(Problem::OpenWithoutMode, safe);
      if (!safe)
        error_at(location_, "%s",
                 fortify::provenProblemMessage(
                     describeCall(call_, Problem::OpenWithoutMode, rule_.name), 0, 0)
                     .c_str());
      return false;
    }
    SequenceBuilder &b = before_;
    Check check = open(b);
    tree asked = b.binary(BIT_AND_EXPR, flags, needingMode);
    b.branch(NE_EXPR, asked, build_zero_cst(TREE_TYPE(flags)), check.fail, check.pass);
    close(b, check, Problem::OpenWithoutMode, none(), NULL_TREE);
    return true;
  }

  bool checkRead() {
    tree source = arg(rule_.readArg);
    switch (rule_.read) {
    case ReadKind::Length: {
      SequenceBuilder &b = before_;
      Check check = open(b);
      tree size = objectSize(b, source, fortify::kReadObjectSizeType);
      if (fortify::readCheckNeedsKnownSize(rule_))
        requireKnown(b, size, check);
      stopIfLongerThan(b, size, check);
      close(b, check, Problem::OverRead, lengthInBytes(b), size);
      return true;
    }
    case ReadKind::LengthUntilMatch: {
      // Past the object only when the same scan bounded by the object
      // finds nothing: it would then read on.
      SequenceBuilder &b = before_;
      Check check = open(b);
      tree size = objectSize(b, source, fortify::kReadObjectSizeType);
      if (fortify::readCheckNeedsKnownSize(rule_))
        requireKnown(b, size, check);
      tree scan = b.newLabel();
      stopIfLongerThan(b, size, Check{scan, check.pass});
      b.label(scan);
      tree elements = rule_.elementSize == 1
                          ? size
                          : b.binary(TRUNC_DIV_EXPR, size,
                                     build_int_cst(size_type_node, rule_.elementSize));
      vec<tree> args = vNULL;
      for (int i = 0; i < (int)gimple_call_num_args(call_); ++i)
        args.safe_push(i == rule_.length ? b.convert(TREE_TYPE(arg(i)), elements) : arg(i));
      gcall *bounded = b.callWithArgs(gimple_call_fndecl(call_),
                                      TREE_TYPE(gimple_call_fntype(call_)), args);
      args.release();
      tree found = gimple_call_lhs(bounded);
      b.branch(EQ_EXPR, found, build_zero_cst(TREE_TYPE(found)), check.fail, check.pass);
      close(b, check, Problem::OverRead, lengthInBytes(b), size);
      return true;
    }
    case ReadKind::String: {
      // The scan must find the NUL inside the object.
      SequenceBuilder &b = before_;
      Check check = open(b);
      tree size = objectSize(b, source, fortify::kReadObjectSizeType);
      if (fortify::readCheckNeedsKnownSize(rule_))
        requireKnown(b, size, check);
      tree length = boundedStringLength(b, source, size);
      b.branch(GE_EXPR, length, size, check.fail, check.pass);
      close(b, check, Problem::OverRead,
            [=, &b] { return bytes(b, plusOne(b, length), rule_.elementSize); }, size);
      return true;
    }
    case ReadKind::StringResult: {
      // strlen's result r: r + 1 bytes were read; strnlen(s, n)'s:
      // min(r + 1, n). An unknown size ((size_t)-1) never compares lower.
      tree result = gimple_call_lhs(call_);
      if (!result || !isInteger(result))
        return false;
      SequenceBuilder &b = after_;
      Check check = open(b);
      tree size = objectSize(b, source, fortify::kReadObjectSizeType);
      tree read = b.binary(PLUS_EXPR, b.toSize(result), build_int_cst(size_type_node, 1));
      if (rule_.length != kNoArg)
        read = b.binary(MIN_EXPR, read, b.toSize(arg(rule_.length)));
      b.branch(GT_EXPR, read, size, check.fail, check.pass);
      close(b, check, Problem::OverRead, [=, &b] { return bytes(b, read, rule_.elementSize); },
            size, /*afterCall=*/true);
      return true;
    }
    case ReadKind::None:
      break;
    }
    return false;
  }

  // A %n in a format that is not a literal stops the program: the format
  // is scanned, conversion by conversion, before the call.
  bool checkFormat() {
    SequenceBuilder &b = before_;
    Check check = open(b);
    tree charType = char_type_node;
    tree cursor = b.newTemporary(const_ptr_type_node);
    b.assign(cursor, b.convert(const_ptr_type_node, arg(rule_.format)));
    tree text = b.newLabel(), conversion = b.newLabel(), notEnd = b.newLabel(),
         notEnd2 = b.newLabel();
    auto next = [&]() {
      tree c = b.load(charType, cursor);
      b.assign(cursor, build2(POINTER_PLUS_EXPR, const_ptr_type_node, cursor, size_one_node));
      return c;
    };
    auto character = [&](char c) { return build_int_cst(charType, c); };
    b.label(text);
    tree c = next();
    b.branch(EQ_EXPR, c, character('\0'), check.pass, notEnd);
    b.label(notEnd);
    b.branch(EQ_EXPR, c, character('%'), conversion, text);
    b.label(conversion);
    tree d = next();
    b.branch(EQ_EXPR, d, character('\0'), check.pass, notEnd2);
    b.label(notEnd2);
    tree notN = b.newLabel();
    b.branch(EQ_EXPR, d, character('n'), check.fail, notN);
    b.label(notN);
    for (char modifier : fortify::kFormatSpecificationCharacters) {
      tree notThis = b.newLabel();
      b.branch(EQ_EXPR, d, character(modifier), conversion, notThis);
      b.label(notThis);
    }
    b.jump(text);
    close(b, check, Problem::FormatN, none(), NULL_TREE);
    return true;
  }

  static tree builtinNamed(const std::string &name) {
    for (int code = 0; code < (int)END_BUILTINS; ++code) {
      tree decl = builtin_decl_explicit_p(built_in_function(code))
                      ? builtin_decl_explicit(built_in_function(code))
                      : NULL_TREE;
      if (decl && DECL_NAME(decl) && name == IDENTIFIER_POINTER(DECL_NAME(decl)))
        return decl;
    }
    return NULL_TREE;
  }

  gcall *call_;
  const Rule &rule_;
  const Options &options_;
  location_t location_;
  SequenceBuilder before_, after_;
  tree skipLabel_ = NULL_TREE;       // report mode: after the skipped call
  tree doneLabel_ = NULL_TREE;       // formatted writes: after both paths
  tree joinedTemporary_ = NULL_TREE; // see joinedResult()
  unsigned registeredProblems_ = 0;  // bit per fortify::Problem
  ChkPlan chk_;                      // mode=chk
  gcall *chkCall_ = nullptr;
  tree originalResult_ = NULL_TREE;
};

}  // namespace

bool emitChecks(gimple_stmt_iterator *gsi, gcall *call, const Rule &rule,
                const Options &options, Checks which) {
  if (!matchesPrototype(call, rule))
    return false;  // not the C library's function: not a call site
  // A front end that does not declare the builtins the checks are made of
  // (gfortran has no __builtin_object_size): nothing can be checked there.
  if (!builtin_decl_explicit(BUILT_IN_OBJECT_SIZE) || !builtin_decl_explicit(BUILT_IN_TRAP))
    return false;
  CallChecker checker(call, rule, options);
  bool any = checker.build(which);
  if (which == Checks::All && rule.kind == CheckKind::FormattedWrite && !checker.callsChkEntry())
    any |= checker.rewriteFormattedWrite(gsi);
  if (any)
    checker.insert(gsi);
  // A call whose main problem got no site (no check, nothing proven) is not
  // protected; with the library's check (`which`) it is the library's.
  if (which == Checks::All && !checker.registered(fortify::primaryProblem(rule)))
    registerUncheckedCall(call, rule);
  return any;
}

void registerUncheckedCall(const gcall *call, const Rule &rule) {
  fortify::SiteDescriptor site = describeCall(call, fortify::primaryProblem(rule), rule.name);
  recordSite(site, fortify::Instrumented::None);
}

}  // namespace fortify_gcc
