// common/unknown-reason.cpp, and the reason the site model gives a record of
// status unknown (common/site-model.cpp, common/report.cpp's "why").
#include "site-model.h"
#include "sites.h"
#include "unknown-reason.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace fortify {
namespace {

TEST(UnknownReasonTest, NamesRoundTrip) {
  std::set<std::string_view> names;
  for (UnknownReason reason : kAllUnknownReasons) {
    std::string_view name = unknownReasonName(reason);
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_FALSE(unknownReasonMeaning(reason).empty()) << name;
    UnknownReason parsed = UnknownReason::Other;
    ASSERT_TRUE(parseUnknownReason(name, parsed)) << name;
    EXPECT_EQ(parsed, reason);
  }
  EXPECT_EQ(names.size(), kUnknownReasonCount);
  EXPECT_EQ(unknownReasonName(UnknownReason::CallResult), "call-result");
  EXPECT_EQ(unknownReasonName(UnknownReason::NotChecked), "not-checked");
}

TEST(UnknownReasonTest, ParseRejects) {
  UnknownReason reason = UnknownReason::Loaded;
  for (std::string_view bad : {"", "Parameter", "call_result", "param", "parameter "})
    EXPECT_FALSE(parseUnknownReason(bad, reason)) << bad;
  EXPECT_EQ(reason, UnknownReason::Loaded);
}

TEST(UnknownReasonTest, ChooseBetween) {
  EXPECT_EQ(chooseBetween(UnknownReason::Parameter, UnknownReason::Parameter),
            UnknownReason::Parameter);
  EXPECT_EQ(chooseBetween(UnknownReason::Parameter, UnknownReason::Loaded),
            UnknownReason::Chosen);
  // A sized object among the operands does not count.
  PointerRoot parameter = PointerRoot::because(UnknownReason::Parameter);
  PointerRoot sized = PointerRoot::sizedObject();
  EXPECT_EQ(chooseBetween(sized, parameter).unknownReason(), UnknownReason::Parameter);
  EXPECT_EQ(chooseBetween(parameter, sized).unknownReason(), UnknownReason::Parameter);
  EXPECT_EQ(chooseBetween(parameter, PointerRoot::because(UnknownReason::Loaded)).unknownReason(),
            UnknownReason::Chosen);
  // Only sized objects: the offset was lost on the way.
  EXPECT_EQ(chooseBetween(sized, sized).unknownReason(), UnknownReason::Offset);
}

SiteFacts site() {
  SiteFacts facts;
  facts.descriptor = makeSite(Problem::Overflow, "memcpy", "x.c", 1, 2, "f");
  return facts;
}

TEST(UnknownReasonTest, SiteReason) {
  // Not unknown: no reason, whatever was noted of a copy.
  SiteFacts checked = site();
  checked.pluginCheck = true;
  checked.observeCheck(SiteStatus::Checked);
  checked.noteUnknownReason(UnknownReason::Parameter);
  EXPECT_FALSE(checked.unknownReason());

  // The most common reason over the copies.
  SiteFacts copies = site();
  copies.pluginCheck = true;
  copies.observeCheck(SiteStatus::Unknown);
  copies.noteUnknownReason(UnknownReason::Loaded);
  copies.noteUnknownReason(UnknownReason::Parameter);
  copies.noteUnknownReason(UnknownReason::Loaded);
  EXPECT_EQ(copies.unknownReason(), UnknownReason::Loaded);

  // A tie: the vocabulary's order, whatever the order seen.
  SiteFacts tie = site();
  tie.pluginCheck = true;
  tie.observeCheck(SiteStatus::Unknown);
  tie.noteUnknownReason(UnknownReason::Chosen);
  tie.noteUnknownReason(UnknownReason::CallResult);
  EXPECT_EQ(tie.unknownReason(), UnknownReason::CallResult);

  // No check at all.
  SiteFacts none = site();
  none.noCheck = true;
  EXPECT_EQ(none.unknownReason(), UnknownReason::NotChecked);

  // Unknown, not classified (the C library's check given -1, unseen).
  SiteFacts libc = site();
  libc.libcCheck = true;
  libc.observeLibcCheckSurvives(false);
  EXPECT_EQ(libc.unknownReason(), UnknownReason::Other);
}

TEST(UnknownReasonTest, RecordKey) {
  SiteTable table;
  SiteFacts &unknown = table.add(makeSite(Problem::Overflow, "memcpy", "x.c", 3, 5, "f"));
  unknown.pluginCheck = true;
  unknown.observeCheck(SiteStatus::Unknown);
  unknown.noteUnknownReason(UnknownReason::Parameter);
  SiteFacts &safe = table.add(makeSite(Problem::Overflow, "strcpy", "x.c", 4, 5, "f"));
  safe.pluginCheck = true;
  Options options;
  UnitSummary summary = summarizeUnit(table, "gcc 12.2.0", "x.c", options, 0);
  ASSERT_EQ(summary.records.size(), 2u);
  EXPECT_EQ(summary.records[0].why, UnknownReason::Parameter);
  EXPECT_FALSE(summary.records[1].why);
  // "why" is the last key, only on the unknown record.
  EXPECT_EQ(formatCoverageRecord(summary.records[0]),
            "{\"compiler\":\"gcc 12.2.0\",\"tu\":\"x.c\",\"function\":\"memcpy\",\"file\":\"x.c\","
            "\"line\":3,\"column\":5,\"caller\":\"f\",\"check\":\"write\",\"status\":\"unknown\","
            "\"level\":3,\"by\":\"none\",\"libc_level\":0,\"why\":\"parameter\"}");
  EXPECT_EQ(formatCoverageRecord(summary.records[1]).find("why"), std::string::npos);
}

}  // namespace
}  // namespace fortify
