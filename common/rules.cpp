#include "rules.h"

#include <algorithm>

namespace fortify {
namespace {

using K = CheckKind;
using O = ObjectSize;

// name, kind, dest, source, length, elementSize, objectSize, arity, aliases, glibcChecked
constexpr Rule kRules[] = {
    {"memcpy", K::CopyLength, 0, 1, 2, 1, O::WholeObject, 3,
     {"__builtin_memcpy", "llvm.memcpy", "llvm.memcpy.inline"}, "__memcpy_chk"},
    {"memmove", K::CopyLength, 0, 1, 2, 1, O::WholeObject, 3,
     {"__builtin_memmove", "llvm.memmove"}, "__memmove_chk"},
    {"mempcpy", K::CopyLength, 0, 1, 2, 1, O::WholeObject, 3,
     {"__builtin_mempcpy", "__mempcpy"}, "__mempcpy_chk"},
    {"memset", K::CopyLength, 0, kNoArg, 2, 1, O::WholeObject, 3,
     {"__builtin_memset", "llvm.memset", "llvm.memset.inline"}, "__memset_chk"},
    {"bcopy", K::CopyLength, 1, 0, 2, 1, O::WholeObject, 3,
     {"__builtin_bcopy"}, ""},
    {"bzero", K::CopyLength, 0, kNoArg, 1, 1, O::WholeObject, 2,
     {"__builtin_bzero"}, ""},
    {"explicit_bzero", K::CopyLength, 0, kNoArg, 1, 1, O::WholeObject, 2,
     {}, "__explicit_bzero_chk"},
    {"strcpy", K::CopyString, 0, 1, kNoArg, 1, O::ClosestSubobject, 2,
     {"__builtin_strcpy"}, "__strcpy_chk"},
    {"stpcpy", K::CopyString, 0, 1, kNoArg, 1, O::ClosestSubobject, 2,
     {"__builtin_stpcpy", "__stpcpy"}, "__stpcpy_chk"},
    {"strncpy", K::CopyLength, 0, 1, 2, 1, O::ClosestSubobject, 3,
     {"__builtin_strncpy"}, "__strncpy_chk"},
    {"stpncpy", K::CopyLength, 0, 1, 2, 1, O::ClosestSubobject, 3,
     {"__builtin_stpncpy", "__stpncpy"}, "__stpncpy_chk"},
    {"strcat", K::AppendString, 0, 1, kNoArg, 1, O::ClosestSubobject, 2,
     {"__builtin_strcat"}, "__strcat_chk"},
    {"strncat", K::AppendBounded, 0, 1, 2, 1, O::ClosestSubobject, 3,
     {"__builtin_strncat"}, "__strncat_chk"},
    // strlcpy/strlcat write at most n bytes; like glibc's __strlcpy_chk the
    // bound itself must fit, even when the source is shorter.
    {"strlcpy", K::CopyLength, 0, 1, 2, 1, O::ClosestSubobject, 3,
     {"__builtin_strlcpy"}, "__strlcpy_chk"},
    {"strlcat", K::CopyLength, 0, 1, 2, 1, O::ClosestSubobject, 3,
     {"__builtin_strlcat"}, "__strlcat_chk"},
};

}  // namespace

const Rule *rulesBegin() { return std::begin(kRules); }
const Rule *rulesEnd() { return std::end(kRules); }
std::size_t ruleCount() { return std::size(kRules); }

const Rule *findRule(std::string_view name) {
  if (name.empty())
    return nullptr;
  for (const Rule &rule : kRules) {
    if (rule.name == name)
      return &rule;
    if (std::find(rule.aliases.begin(), rule.aliases.end(), name) !=
        rule.aliases.end())
      return &rule;
  }
  return nullptr;
}

const Rule *findRuleByCheckedName(std::string_view name) {
  if (name.empty())
    return nullptr;
  for (const Rule &rule : kRules)
    if (rule.glibcChecked == name)
      return &rule;
  return nullptr;
}

int objectSizeType(const Rule &rule, int level) {
  return level >= 2 && rule.objectSize == ObjectSize::ClosestSubobject ? 1 : 0;
}

bool kindNeedsStringLength(CheckKind kind) {
  switch (kind) {
  case CheckKind::CopyLength:
    return false;
  case CheckKind::CopyString:
  case CheckKind::AppendString:
  case CheckKind::AppendBounded:
    return true;
  }
  return true;
}

const char *checkKindName(CheckKind kind) {
  switch (kind) {
  case CheckKind::CopyLength:
    return "copy-length";
  case CheckKind::CopyString:
    return "copy-string";
  case CheckKind::AppendString:
    return "append-string";
  case CheckKind::AppendBounded:
    return "append-bounded";
  }
  return "unknown";
}

}  // namespace fortify
