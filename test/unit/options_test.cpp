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
  EXPECT_EQ(error, "fortify: invalid option 'mode=Trap': mode must be trap, abort or report");
  EXPECT_EQ(options.level, 3);
  EXPECT_EQ(options.mode, FailureMode::Trap);
  EXPECT_FALSE(applyOption(options, "reads", true, "yes", error));
  EXPECT_EQ(error, "fortify: invalid option 'reads=yes': reads must be on or off");
}

TEST(OptionsTest, RejectsUnknownOptions) {
  Options options;
  std::string error;
  EXPECT_FALSE(applyOption(options, "levle", true, "2", error));
  EXPECT_EQ(error, "fortify: unknown option 'levle=2'; valid options: level=1|2|3, mode=trap|abort|report, reads=on|off, werror, report=PATH");
}

}  // namespace
}  // namespace fortify
