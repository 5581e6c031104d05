// common/counters.cpp: the counters both plugins print (LLVM statistics,
// the stats option, GCC's dump files) and the trace lines.
#include "counters.h"
#include "sites.h"

#include <gtest/gtest.h>

#include <set>

namespace fortify {
namespace {

size_t row(Problem problem, const char *function) {
  return Counters::rowOf(problem, *findRule(function));
}

TEST(CountersTest, RowsByKind) {
  EXPECT_EQ(Counters::rowName(row(Problem::Overflow, "memcpy")), "copy-length");
  EXPECT_EQ(Counters::rowName(row(Problem::OverRead, "memcpy")), "read-length");
  EXPECT_EQ(Counters::rowName(row(Problem::OverRead, "strlen")), "read-string-result");
  EXPECT_EQ(Counters::rowName(row(Problem::OverRead, "memchr")), "read-until-match");
  EXPECT_EQ(Counters::rowName(row(Problem::FormatN, "printf")), "format");
  EXPECT_EQ(Counters::rowName(row(Problem::OpenWithoutMode, "open")), "open-mode");
  EXPECT_EQ(Counters::rowName(row(Problem::Overflow, "gets")), "unbounded");
  // Every row has its own name, so every counter has its own statistic.
  std::set<std::string> names;
  for (size_t i = 0; i < Counters::kRows; ++i)
    EXPECT_TRUE(names.insert(Counters::counterName(i, Measure::Seen)).second)
        << Counters::rowName(i);
  EXPECT_EQ(Counters::counterName(row(Problem::OverRead, "memchr"), Measure::Folded),
            "ReadUntilMatchSitesFolded");
  EXPECT_EQ(Counters::counterDescription(row(Problem::Overflow, "memcpy"), Measure::Checked),
            "copy-length checks emitted");
}

TEST(CountersTest, CountsDecisions) {
  CallDecision memcpy;
  memcpy.rule = findRule("memcpy");
  memcpy.record(Problem::Overflow, Instrumented::Check);
  memcpy.record(Problem::Overflow, Instrumented::Check);  // a second failure path
  memcpy.record(Problem::OverRead, Instrumented::None);
  EXPECT_EQ(memcpy.records.size(), 2u);
  CallDecision wrapper;
  wrapper.rule = findRule("memcpy");
  wrapper.route = Route::LibcWrapper;
  wrapper.record(Problem::Overflow, Instrumented::LibcCheck);
  CallDecision notLibc;  // no site: not counted
  notLibc.rule = findRule("memcpy");
  notLibc.route = Route::NotLibc;
  CallDecision structCopy;  // no site either
  structCopy.rule = findRule("memcpy");
  structCopy.route = Route::CompilerCopy;

  Counters counters;
  for (const CallDecision *decision : {&memcpy, &wrapper, &notLibc, &structCopy})
    counters.count(*decision);
  EXPECT_EQ(counters.get(row(Problem::Overflow, "memcpy"), Measure::Seen), 2u);
  EXPECT_EQ(counters.get(row(Problem::Overflow, "memcpy"), Measure::Checked), 1u);
  EXPECT_EQ(counters.get(row(Problem::OverRead, "memcpy"), Measure::Seen), 1u);
  EXPECT_EQ(counters.get(row(Problem::OverRead, "memcpy"), Measure::Checked), 0u);
}

TEST(CountersTest, DecisionScopesCollectRecords) {
  DecisionScope::noteRecord(Problem::Overflow, Instrumented::Check);  // none: ignored
  DecisionScope outer(*findRule("memcpy"), Route::Direct);
  DecisionScope::noteRecord(Problem::Overflow, Instrumented::Check);
  {
    DecisionScope inner(*findRule("strlen"), Route::LibcWrapper);
    DecisionScope::noteRecord(Problem::OverRead, Instrumented::Libc);
    ASSERT_EQ(inner.decision().records.size(), 1u);
    EXPECT_EQ(inner.decision().records[0].second, Instrumented::Libc);
    EXPECT_EQ(inner.decision().route, Route::LibcWrapper);
  }
  DecisionScope::noteRecord(Problem::OverRead, Instrumented::None);
  ASSERT_EQ(outer.decision().records.size(), 2u);
  EXPECT_EQ(outer.decision().records[1].first, Problem::OverRead);
  EXPECT_EQ(outer.decision().rule, findRule("memcpy"));
}

TEST(CountersTest, CountsSitesByStatus) {
  SiteTable table;
  table.add(makeSite(Problem::Overflow, "memcpy", "x.c", 1, 1, "f")).record(Instrumented::Check);
  SiteFacts &kept = table.add(makeSite(Problem::Overflow, "memcpy", "x.c", 2, 1, "f"));
  kept.record(Instrumented::Check);
  kept.observeCheck(SiteStatus::Checked);
  table.add(makeSite(Problem::OverRead, "strlen", "x.c", 3, 1, "f")).record(Instrumented::None);
  SiteFacts &open = table.add(makeSite(Problem::OpenWithoutMode, "open", "x.c", 4, 1, "f"));
  open.record(Instrumented::Overflow);
  table.add(makeSite(Problem::FormatN, "printf", "x.c", 5, 1, "f")).record(Instrumented::Safe);

  Counters counters;
  counters.count(table);
  EXPECT_EQ(counters.get(row(Problem::Overflow, "memcpy"), Measure::Folded), 1u);
  EXPECT_EQ(counters.get(row(Problem::Overflow, "memcpy"), Measure::Kept), 1u);
  EXPECT_EQ(counters.get(row(Problem::OverRead, "strlen"), Measure::Unknown), 1u);
  EXPECT_EQ(counters.get(row(Problem::OpenWithoutMode, "open"), Measure::Overflow), 1u);
  EXPECT_EQ(counters.get(row(Problem::FormatN, "printf"), Measure::Folded), 1u);
  // Seen and Checked are the instrumentation's.
  EXPECT_EQ(counters.get(row(Problem::Overflow, "memcpy"), Measure::Seen), 0u);

  Counters total;
  EXPECT_TRUE(total.empty());
  total += counters;
  total += counters;
  EXPECT_FALSE(total.empty());
  EXPECT_EQ(total.get(row(Problem::Overflow, "memcpy"), Measure::Kept), 2u);
}

TEST(CountersTest, FormatsAsLlvmStats) {
  EXPECT_EQ(formatCounters(Counters()), "");
  Counters counters;
  counters.add(row(Problem::Overflow, "memcpy"), Measure::Seen, 12);
  counters.add(row(Problem::Overflow, "memcpy"), Measure::Checked, 3);
  counters.add(row(Problem::FormatN, "printf"), Measure::Kept, 1);
  const std::string rule = "===" + std::string(73, '-') + "===\n";
  // Sorted by name as LLVM sorts its statistics, values aligned.
  EXPECT_EQ(formatCounters(counters),
            rule + "                          ... Statistics Collected ...\n" + rule + "\n" +
                "12 fortify - copy-length calls seen\n"
                " 3 fortify - copy-length checks emitted\n"
                " 1 fortify - format sites checked at run time\n"
                "\n");
  std::vector<Counters::Counter> list = counters.nonZero();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].name, "CopyLengthCalls");
  EXPECT_EQ(list[0].value, 12u);
  EXPECT_EQ(list[2].name, "FormatSitesKept");
}

