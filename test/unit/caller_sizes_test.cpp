// common/caller-sizes.cpp: which functions get a copy taking their callers'
// sizes, and the size a check inside the copy uses.
#include "caller-sizes.h"
#include "options.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace fortify {
namespace {

CalleeFacts copyable() {
  CalleeFacts facts;
  facts.localLinkage = true;
  facts.optimised = true;
  facts.unsizedPointerParameters = 1;
  facts.directCalls = 2;
  return facts;
}

TEST(CallerSizesTest, LocalOptimisedFunctionGetsACopy) {
  EXPECT_EQ(callerSizeRefusal(copyable(), true), CallerSizeRefusal::None);
  CalleeFacts addressTaken = copyable();
  addressTaken.addressTaken = true;  // the original stays for indirect calls
  EXPECT_EQ(callerSizeRefusal(addressTaken, true), CallerSizeRefusal::None);
}

TEST(CallerSizesTest, Refusals) {
  EXPECT_EQ(callerSizeRefusal(copyable(), false), CallerSizeRefusal::Disabled);
  CalleeFacts facts = copyable();
  facts.optimised = false;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::NotOptimised);
  facts = copyable();
  facts.optimisedForDebugging = true;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::NotOptimised);
  facts = copyable();
  facts.localLinkage = false;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::VisibleOutside);
  facts = copyable();
  facts.variadic = true;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::Variadic);
  facts = copyable();
  facts.copyable = false;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::NotCopyable);
  EXPECT_EQ(callerSizeRefusalName(CallerSizeRefusal::NotCopyable), "not-copyable");
  facts = copyable();
  facts.unsizedPointerParameters = 0;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::NothingToSize);
  facts = copyable();
  facts.directCalls = 0;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::NoDirectCall);
  facts = copyable();
  facts.unsizedPointerParameters = kMaxCallerSizedParameters;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::None);
  facts.unsizedPointerParameters = kMaxCallerSizedParameters + 1;
  EXPECT_EQ(callerSizeRefusal(facts, true), CallerSizeRefusal::TooManyParameters);
  EXPECT_EQ(callerSizeRefusalName(CallerSizeRefusal::VisibleOutside), "visible-outside");
  EXPECT_EQ(callerSizeRefusalName(CallerSizeRefusal::None), "copied");
}

TEST(CallerSizesTest, CopyName) {
  EXPECT_EQ(callerSizedName("copy_name", 0), "copy_name.sized.0");
  EXPECT_EQ(callerSizedName("_ZL4copyPcPKc", 3), "_ZL4copyPcPKc.sized.3");
}

TEST(CallerSizesTest, SizeLeftOfTheCallersObject) {
  const uint64_t unknown = UINT64_MAX;
  EXPECT_EQ(sizeFromCaller(unknown, 16, 0), 16u);
  EXPECT_EQ(sizeFromCaller(unknown, 16, 4), 12u);
  EXPECT_EQ(sizeFromCaller(unknown, 16, 16), 0u);
  EXPECT_EQ(sizeFromCaller(unknown, 16, 20), 0u);
  EXPECT_EQ(sizeFromCaller(8, 16, 0), 8u);          // the compiler knows better
  EXPECT_EQ(sizeFromCaller(unknown, unknown, 4), unknown);
  EXPECT_EQ(sizeFromCaller(unknown, 16, -1), unknown);  // before the start
  EXPECT_EQ(sizeFromCaller(8, 16, -1), 8u);
}

TEST(CallerSizesTest, Option) {
  Options options;
  EXPECT_TRUE(options.callerSizes);
  std::string error;
  ASSERT_TRUE(applyOption(options, "caller-sizes", true, "off", error));
  EXPECT_FALSE(options.callerSizes);
  EXPECT_FALSE(applyOption(options, "caller-sizes", true, "maybe", error));
  EXPECT_EQ(error, "fortify: invalid option 'caller-sizes=maybe': caller-sizes must be on or off");
}

}  // namespace
}  // namespace fortify
