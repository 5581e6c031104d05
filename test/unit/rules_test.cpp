// Consistency of the rule table: the plugins trust every field blindly.
#include "rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace fortify {
namespace {

TEST(RulesTest, ArgumentIndexesAreInRange) {
  for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule) {
    SCOPED_TRACE(std::string(rule->name));
    for (int index : {rule->dest, rule->source, rule->length, rule->count, rule->format,
                      rule->flags, rule->readArg}) {
      EXPECT_GE(index, kNoArg);
      EXPECT_LT(index, rule->arity);
    }
    EXPECT_GE(rule->arity, 1);
    if (rule->dest != kNoArg) {
      EXPECT_NE(rule->dest, rule->source);
      EXPECT_NE(rule->dest, rule->length);
      EXPECT_NE(rule->dest, rule->count);
    }
    if (rule->length != kNoArg)
      EXPECT_NE(rule->length, rule->count);
  }
}

TEST(RulesTest, EachKindHasTheArgumentsItReads) {
  for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule) {
    SCOPED_TRACE(std::string(rule->name));
    EXPECT_TRUE(rule->elementSize == 1 || rule->elementSize == 4 || rule->elementSize == 8);
    bool writes = rule->kind != CheckKind::None && rule->kind != CheckKind::OpenMode;
    EXPECT_EQ(rule->kind == CheckKind::Unbounded, !rule->replacement.empty());
    EXPECT_EQ(writes, rule->dest != kNoArg);
    EXPECT_EQ(rule->kind == CheckKind::OpenMode, rule->flags != kNoArg);
    EXPECT_EQ(rule->kind == CheckKind::FormattedWrite, !rule->boundedSibling.empty());
    EXPECT_EQ(rule->read != ReadKind::None, rule->readArg != kNoArg);
    if (rule->count != kNoArg)
      EXPECT_NE(rule->length, kNoArg);
    switch (rule->kind) {
    case CheckKind::None:
      EXPECT_TRUE(rule->read != ReadKind::None || rule->format != kNoArg);
      break;
    case CheckKind::CopyLength:
      EXPECT_NE(rule->length, kNoArg);
      break;
    case CheckKind::CopyString:
    case CheckKind::AppendString:
      EXPECT_NE(rule->source, kNoArg);
      EXPECT_EQ(rule->length, kNoArg);
      break;
    case CheckKind::AppendBounded:
      EXPECT_NE(rule->source, kNoArg);
      EXPECT_NE(rule->length, kNoArg);
      break;
    case CheckKind::MinimumSize:
      EXPECT_EQ(rule->length, kNoArg);
      break;
    case CheckKind::FormattedWrite:
      EXPECT_NE(rule->format, kNoArg);
      EXPECT_TRUE(rule->variadic || rule->arity > rule->format + 1);
      {
        // The sibling takes the same arguments with the size after dest.
        const Rule *sibling = findRule(rule->boundedSibling);
        ASSERT_NE(sibling, nullptr);
        EXPECT_EQ(sibling->dest, rule->dest);
        EXPECT_EQ(sibling->length, rule->dest + 1);
        EXPECT_EQ(sibling->format, rule->format + 1);
        EXPECT_EQ(sibling->arity, rule->arity + 1);
        EXPECT_EQ(sibling->variadic, rule->variadic);
      }
      break;
    case CheckKind::OpenMode:
      EXPECT_TRUE(rule->variadic);
      EXPECT_EQ(rule->arity, rule->flags + 1);
      break;
    case CheckKind::Unbounded:
      EXPECT_NE(findRule(rule->replacement), nullptr);
      break;
    }
    switch (rule->read) {
    case ReadKind::None:
      break;
    case ReadKind::Length:
    case ReadKind::LengthUntilMatch:
      EXPECT_NE(rule->length, kNoArg);
      break;
    case ReadKind::StringResult:
    case ReadKind::String:
      EXPECT_EQ(rule->elementSize, 1u);
      break;
    }
  }
}

