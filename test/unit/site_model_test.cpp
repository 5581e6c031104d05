// common/site-model.cpp: the status, the fortifier and the unit summary both
// plugins report, from the facts each reads off its IR.
#include "counters.h"
#include "site-model.h"
#include "sites.h"

#include <gtest/gtest.h>

namespace fortify {
namespace {

SiteFacts site(Problem problem = Problem::Overflow) {
  SiteFacts facts;
  facts.descriptor = makeSite(problem, "memcpy", "x.c", 1, 2, "f");
  return facts;
}

TEST(SiteModelTest, PluginCheck) {
  SiteFacts folded = site();
  folded.pluginCheck = true;  // every copy folded away
  EXPECT_EQ(folded.status(), SiteStatus::Safe);
  EXPECT_EQ(folded.knownBy(), Fortifier::Plugin);

  SiteFacts copies = site();
  copies.pluginCheck = true;
  copies.observeCheck(SiteStatus::Checked);
  copies.observeCheck(SiteStatus::Safe);
  EXPECT_EQ(copies.status(), SiteStatus::Checked);
  copies.observeCheck(SiteStatus::Unknown);  // one copy lost its size
  EXPECT_EQ(copies.status(), SiteStatus::Unknown);
  EXPECT_EQ(copies.knownBy(), Fortifier::None);
  copies.observeCheck(SiteStatus::Overflow);
  EXPECT_EQ(copies.status(), SiteStatus::Overflow);
}

TEST(SiteModelTest, DecidedAtInstrumentation) {
  SiteFacts none = site();
  none.noCheck = true;
  EXPECT_EQ(none.status(), SiteStatus::Unknown);
  EXPECT_EQ(none.knownBy(), Fortifier::None);

  SiteFacts literal = site(Problem::FormatN);
  literal.provenSafe = true;
  EXPECT_EQ(literal.status(), SiteStatus::Safe);
  EXPECT_EQ(literal.knownBy(), Fortifier::Plugin);

  // open(path, O_CREAT) with constant flags: overflow on both compilers.
  SiteFacts open = site(Problem::OpenWithoutMode);
  open.provenOverflow = true;
  EXPECT_EQ(open.status(), SiteStatus::Overflow);
  EXPECT_EQ(open.knownBy(), Fortifier::Plugin);

  // Calls of one macro expansion share a descriptor: the least protected.
  SiteFacts mixed = site();
  mixed.pluginCheck = true;
  mixed.noCheck = true;
  EXPECT_EQ(mixed.status(), SiteStatus::Unknown);
}

TEST(SiteModelTest, LibraryCheck) {
  // Folded before its sizes could be seen: both were known.
  SiteFacts folded = site();
  folded.libcCheck = true;
  EXPECT_EQ(folded.status(), SiteStatus::Safe);
  EXPECT_EQ(folded.knownBy(), Fortifier::Both);
  // printf's %n beside glibc level 2: a check without sizes, glibc's alone.
  SiteFacts format = site(Problem::FormatN);
  format.libcCheck = true;
  format.observeLibcCheckSurvives();
  EXPECT_EQ(format.status(), SiteStatus::Checked);
  EXPECT_EQ(format.knownBy(), Fortifier::Libc);

  SiteFacts tightened = site();
  tightened.libcCheck = true;
  tightened.observeLibcSizes(Fortifier::Plugin);  // only the plugin knew
  tightened.observeLibcCheckSurvives();
  EXPECT_EQ(tightened.status(), SiteStatus::Checked);
  EXPECT_EQ(tightened.knownBy(), Fortifier::Plugin);

  SiteFacts copies = site();
  copies.libcCheck = true;
  copies.observeLibcSizes(Fortifier::Both);
  copies.observeLibcSizes(Fortifier::Libc);  // known to glibc in every copy
  EXPECT_EQ(copies.knownBy(), Fortifier::Libc);
  copies.observeLibcSizes(Fortifier::None);  // one copy knew nothing
  EXPECT_EQ(copies.status(), SiteStatus::Unknown);
  EXPECT_EQ(copies.knownBy(), Fortifier::None);

  SiteFacts minusOne = site();
  minusOne.libcCheck = true;
  minusOne.observeLibcCheckSurvives(/*sizeKnown=*/false);
  EXPECT_EQ(minusOne.status(), SiteStatus::Unknown);

  SiteFacts proven = site();
  proven.libcCheck = true;
  proven.observeLibcOverflow();
  EXPECT_EQ(proven.status(), SiteStatus::Overflow);

  SiteFacts opaque = site();
  opaque.libcUnobservable = true;
  EXPECT_EQ(opaque.status(), SiteStatus::Checked);
  EXPECT_EQ(opaque.knownBy(), Fortifier::Libc);
}

MarkerFacts marker(Problem problem, bool guarded, bool elsewhere) {
  MarkerFacts facts;
  facts.problem = problem;
  facts.guardedByItsCheck = [guarded] { return guarded; };
  facts.callSurvivesElsewhere = [elsewhere] { return elsewhere; };
  return facts;
}

TEST(SiteModelTest, MarkerStatus) {
  MarkerFacts unknown = marker(Problem::Overflow, true, false);
  unknown.sizeUnknown = true;
  EXPECT_EQ(markerStatus(unknown), SiteStatus::Unknown);
  EXPECT_EQ(markerStatus(marker(Problem::Overflow, true, false)), SiteStatus::Checked);
  EXPECT_EQ(markerStatus(marker(Problem::Overflow, false, true)), SiteStatus::Checked);

  MarkerFacts folded = marker(Problem::Overflow, false, false);
  EXPECT_EQ(markerStatus(folded), SiteStatus::Checked);  // sizes not constant
  folded.needed = 8;
  folded.available = 8;
  EXPECT_EQ(markerStatus(folded), SiteStatus::Checked);  // fits exactly
  folded.needed = 9;
  EXPECT_EQ(markerStatus(folded), SiteStatus::Overflow);
  folded.sharedBySeveralSites = true;
  EXPECT_EQ(markerStatus(folded), SiteStatus::Checked);

  EXPECT_EQ(markerStatus(marker(Problem::FormatN, false, false)), SiteStatus::Overflow);
  EXPECT_EQ(markerStatus(marker(Problem::OpenWithoutMode, true, false)), SiteStatus::Checked);
}

TEST(SiteModelTest, TableAndSummary) {
  SiteTable table;
  SiteFacts &a = table.add(makeSite(Problem::Overflow, "strcpy", "b.c", 3, 1, "g"));
  a.noCheck = true;
  SiteFacts &b = table.add(makeSite(Problem::OverRead, "strlen", "a.c", 1, 1, "f"));
  b.pluginCheck = true;
  const std::string encoded = encodeSite(makeSite(Problem::FormatN, "printf", "a.c", 2, 1, "f"));
  EXPECT_EQ(table.find(encoded), nullptr);
  ASSERT_NE(table.findOrDecode(encoded), nullptr);
  EXPECT_EQ(table.find(encoded), table.findOrDecode(encoded));
  table.find(encoded)->provenSafe = true;
  EXPECT_EQ(table.findOrDecode("not a descriptor"), nullptr);
  EXPECT_EQ(&table.add(a.descriptor), &a);

  Options options;
  options.level = 2;
  UnitSummary summary = summarizeUnit(table, "gcc 12.2.0", "a.c", options, 3);
  ASSERT_EQ(summary.records.size(), 3u);
  for (const CoverageRecord &record : summary.records) {
    EXPECT_EQ(record.compiler, "gcc 12.2.0");
    EXPECT_EQ(record.level, 2);
    EXPECT_EQ(record.libcLevel, 3);
  }
  // In source order.
  EXPECT_EQ(summary.records[0].site.function, "strlen");
  EXPECT_EQ(summary.records[1].site.function, "printf");
  EXPECT_EQ(summary.records[2].site.function, "strcpy");
  EXPECT_EQ(summary.records[2].status, SiteStatus::Unknown);
  // The note counts the headline: glibc's size checks (strcpy's write), not
  // the over-read nor the format.
  EXPECT_EQ(summary.counts.sites(), 1u);
  EXPECT_EQ(summary.counts.unknown, 1u);
  EXPECT_EQ(summary.counts.safe, 0u);
}

// memcpy(buf, p->a, 500); memset(p->a, 0, 500): the optimiser merges the two
// identical size queries and drops memset's dominated check as redundant.
// Only the read check is seen (unknown); the vanished write check is unknown
// too, not safe. A group with no unknown copy leaves a vanished check safe.
TEST(SiteModelTest, SharedSizeQueries) {
  SiteTable table;
  SiteFacts &read = table.add(makeSite(Problem::OverRead, "memcpy", "a.c", 4, 3, "clear"));
  SiteFacts &write = table.add(makeSite(Problem::Overflow, "memset", "a.c", 5, 3, "clear"));
  SiteFacts &other = table.add(makeSite(Problem::Overflow, "memset", "a.c", 9, 3, "zero"));
  SiteFacts &fits = table.add(makeSite(Problem::Overflow, "memset", "a.c", 10, 3, "zero"));
  SiteFacts &alone = table.add(makeSite(Problem::Overflow, "memset", "a.c", 12, 3, "zero"));
  for (SiteFacts *facts : {&read, &write, &other, &fits, &alone})
    facts->pluginCheck = true;
  read.observeCheck(SiteStatus::Unknown);
  read.noteUnknownReason(UnknownReason::Parameter);
  table.shareSizeQuery(read, write);
  table.shareSizeQuery(other, fits);
  EXPECT_TRUE(write.checkFoldedAway());
  EXPECT_TRUE(read.checkSeenUnknown());
  EXPECT_EQ(write.status(), SiteStatus::Safe);  // alone, the facts say safe

  table.settleSharedQueries();
  EXPECT_EQ(write.status(), SiteStatus::Unknown);  // what trace and stats say too
  EXPECT_EQ(write.knownBy(), Fortifier::None);
  EXPECT_EQ(traceSite(write), "write memset at a.c:5:3 in clear: unknown");
  UnitSummary summary = summarizeUnit(table, "gcc 12.2.0", "a.c", Options(), 0);
  ASSERT_EQ(summary.records.size(), 5u);
  EXPECT_EQ(summary.records[0].status, SiteStatus::Unknown);
  EXPECT_EQ(summary.records[1].status, SiteStatus::Unknown);
  EXPECT_EQ(summary.records[1].by, Fortifier::None);
  EXPECT_EQ(summary.records[1].why, UnknownReason::Parameter);
  EXPECT_EQ(summary.records[2].status, SiteStatus::Safe);
  EXPECT_EQ(summary.records[3].status, SiteStatus::Safe);
  EXPECT_EQ(summary.records[4].status, SiteStatus::Safe);
  EXPECT_EQ(summary.counts.unknown, 1u);  // the headline: memset's write only

  // Merging two groups joins every member.
  table.shareSizeQuery(write, other);
  EXPECT_EQ(read.sizeQueryGroup, fits.sizeQueryGroup);
  table.settleSharedQueries();
  table.settleSharedQueries();  // again: nothing changes
  EXPECT_EQ(other.unknownReason(), UnknownReason::Parameter);
  summary = summarizeUnit(table, "gcc 12.2.0", "a.c", Options(), 0);
  EXPECT_EQ(summary.records[2].status, SiteStatus::Unknown);
  EXPECT_EQ(summary.records[4].status, SiteStatus::Safe);
}

TEST(SiteModelTest, CheckGroups) {
  // Red Hat's headline: the size checks of the functions glibc fortifies.
  EXPECT_EQ(checkGroup(Problem::Overflow, "memcpy"), CheckGroup::Headline);
  EXPECT_EQ(checkGroup(Problem::Overflow, "bzero"), CheckGroup::Headline);  // through __memset_chk
  EXPECT_EQ(checkGroup(Problem::Overflow, "swab"), CheckGroup::OtherWrite);  // glibc does not fortify it
  EXPECT_EQ(checkGroup(Problem::Overflow, "no_such_function"), CheckGroup::OtherWrite);
  EXPECT_EQ(checkGroup(Problem::OverRead, "memcpy"), CheckGroup::Read);
  EXPECT_EQ(checkGroup(Problem::FormatN, "printf"), CheckGroup::Format);
  EXPECT_EQ(checkGroup(Problem::OpenWithoutMode, "open"), CheckGroup::Open);
  EXPECT_TRUE(isHeadlineSite(makeSite(Problem::Overflow, "strcpy", "a.c", 1, 1, "f")));
  EXPECT_FALSE(isHeadlineSite(makeSite(Problem::FormatN, "sprintf", "a.c", 1, 1, "f")));
  for (CheckGroup group : kAllCheckGroups) {
    EXPECT_FALSE(checkGroupName(group).empty());
    EXPECT_FALSE(checkGroupKey(group).empty());
  }
  EXPECT_EQ(checkGroupKey(CheckGroup::Headline), "headline");
  EXPECT_EQ(checkGroupName(CheckGroup::Headline), "glibc's size checks");
}

TEST(SiteModelTest, SkippedCallResult) {
  EXPECT_EQ(skippedCallResult(*findRule("memcpy"), ResultType::Pointer, true),
            SkippedResult::Destination);
  EXPECT_EQ(skippedCallResult(*findRule("memcpy"), ResultType::Pointer, false),
            SkippedResult::Null);
  EXPECT_EQ(skippedCallResult(*findRule("fgets"), ResultType::Pointer, true), SkippedResult::Null);
  EXPECT_EQ(skippedCallResult(*findRule("memchr"), ResultType::Pointer, true),
            SkippedResult::Null);  // writes nothing
  EXPECT_EQ(skippedCallResult(*findRule("read"), ResultType::SignedInteger, true),
            SkippedResult::MinusOne);
  EXPECT_EQ(skippedCallResult(*findRule("fread"), ResultType::UnsignedInteger, true),
            SkippedResult::Zero);
}

TEST(SiteModelTest, RulePredicates) {
  EXPECT_EQ(characters(*findRule("wcscpy")), Characters::Wide);
  EXPECT_EQ(characters(*findRule("strcpy")), Characters::Narrow);
  EXPECT_EQ(characters(*findRule("strchr")), Characters::Narrow);
  // Counted elements are not characters.
  EXPECT_EQ(characters(*findRule("getgroups")), Characters::None);
  EXPECT_EQ(characters(*findRule("poll")), Characters::None);
  EXPECT_EQ(characters(*findRule("wmemcpy")), Characters::None);
  EXPECT_TRUE(checksWrite(*findRule("sprintf")));
  EXPECT_FALSE(checksWrite(*findRule("printf")));
  EXPECT_FALSE(checksWrite(*findRule("open")));
  EXPECT_TRUE(readsSourceString(*findRule("strncat")));
  EXPECT_FALSE(readsSourceString(*findRule("memcpy")));
  Options options;
  EXPECT_TRUE(checksRead(*findRule("memcpy"), options));
  options.reads = false;
  EXPECT_FALSE(checksRead(*findRule("memcpy"), options));
  EXPECT_FALSE(hasAnyCheck(*findRule("strlen"), options));
  EXPECT_TRUE(hasAnyCheck(*findRule("gets"), options));
  options.level = 1;
  EXPECT_FALSE(hasAnyCheck(*findRule("printf"), options));
  EXPECT_FALSE(readCheckNeedsKnownSize(*findRule("memchr")));
  EXPECT_TRUE(readCheckNeedsKnownSize(*findRule("wmemchr")));
  EXPECT_TRUE(readCheckNeedsKnownSize(*findRule("strchr")));
  EXPECT_TRUE(readCheckNeedsKnownSize(*findRule("fwrite")));
  EXPECT_FALSE(readCheckNeedsKnownSize(*findRule("write")));
  EXPECT_FALSE(readCheckNeedsKnownSize(*findRule("strlen")));
}

}  // namespace
}  // namespace fortify
