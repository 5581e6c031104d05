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

// O_CREAT | __O_TMPFILE per Linux architecture, from the kernel's
// arch/*/include/uapi/asm/fcntl.h and include/uapi/asm-generic/fcntl.h.
TEST(RulesTest, OpenFlagsNeedingModeAreTheTargets) {
  EXPECT_EQ(openFlagsNeedingMode("x86_64-linux-gnu"), 0100u | 020000000u);
  EXPECT_EQ(openFlagsNeedingMode("aarch64-linux-gnu"), 0100u | 020000000u);
  EXPECT_EQ(openFlagsNeedingMode("aarch64-unknown-linux-musl"), 0100u | 020000000u);
  EXPECT_EQ(openFlagsNeedingMode("arm-linux-gnueabihf"), 0100u | 020000000u);
  EXPECT_EQ(openFlagsNeedingMode("powerpc64le-linux-gnu"), 0100u | 020000000u);
  EXPECT_EQ(openFlagsNeedingMode("riscv64-linux-gnu"), 0100u | 020000000u);
  EXPECT_EQ(openFlagsNeedingMode("alpha-linux-gnu"), 01000u | 0100000000u);
  EXPECT_EQ(openFlagsNeedingMode("hppa-linux-gnu"), 0400u | 040000000u);
  EXPECT_EQ(openFlagsNeedingMode("mips64el-linux-gnuabi64"), 0400u | 020000000u);
  EXPECT_EQ(openFlagsNeedingMode("sparc64-linux-gnu"), 01000u | 0200000000u);
  EXPECT_EQ(openFlagsNeedingMode(""), kOpenFlagsNeedingMode);
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

// mode=chk: glibc's argument layouts, from the table (glibc 2.36's
// <bits/*_chk.h>): the size where glibc passes it, the flag before the
// printf family's format, the call's own arguments in order around them.
std::string layoutOf(const char *name, int callArguments) {
  std::string text;
  for (const ChkArgument &item : chkArguments(*findRule(name), callArguments))
    text += item.kind == ChkArgumentKind::Size   ? "S"
            : item.kind == ChkArgumentKind::Flag ? "F"
                                                 : std::to_string(item.index);
  return text;
}

TEST(RulesTest, ChkLayoutsAreGlibcs) {
  EXPECT_EQ(layoutOf("memcpy", 3), "012S");
  EXPECT_EQ(layoutOf("strcpy", 2), "01S");
  EXPECT_EQ(layoutOf("snprintf", 4), "01FS23");     // __snprintf_chk(s, n, flag, slen, fmt, ...)
  EXPECT_EQ(layoutOf("sprintf", 3), "0FS12");       // __sprintf_chk(s, flag, slen, fmt, ...)
  EXPECT_EQ(layoutOf("printf", 1), "F0");           // __printf_chk(flag, fmt)
  EXPECT_EQ(layoutOf("fprintf", 3), "0F12");
  EXPECT_EQ(layoutOf("fgets", 3), "0S12");          // __fgets_chk(buf, size, n, fp)
  EXPECT_EQ(layoutOf("fread", 4), "0S123");         // __fread_chk(ptr, ptrlen, size, n, fp)
  EXPECT_EQ(layoutOf("recv", 4), "012S3");          // __recv_chk(fd, buf, n, buflen, flags)
  EXPECT_EQ(layoutOf("swprintf", 4), "01FS23");
  EXPECT_EQ(layoutOf("open", 2), "01");             // __open_2(path, flags)
  EXPECT_EQ(layoutOf("open", 3), "");               // a mode: plain open
  EXPECT_EQ(layoutOf("gets", 1), "");               // no bound to pass
  EXPECT_EQ(layoutOf("bzero", 2), "");              // no entry point of its own
  EXPECT_TRUE(findRule("wmemcpy")->chkSizeInElements);
  EXPECT_FALSE(findRule("poll")->chkSizeInElements);  // __poll_chk takes bytes
  EXPECT_EQ(chkFormatFlag(1), 0);
  EXPECT_EQ(chkFormatFlag(2), 1);
  EXPECT_EQ(chkFormatFlag(3), 1);
}

TEST(RulesTest, EveryChkLayoutKeepsTheCallsArguments) {
  for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule) {
    if (!hasChkEntry(*rule))
      continue;
    std::vector<ChkArgument> layout = chkArguments(*rule, rule->arity);
    ASSERT_FALSE(layout.empty()) << rule->name;
    int next = 0, sizes = 0, flags = 0;
    for (const ChkArgument &item : layout) {
      if (item.kind == ChkArgumentKind::Original)
        EXPECT_EQ(item.index, next++) << rule->name;
      sizes += item.kind == ChkArgumentKind::Size;
      flags += item.kind == ChkArgumentKind::Flag;
    }
    EXPECT_EQ(next, rule->arity) << rule->name;
    EXPECT_EQ(sizes, chkChecksSize(*rule) ? 1 : 0) << rule->name;
    EXPECT_EQ(flags, chkChecksFormat(*rule) ? 1 : 0) << rule->name;
    // A size only where the plugin checks a write, a flag only with a format.
    if (chkChecksSize(*rule))
      EXPECT_TRUE(checksWrite(*rule)) << rule->name;
    if (chkChecksFormat(*rule))
      EXPECT_TRUE(rule->format != kNoArg || rule->elementSize != 1) << rule->name;
  }
}

}  // namespace
}  // namespace fortify
