#include "options.h"

#include <gtest/gtest.h>

namespace fortify {
namespace {

TEST(OptionsTest, Defaults) {
  Options options;
  EXPECT_EQ(options.level, 3);
  EXPECT_EQ(options.mode, FailureMode::Trap);
  EXPECT_TRUE(usesDynamicSizes(options));
}

TEST(OptionsTest, AcceptsEveryValidValue) {
  Options options;
  std::string error;
  for (const char *level : {"1", "2", "3"}) {
    EXPECT_TRUE(applyOption(options, "level", true, level, error)) << error;
    EXPECT_EQ(options.level, level[0] - '0');
  }
  EXPECT_FALSE(usesDynamicSizes(options) != (options.level == 3));
  EXPECT_TRUE(applyOption(options, "mode", true, "abort", error));
  EXPECT_EQ(options.mode, FailureMode::Abort);
  EXPECT_TRUE(applyOption(options, "mode", true, "trap", error));
  EXPECT_EQ(options.mode, FailureMode::Trap);
  EXPECT_TRUE(applyOption(options, "reads", true, "off", error));
  EXPECT_FALSE(options.reads);
  EXPECT_TRUE(applyOption(options, "reads", true, "on", error));
  EXPECT_TRUE(options.reads);
}

TEST(OptionsTest, ReadsAreCheckedFromLevelTwo) {
  Options options;
  EXPECT_TRUE(checksReads(options));
  options.level = 1;
  EXPECT_FALSE(checksReads(options));
  options.level = 2;
  options.reads = false;
  EXPECT_FALSE(checksReads(options));
}

TEST(OptionsTest, RejectsBadValuesNamingTheValidOnes) {
  Options options;
  std::string error;
  EXPECT_FALSE(applyOption(options, "level", true, "4", error));
  EXPECT_EQ(error, "fortify: invalid option 'level=4': level must be 1, 2 or 3");
  EXPECT_FALSE(applyOption(options, "level", false, "", error));
  EXPECT_EQ(error, "fortify: invalid option 'level': level must be 1, 2 or 3");
  EXPECT_FALSE(applyOption(options, "mode", true, "Trap", error));
  EXPECT_EQ(error, "fortify: invalid option 'mode=Trap': mode must be trap, abort, report or chk");
  EXPECT_EQ(options.level, 3);
  EXPECT_EQ(options.mode, FailureMode::Trap);
  EXPECT_FALSE(applyOption(options, "reads", true, "yes", error));
  EXPECT_EQ(error, "fortify: invalid option 'reads=yes': reads must be on or off");
}

TEST(OptionsTest, RejectsUnknownOptions) {
  Options options;
  std::string error;
  EXPECT_FALSE(applyOption(options, "levle", true, "2", error));
  EXPECT_EQ(error, "fortify: unknown option 'levle=2'; valid options: level=1|2|3, mode=trap|abort|report|chk, reads=on|off, caller-sizes=on|off, werror, report=PATH, stats, trace, size-field=STRUCT.MEMBER:FIELD");
}

TEST(OptionsTest, Switches) {
  Options options;
  std::string error;
  EXPECT_FALSE(options.stats || options.trace || options.werror);
  EXPECT_TRUE(applyOption(options, "stats", false, "", error));
  EXPECT_TRUE(applyOption(options, "trace", true, "on", error));
  EXPECT_TRUE(options.stats && options.trace);
  EXPECT_TRUE(applyOption(options, "stats", true, "off", error));
  EXPECT_FALSE(options.stats);
  EXPECT_FALSE(applyOption(options, "trace", true, "yes", error));
  EXPECT_EQ(error, "fortify: invalid option 'trace=yes': trace takes no value (or on|off)");
}

// What the Clang plugin words as a pass parameter's error.
TEST(OptionsTest, SetOptionGivesTheReason) {
  Options options;
  bool unknown = true;
  std::string reason;
  EXPECT_FALSE(setOption(options, "level", true, "0", unknown, reason));
  EXPECT_FALSE(unknown);
  EXPECT_EQ(reason, "level must be 1, 2 or 3");
  EXPECT_FALSE(setOption(options, "colour", true, "red", unknown, reason));
  EXPECT_TRUE(unknown);
  EXPECT_TRUE(setOption(options, "mode", true, "report", unknown, reason));
  EXPECT_EQ(options.mode, FailureMode::Report);
  EXPECT_EQ(validOptions(), "level=1|2|3, mode=trap|abort|report|chk, reads=on|off, caller-sizes=on|off, werror, report=PATH, stats, trace, size-field=STRUCT.MEMBER:FIELD");
}

// The items a printed pipeline shows read back to the same options.
TEST(OptionsTest, ItemsRoundTrip) {
  Options defaults;
  EXPECT_EQ(optionItems(defaults), (std::vector<std::string>{"level=3", "mode=trap", "reads=on"}));
  Options options;
  options.level = 1;
  options.mode = FailureMode::Abort;
  options.reads = false;
  options.werror = true;
  options.reportPath = "/tmp/r.jsonl";
  options.stats = true;
  options.trace = true;
  std::vector<std::string> items = optionItems(options);
  EXPECT_EQ(items, (std::vector<std::string>{"level=1", "mode=abort", "reads=off", "werror",
                                             "report=/tmp/r.jsonl", "stats", "trace"}));
  Options back;
  std::string error;
  for (const std::string &item : items) {
    size_t equals = item.find('=');
    std::string key = item.substr(0, equals);
    std::string value = equals == std::string::npos ? "" : item.substr(equals + 1);
    ASSERT_TRUE(applyOption(back, key, equals != std::string::npos, value, error)) << error;
  }
  EXPECT_EQ(optionItems(back), items);
}

}  // namespace
}  // namespace fortify