TEST(RulesTest, NamesAndAliasesAreUnique) {
  std::set<std::string_view> seen;
  for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule) {
    EXPECT_TRUE(seen.insert(rule->name).second) << rule->name;
    for (std::string_view alias : rule->aliases)
      if (!alias.empty())
        EXPECT_TRUE(seen.insert(alias).second) << alias;
    if (!rule->glibcChecked.empty())
      EXPECT_TRUE(seen.insert(rule->glibcChecked).second) << rule->glibcChecked;
  }
}

TEST(RulesTest, EveryKindIsUsedAndNamed) {
  for (CheckKind kind : kAllCheckKinds) {
    bool used = false;
    for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule)
      used |= rule->kind == kind;
    EXPECT_TRUE(used) << checkKindName(kind);
    EXPECT_STRNE(checkKindName(kind), "unknown");
  }
  for (ReadKind kind : kAllReadKinds) {
    bool used = false;
    for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule)
      used |= rule->read == kind;
    EXPECT_TRUE(used) << readKindName(kind);
    EXPECT_STRNE(readKindName(kind), "unknown");
  }
}

TEST(RulesTest, GlibcFortifiedSetIsCovered) {
  // Every interface issue 4 names, where glibc fortifies it.
  for (const char *name :
       {"sprintf", "vsprintf", "snprintf", "vsnprintf", "fgets", "fgets_unlocked", "fread",
        "fread_unlocked", "read", "pread", "pread64", "readlink", "readlinkat", "getcwd",
        "confstr", "getgroups", "ttyname_r", "getlogin_r", "gethostname", "getdomainname",
        "recv", "recvfrom", "poll", "ppoll", "wmemcpy", "wmemmove", "wmempcpy", "wmemset",
        "wcscpy", "wcpcpy", "wcsncpy", "wcpncpy", "wcscat", "wcsncat", "wcslcpy", "wcslcat",
        "swprintf", "vswprintf", "fgetws", "wcrtomb", "mbsrtowcs", "mbsnrtowcs", "wcsrtombs",
        "wcsnrtombs", "mbstowcs", "wcstombs", "wctomb", "realpath", "ptsname_r", "open", "gets",
        "openat", "open64", "openat64"}) {
    const Rule *rule = findRule(name);
    ASSERT_NE(rule, nullptr) << name;
    EXPECT_FALSE(rule->glibcChecked.empty()) << name;
  }
  for (const char *name : {"write", "pwrite", "send", "sendto", "fwrite", "strlen", "strnlen",
                           "memchr", "memrchr", "strchr", "strrchr"})
    EXPECT_NE(findRule(name), nullptr) << name;
}

TEST(RulesTest, KnownSizeGuardWhereWorkWouldOtherwiseRemain) {
  EXPECT_FALSE(writeCheckNeedsKnownSize(*findRule("memcpy")));
  EXPECT_TRUE(writeCheckNeedsKnownSize(*findRule("strcpy")));
  EXPECT_TRUE(writeCheckNeedsKnownSize(*findRule("wmemcpy")));
  EXPECT_TRUE(writeCheckNeedsKnownSize(*findRule("fread")));
  EXPECT_TRUE(writeCheckNeedsKnownSize(*findRule("wcrtomb")));
  EXPECT_FALSE(writeCheckNeedsKnownSize(*findRule("realpath")));
  EXPECT_TRUE(checksFormat(*findRule("printf"), 2));
  EXPECT_FALSE(checksFormat(*findRule("printf"), 1));
  EXPECT_FALSE(checksFormat(*findRule("memcpy"), 3));
}