TEST(CountersTest, TraceLines) {
  CallDecision decision;
  decision.rule = findRule("memcpy");
  decision.record(Problem::Overflow, Instrumented::Check);
  decision.record(Problem::OverRead, Instrumented::Check);
  SiteDescriptor where = makeSite(Problem::Overflow, "memcpy", "x.c", 12, 5, "main");
  EXPECT_EQ(traceCall(decision, where),
            "memcpy at x.c:12:5 in main (copy-length, read-length): direct: write=check, read=check");

  CallDecision ignored;
  ignored.rule = findRule("strcpy");
  ignored.route = Route::NotLibc;
  EXPECT_EQ(traceCall(ignored, makeSite(Problem::Overflow, "strcpy", "y.c", 0, 0, "")),
            "strcpy at y.c (copy-string): not-libc: no site");

  SiteFacts site;
  site.descriptor = where;
  site.record(Instrumented::Check);
  site.observeCheck(SiteStatus::Checked);
  EXPECT_EQ(traceSite(site), "write memcpy at x.c:12:5 in main: checked by plugin");
  site.observeCheck(SiteStatus::Unknown);
  EXPECT_EQ(traceSite(site), "write memcpy at x.c:12:5 in main: unknown");
}

TEST(CountersTest, RecordsSetTheSiteFacts) {
  for (Instrumented what : {Instrumented::Check, Instrumented::Libc, Instrumented::LibcCheck,
                            Instrumented::Safe, Instrumented::Overflow, Instrumented::None}) {
    Instrumented parsed;
    ASSERT_TRUE(parseInstrumented(instrumentedName(what), parsed));
    EXPECT_EQ(parsed, what);
  }
  Instrumented parsed;
  EXPECT_FALSE(parseInstrumented("checked", parsed));
  SiteFacts facts;
  facts.record(Instrumented::Libc);
  EXPECT_TRUE(facts.libcUnobservable);
  facts.record(Instrumented::None);
  EXPECT_TRUE(facts.noCheck);
  EXPECT_EQ(facts.status(), SiteStatus::Unknown);
}

}  // namespace
}  // namespace fortify
