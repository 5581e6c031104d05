// The rule table: the one place where the semantics of every fortified libc
// function live. Both plugins read a Rule and emit the check its CheckKind
// describes; neither contains per-function code.
#ifndef FORTIFY_COMMON_RULES_H
#define FORTIFY_COMMON_RULES_H

#include <array>
#include <cstddef>
#include <string_view>

namespace fortify {

// What a call writes into its destination object, and therefore what must be
// compared against the destination's size.
enum class CheckKind {
  // arg(length) * elementSize bytes (memcpy, memset, strncpy, strlcpy ...).
  CopyLength,
  // strlen(arg(source)) + 1 bytes (strcpy, stpcpy).
  CopyString,
  // strlen(arg(dest)) + strlen(arg(source)) + 1 bytes (strcat).
  AppendString,
  // strlen(arg(dest)) + strnlen(arg(source), arg(length)) + 1 bytes (strncat).
  AppendBounded,
};

inline constexpr std::array<CheckKind, 4> kAllCheckKinds = {
    CheckKind::CopyLength, CheckKind::CopyString, CheckKind::AppendString,
    CheckKind::AppendBounded};

// Which object size bounds the destination. glibc uses the whole object for
// the mem functions and, from level 2, the closest enclosing subobject (a
// struct member) for the string functions. At level 1 every rule falls back
// to the whole object.
enum class ObjectSize { WholeObject, ClosestSubobject };

inline constexpr int kNoArg = -1;

struct Rule {
  std::string_view name;  // the C library name, as a call's symbol spells it
  CheckKind kind;
  int dest;               // argument index written to
  int source;             // argument index read from, or kNoArg
  int length;             // argument index of the byte/element count, or kNoArg
  unsigned elementSize;   // bytes per counted element (1 for char functions)
  ObjectSize objectSize;
  int arity;              // arguments the C prototype takes; calls with fewer are left alone
  // Other spellings of the same function: compiler builtins and LLVM
  // intrinsics (by base name, which may add trailing arguments).
  std::array<std::string_view, 3> aliases;
  // glibc's own fortified entry point. Calls to it are already checked by
  // glibc and are never checked again.
  std::string_view glibcChecked;
};

// Every rule, in a fixed order (the order reports use).
const Rule *rulesBegin();
const Rule *rulesEnd();
std::size_t ruleCount();

// The rule for a symbol or builtin/intrinsic name, or nullptr.
const Rule *findRule(std::string_view name);

// The rule whose glibc checked form (e.g. "__memcpy_chk") this is, or nullptr.
const Rule *findRuleByCheckedName(std::string_view name);

// Object-size type (as in __builtin_object_size) to use for a rule at a level.
int objectSizeType(const Rule &rule, int level);

// Whether the kind needs strlen/strnlen at run time; such checks must only
// run when the destination size is known.
bool kindNeedsStringLength(CheckKind kind);

const char *checkKindName(CheckKind kind);

}  // namespace fortify

#endif
