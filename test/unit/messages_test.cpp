// common/messages.cpp and common/problems.h: every sentence both plugins and
// the runtime print, from one table.
#include "messages.h"
#include "report.h"
#include "sites.h"

#include <gtest/gtest.h>

#include <set>

namespace fortify {
namespace {

TEST(MessagesTest, ProblemTableIsComplete) {
  std::set<std::string_view> words;
  for (Problem problem :
       {Problem::Overflow, Problem::OverRead, Problem::OpenWithoutMode, Problem::FormatN}) {
    const ProblemInfo &info = problemInfo(problem);
    EXPECT_EQ(info.problem, problem);
    EXPECT_TRUE(words.insert(info.word).second) << info.word;
    ASSERT_NE(findProblem(info.word), nullptr);
    EXPECT_EQ(findProblem(info.word)->problem, problem);
    // Each problem has the phrases of its kind, and only those.
    EXPECT_EQ(info.abortPhrase.empty(), !info.hasSizes) << info.word;
    EXPECT_EQ(info.verb.empty(), !info.hasSizes) << info.word;
    EXPECT_EQ(info.condition.empty(), info.hasSizes) << info.word;
    EXPECT_EQ(info.calledWith.empty(), info.hasSizes) << info.word;
  }
  EXPECT_EQ(std::size(kProblems), words.size());
  EXPECT_EQ(findProblem("overflow"), nullptr);
  EXPECT_EQ(problemWordList(), "write, read, open or format");
}

TEST(MessagesTest, FormatLocation) {
  EXPECT_EQ(formatLocation("x.c", 12, 5), "x.c:12:5");
  EXPECT_EQ(formatLocation("x.c", 12, 0), "x.c:12");
  EXPECT_EQ(formatLocation("x.c", 0, 0), "x.c");
  EXPECT_EQ(formatLocation("x.c", 0, 7), "x.c");  // a column without a line says nothing
  EXPECT_EQ(formatLocation("", 0, 0), "<unknown>");
  EXPECT_EQ(formatLocation("", 3, 4), "<unknown>:3:4");
}

TEST(MessagesTest, AbortMessage) {
  EXPECT_EQ(abortMessage(makeSite(Problem::Overflow, "memcpy", "a.c", 12, 5, "f")),
            "fortify: buffer overflow in memcpy at a.c:12:5\n");
  EXPECT_EQ(abortMessage(makeSite(Problem::Overflow, "strcpy", "a.c", 3, 0, "f")),
            "fortify: buffer overflow in strcpy at a.c:3\n");
  EXPECT_EQ(abortMessage(makeSite(Problem::Overflow, "strcat", "", 0, 0, "")),
            "fortify: buffer overflow in strcat at <unknown>\n");
  EXPECT_EQ(abortMessage(makeSite(Problem::OverRead, "strlen", "a.c", 1, 2, "f")),
            "fortify: buffer over-read in strlen at a.c:1:2\n");
  EXPECT_EQ(abortMessage(makeSite(Problem::OpenWithoutMode, "open", "a.c", 1, 2, "f")),
            "fortify: O_CREAT or O_TMPFILE without a mode in open at a.c:1:2\n");
  EXPECT_EQ(abortMessage(makeSite(Problem::FormatN, "printf", "a.c", 1, 2, "f")),
            "fortify: %n in a format that is not a string literal in printf at a.c:1:2\n");
  EXPECT_EQ(abortMessageWithoutSite(), "fortify: buffer overflow detected\n");
}

TEST(MessagesTest, ProvenProblemMessage) {
  EXPECT_EQ(provenProblemMessage(makeSite(Problem::Overflow, "memcpy", "x.c", 1, 1, "f"), 16, 8),
            "'memcpy' writes 16 bytes into a region of size 8 [fortify]");
  EXPECT_EQ(provenProblemMessage(makeSite(Problem::OverRead, "write", "x.c", 1, 1, "f"), 10, 4),
            "'write' reads 10 bytes from a region of size 4 [fortify]");
  EXPECT_EQ(provenProblemMessage(makeSite(Problem::OpenWithoutMode, "open", "", 0, 0, ""), 0, 0),
            "'open' is called with O_CREAT or O_TMPFILE and no mode [fortify]");
  EXPECT_EQ(provenProblemMessage(makeSite(Problem::FormatN, "printf", "", 0, 0, ""), 0, 0),
            "'printf' is called with %n in a format that is not a string literal [fortify]");
  EXPECT_EQ(provenProblemMessage(makeSite(Problem::Overflow, "memset", "", 0, 0, ""),
                                 UINT64_MAX, 0),
            "'memset' writes 18446744073709551615 bytes into a region of size 0 [fortify]");
}

TEST(MessagesTest, UnboundedMessage) {
  EXPECT_EQ(unboundedMessage(*findRule("gets")),
            "'gets' cannot be bounded; use 'fgets' instead [fortify]");
}

}  // namespace
}  // namespace fortify
