// common/signature.cpp and the prototypes of the rule table: a call is the C
// library's function only when it matches its prototype.
#include "signature.h"

#include <gtest/gtest.h>

namespace fortify {
namespace {

const DataModel kLp64{32, 64};
const DataModel kIlp32{32, 32};

ValueShape pointer() { return {ValueClass::Pointer, 0}; }
ValueShape integer(unsigned bits) { return {ValueClass::Integer, bits}; }
ValueShape none() { return {ValueClass::Void, 0}; }
ValueShape other() { return {ValueClass::Other, 0}; }

CallShape call(ValueShape result, std::vector<ValueShape> arguments, bool intrinsic = false) {
  CallShape shape;
  shape.result = result;
  shape.arguments = std::move(arguments);
  shape.intrinsic = intrinsic;
  return shape;
}

TEST(SignatureTest, EveryRuleHasAWellFormedPrototype) {
  for (const Rule *rule = rulesBegin(); rule != rulesEnd(); ++rule) {
    const std::string_view signature = rule->signature;
    ASSERT_GE(signature.size(), 2u) << rule->name;
    EXPECT_EQ(signature[1], ':') << rule->name;
    EXPECT_NE(std::string_view("vpizc").find(signature[0]), std::string_view::npos) << rule->name;
    std::string_view parameters = signature.substr(2);
    if (rule->variadic) {
      ASSERT_FALSE(parameters.empty());
      EXPECT_EQ(parameters.back(), '.') << rule->name;
      parameters.remove_suffix(1);
    }
    EXPECT_EQ(int(parameters.size()), rule->arity) << rule->name;
    for (char letter : parameters)
      EXPECT_NE(std::string_view("pizca").find(letter), std::string_view::npos) << rule->name;
    // Every argument a check reads is of the kind the check needs.
    for (int index : {rule->dest, rule->readArg, rule->format,
                      readsSourceString(*rule) ? rule->source : kNoArg})
      if (index != kNoArg)
        EXPECT_EQ(parameters[index], 'p') << rule->name << " argument " << index;
    for (int index : {rule->length, rule->count, rule->flags})
      if (index != kNoArg)
        EXPECT_NE(std::string_view("izc").find(parameters[index]), std::string_view::npos)
            << rule->name << " argument " << index;
  }
}

TEST(SignatureTest, MatchesTheLibraryFunction) {
  const Rule &memcpy = *findRule("memcpy");
  EXPECT_TRUE(matchesSignature(memcpy, call(pointer(), {pointer(), pointer(), integer(64)}), kLp64));
  EXPECT_TRUE(matchesSignature(memcpy, call(pointer(), {pointer(), pointer(), integer(32)}), kIlp32));
  // A program's own memcpy(void *, const void *, int): not the library's.
  EXPECT_FALSE(matchesSignature(memcpy, call(pointer(), {pointer(), pointer(), integer(32)}), kLp64));
  EXPECT_FALSE(matchesSignature(memcpy, call(integer(32), {pointer(), pointer(), integer(64)}), kLp64));
  EXPECT_FALSE(matchesSignature(memcpy, call(pointer(), {pointer(), pointer()}), kLp64));
  EXPECT_FALSE(matchesSignature(memcpy, call(pointer(), {pointer(), pointer(), integer(64), integer(1)}), kLp64));
  EXPECT_FALSE(matchesSignature(memcpy, call(pointer(), {pointer(), other(), integer(64)}), kLp64));
}

TEST(SignatureTest, IntrinsicsAddArgumentsAndReturnNothing) {
  // llvm.memset(ptr, i8, i64, i1): the value is any integer, isvolatile trails.
  const Rule &memset = *findRule("memset");
  EXPECT_TRUE(matchesSignature(
      memset, call(none(), {pointer(), integer(8), integer(64), integer(1)}, true), kLp64));
  EXPECT_FALSE(matchesSignature(
      memset, call(none(), {pointer(), integer(8), integer(64), integer(1)}, false), kLp64));
  EXPECT_FALSE(matchesSignature(memset, call(none(), {pointer(), integer(8)}, true), kLp64));
  const Rule &memcpy = *findRule("memcpy");
  EXPECT_TRUE(matchesSignature(
      memcpy, call(none(), {pointer(), pointer(), integer(32), integer(1)}, true), kLp64));
  EXPECT_FALSE(matchesSignature(
      memcpy, call(none(), {pointer(), other(), integer(32), integer(1)}, true), kLp64));
}

TEST(SignatureTest, VariadicAndVaList) {
  const Rule &open = *findRule("open");
  EXPECT_TRUE(matchesSignature(open, call(integer(32), {pointer(), integer(32)}), kLp64));
  EXPECT_TRUE(matchesSignature(open, call(integer(32), {pointer(), integer(32), integer(32)}), kLp64));
  EXPECT_FALSE(matchesSignature(open, call(integer(32), {pointer()}), kLp64));
  EXPECT_FALSE(matchesSignature(open, call(integer(32), {pointer(), integer(64)}), kLp64));
  // va_list is a pointer on x86-64 and a structure on aarch64.
  const Rule &vsprintf = *findRule("vsprintf");
  EXPECT_TRUE(matchesSignature(vsprintf, call(integer(32), {pointer(), pointer(), pointer()}), kLp64));
  EXPECT_TRUE(matchesSignature(vsprintf, call(integer(32), {pointer(), pointer(), other()}), kLp64));
  // An unprototyped `int strlen();` returns int: not the library's.
  EXPECT_FALSE(matchesSignature(*findRule("strlen"), call(integer(32), {pointer()}), kLp64));
  EXPECT_TRUE(matchesSignature(*findRule("bzero"), call(none(), {pointer(), integer(64)}), kLp64));
}

}  // namespace
}  // namespace fortify
