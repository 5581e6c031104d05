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
    EXPECT_GE(rule->dest, 0);
    EXPECT_LT(rule->dest, rule->arity);
    for (int index : {rule->source, rule->length}) {
      EXPECT_GE(index, kNoArg);
      EXPECT_LT(index, rule->arity);
    }
    EXPECT_NE(rule->dest, rule->source);
    EXPECT_NE(rule->dest, rule->length);
    if (rule->source != kNoArg)
      EXPECT_NE(rule->source, rule->length);
  }
}

TEST(RulesTest, EachKindHasTheArgumentsItReads) {
  for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule) {
    SCOPED_TRACE(std::string(rule->name));
    EXPECT_GE(rule->elementSize, 1u);
    switch (rule->kind) {
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

}  // namespace
}  // namespace fortify