TEST(RulesTest, FindsNamesAliasesAndCheckedForms) {
  ASSERT_NE(findRule("memcpy"), nullptr);
  EXPECT_EQ(findRule("__builtin_memcpy"), findRule("memcpy"));
  EXPECT_EQ(findRule("llvm.memcpy"), findRule("memcpy"));
  EXPECT_EQ(findRule("llvm.memset.inline"), findRule("memset"));
  EXPECT_EQ(findRuleByCheckedName("__strcpy_chk"), findRule("strcpy"));
  EXPECT_EQ(findRule("__memcpy_chk"), nullptr);  // glibc already checks these
  EXPECT_EQ(findRule(""), nullptr);
  EXPECT_EQ(findRule("memcpy2"), nullptr);
  EXPECT_EQ(findRuleByCheckedName(""), nullptr);
}

TEST(RulesTest, IssueTwoFunctionsAreCovered) {
  for (const char *name : {"memcpy", "memmove", "mempcpy", "memset", "bcopy", "bzero",
                           "explicit_bzero", "strcpy", "stpcpy", "strncpy", "stpncpy",
                           "strcat", "strncat", "strlcpy", "strlcat"})
    EXPECT_NE(findRule(name), nullptr) << name;
}

TEST(RulesTest, SubobjectSizesOnlyFromLevelTwoForStringFunctions) {
  const Rule &strcpyRule = *findRule("strcpy");
  const Rule &memcpyRule = *findRule("memcpy");
  EXPECT_EQ(objectSizeType(strcpyRule, 1), 0);
  EXPECT_EQ(objectSizeType(strcpyRule, 2), 1);
  EXPECT_EQ(objectSizeType(strcpyRule, 3), 1);
  for (int level : {1, 2, 3})
    EXPECT_EQ(objectSizeType(memcpyRule, level), 0);
}

TEST(RulesTest, OnlyStringKindsMeasureStrings) {
  EXPECT_FALSE(kindNeedsStringLength(CheckKind::CopyLength));
  EXPECT_TRUE(kindNeedsStringLength(CheckKind::CopyString));
  EXPECT_TRUE(kindNeedsStringLength(CheckKind::AppendString));
  EXPECT_TRUE(kindNeedsStringLength(CheckKind::AppendBounded));
}

// memchr-class reads stop at a match (C11 7.24.5.1p2): only those rules may
// say so, and memrchr, which scans from the end, must not.
TEST(RulesTest, OnlyForwardScansStopAtAMatch) {
  EXPECT_EQ(findRule("memchr")->read, ReadKind::LengthUntilMatch);
  EXPECT_EQ(findRule("__builtin_memchr")->read, ReadKind::LengthUntilMatch);
  EXPECT_EQ(findRule("wmemchr")->read, ReadKind::LengthUntilMatch);
  EXPECT_EQ(findRule("wmemchr")->elementSize, 4u);
  EXPECT_EQ(findRule("memrchr")->read, ReadKind::Length);
  EXPECT_EQ(findRule("memcpy")->read, ReadKind::Length);
}

// swab(src, dest, n) moves max(n, 0) & ~1 bytes (POSIX; glibc and musl
// leave an odd last byte alone): written to dest and read from src, whole
// objects, counted as pairs only by this rule.
TEST(RulesTest, SwabMovesWholePairs) {
  const Rule *swab = findRule("swab");
  ASSERT_NE(swab, nullptr);
  EXPECT_EQ(swab->kind, CheckKind::CopyLength);
  EXPECT_EQ(swab->dest, 1);
  EXPECT_EQ(swab->length, 2);
  EXPECT_EQ(swab->lengthForm, LengthForm::WholePairs);
  EXPECT_EQ(swab->read, ReadKind::Length);
  EXPECT_EQ(swab->readArg, 0);
  EXPECT_EQ(swab->signature, "v:ppz");
  EXPECT_EQ(swab->objectSize, ObjectSize::WholeObject);
  EXPECT_TRUE(swab->glibcChecked.empty());  // fortify-headers checks it, glibc does not
  for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule)
    if (rule != swab)
      EXPECT_EQ(rule->lengthForm, LengthForm::Plain) << rule->name;
}

}  // namespace
}  // namespace fortify
