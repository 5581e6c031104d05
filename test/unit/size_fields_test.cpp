#include "options.h"
#include "size-fields.h"

#include <gtest/gtest.h>

namespace fortify {
namespace {

TEST(SizeFieldsTest, ParsesStructMemberField) {
  SizeField parsed;
  std::string reason;
  ASSERT_TRUE(parseSizeField("buf.data:cap", parsed, reason)) << reason;
  EXPECT_EQ(parsed.record, "buf");
  EXPECT_EQ(parsed.member, "data");
  EXPECT_EQ(parsed.field, "cap");
  EXPECT_EQ(sizeFieldText(parsed), "buf.data:cap");
  ASSERT_TRUE(parseSizeField("_S1.fam_2:n", parsed, reason)) << reason;
  EXPECT_EQ(parsed.record, "_S1");
}

TEST(SizeFieldsTest, RejectsBadTextWithOneLine) {
  SizeField parsed;
  std::string reason;
  const std::string form = "size-field must be STRUCT.MEMBER:FIELD (e.g. buf.data:cap)";
  for (const char *bad : {"", "buf", "buf.data", "buf:cap", "buf:cap.data", ".data:cap", "buf.:cap",
                          "buf.data:"}) {
    EXPECT_FALSE(parseSizeField(bad, parsed, reason)) << bad;
    EXPECT_EQ(reason, form) << bad;
  }
  EXPECT_FALSE(parseSizeField("buf.da-ta:cap", parsed, reason));
  EXPECT_EQ(reason, "size-field: 'da-ta' is not an identifier (must be STRUCT.MEMBER:FIELD (e.g. "
                    "buf.data:cap))");
  EXPECT_FALSE(parseSizeField("buf.data:2cap", parsed, reason));
  EXPECT_EQ(reason.find("size-field: '2cap' is not an identifier"), 0u);
  EXPECT_FALSE(parseSizeField("ns::buf.data:cap", parsed, reason));
  EXPECT_FALSE(parseSizeField("buf.data:data", parsed, reason));
  EXPECT_EQ(reason, "size-field: the size of 'data' must be another member");
  EXPECT_EQ(reason.find('\n'), std::string::npos);
}

TEST(SizeFieldsTest, RepeatedOptionsAddUp) {
  Options options;
  std::string error;
  EXPECT_TRUE(applyOption(options, "size-field", true, "buf.data:cap", error)) << error;
  EXPECT_TRUE(applyOption(options, "size-field", true, "msg.body:len", error)) << error;
  EXPECT_TRUE(applyOption(options, "size-field", true, "buf.data:cap", error)) << error;
  ASSERT_EQ(options.sizeFields.size(), 2u);
  ASSERT_NE(findSizeField(options.sizeFields, "msg", "body"), nullptr);
  EXPECT_EQ(findSizeField(options.sizeFields, "msg", "body")->field, "len");
  EXPECT_EQ(findSizeField(options.sizeFields, "buf", "body"), nullptr);
  EXPECT_EQ(findSizeField(options.sizeFields, "msg", "data"), nullptr);
  EXPECT_FALSE(applyOption(options, "size-field", true, "buf.data:len", error));
  EXPECT_EQ(error, "fortify: invalid option 'size-field=buf.data:len': size-field: buf.data is "
                   "given two sizes ('cap' and 'len')");
  EXPECT_FALSE(applyOption(options, "size-field", false, "", error));
  EXPECT_EQ(error, "fortify: invalid option 'size-field': size-field must be STRUCT.MEMBER:FIELD "
                   "(e.g. buf.data:cap)");
  // Printed back for a pass pipeline, one item each.
  std::vector<std::string> items = optionItems(options);
  EXPECT_EQ(items[items.size() - 2], "size-field=buf.data:cap");
  EXPECT_EQ(items.back(), "size-field=msg.body:len");
}

TEST(SizeFieldsTest, JudgesTheShapes) {
  std::string reason;
  EXPECT_TRUE(usableSizeField("buf", "data", MemberShape::Pointer, "cap", CountShape::Integer,
                              "size-field=buf.data:cap", reason));
  EXPECT_TRUE(usableSizeField("c", "fam", MemberShape::FlexibleArray, "n", CountShape::Integer,
                              "counted_by", reason));
  EXPECT_FALSE(usableSizeField("buf", "data", MemberShape::Missing, "cap", CountShape::Integer,
                               "size-field=buf.data:cap", reason));
  EXPECT_EQ(reason, "struct buf: no member 'data' (size-field=buf.data:cap)");
  EXPECT_FALSE(usableSizeField("buf", "data", MemberShape::Other, "cap", CountShape::Integer,
                               "size-field=buf.data:cap", reason));
  EXPECT_EQ(reason, "struct buf: member 'data' is neither a pointer nor a flexible array member "
                    "(size-field=buf.data:cap)");
  EXPECT_FALSE(usableSizeField("c", "fam", MemberShape::FlexibleArray, "m", CountShape::Missing,
                               "counted_by", reason));
  EXPECT_EQ(reason, "struct c: no member 'm' for the size of 'fam' (counted_by)");
  EXPECT_FALSE(usableSizeField("c", "fam", MemberShape::FlexibleArray, "p", CountShape::Other,
                               "counted_by", reason));
  EXPECT_EQ(reason, "struct c: size field 'p' of member 'fam' is not an integer member (bit-fields "
                    "are not) (counted_by)");
}

}  // namespace
}  // namespace fortify
