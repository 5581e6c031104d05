// common/report.cpp: the site descriptors, diagnostics, coverage records and
// note section both plugins emit and tools/coverage reads.
#include "report.h"
#include "sites.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fortify {
namespace {

using namespace std::string_literals;


void expectSameSite(const SiteDescriptor &a, const SiteDescriptor &b) {
  EXPECT_EQ(a.problem, b.problem);
  EXPECT_EQ(a.function, b.function);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.column, b.column);
  EXPECT_EQ(a.caller, b.caller);
}

TEST(ReportTest, ProblemWords) {
  EXPECT_EQ(problemWord(Problem::Overflow), "write");
  EXPECT_EQ(problemWord(Problem::OverRead), "read");
  EXPECT_EQ(problemWord(Problem::OpenWithoutMode), "open");
  EXPECT_EQ(problemWord(Problem::FormatN), "format");
}

TEST(ReportTest, EncodeSiteLayout) {
  const SiteDescriptor site = makeSite(Problem::Overflow, "memcpy", "x.c", 12, 5, "main");
  EXPECT_EQ(encodeSite(site), "write\0memcpy\0x.c\0" "12\0" "5\0main\0"s);
  // Unknown location and caller: empty fields, zeros.
  const SiteDescriptor bare = makeSite(Problem::FormatN, "printf", "", 0, 0, "");
  EXPECT_EQ(encodeSite(bare), "format\0printf\0\0" "0\0" "0\0\0"s);
}

TEST(ReportTest, DecodeSiteRoundTrip) {
  for (Problem problem :
       {Problem::Overflow, Problem::OverRead, Problem::OpenWithoutMode, Problem::FormatN}) {
    for (const SiteDescriptor &site :
         {makeSite(problem, "memcpy", "dir/x.c", 12, 5, "main"),
          makeSite(problem, "open", "", 0, 0, ""),
          makeSite(problem, "strcpy", "a b.c", 999999999, 999999999, "ns::f(int)")}) {
      SiteDescriptor decoded;
      ASSERT_TRUE(decodeSite(encodeSite(site), decoded)) << problemWord(problem);
      expectSameSite(site, decoded);
    }
  }
}

TEST(ReportTest, DecodeSiteIgnoresTheLiteralsExtraNul) {
  const SiteDescriptor site = makeSite(Problem::OverRead, "strlen", "y.c", 3, 9, "f");
  SiteDescriptor decoded;
  ASSERT_TRUE(decodeSite(encodeSite(site) + '\0', decoded));
  expectSameSite(site, decoded);
}

TEST(ReportTest, DecodeSiteRejects) {
  SiteDescriptor site;
  const std::string bad[] = {
      ""s,
      "write\0memcpy\0x.c\0" "12\0" "5\0main"s,        // last field not ended
      "write\0memcpy\0x.c\0" "12\0"s,                 // fields missing
      "exec\0memcpy\0x.c\0" "12\0" "5\0main\0"s,      // unknown problem word
      "Write\0memcpy\0x.c\0" "12\0" "5\0main\0"s,     // case matters
      "write\0\0x.c\0" "12\0" "5\0main\0"s,           // no function
      "write\0memcpy\0x.c\0\0" "5\0main\0"s,          // empty line
      "write\0memcpy\0x.c\0" "1x\0" "5\0main\0"s,     // line not a number
      "write\0memcpy\0x.c\0" "12\0-5\0main\0"s,       // negative column
      "write\0memcpy\0x.c\0" "1234567890\0" "5\0main\0"s,  // line too long
  };
  for (const std::string &text : bad)
    EXPECT_FALSE(decodeSite(text, site)) << "accepted: " << text.size() << " bytes";
}

TEST(ReportTest, StatusNamesRoundTrip) {
  for (SiteStatus status :
       {SiteStatus::Safe, SiteStatus::Checked, SiteStatus::Unknown, SiteStatus::Overflow}) {
    SiteStatus parsed = status == SiteStatus::Safe ? SiteStatus::Unknown : SiteStatus::Safe;
    ASSERT_TRUE(parseStatus(statusName(status), parsed));
    EXPECT_EQ(parsed, status);
  }
  SiteStatus status = SiteStatus::Checked;
  EXPECT_FALSE(parseStatus("Safe", status));
  EXPECT_FALSE(parseStatus("", status));
  EXPECT_FALSE(parseStatus("safe ", status));
  EXPECT_EQ(status, SiteStatus::Checked);
}

TEST(ReportTest, ProtectedMeansTheSizeWasKnown) {
  EXPECT_TRUE(isProtected(SiteStatus::Safe));
  EXPECT_TRUE(isProtected(SiteStatus::Checked));
  EXPECT_TRUE(isProtected(SiteStatus::Overflow));
  EXPECT_FALSE(isProtected(SiteStatus::Unknown));
}

TEST(ReportTest, CombineStatusKeepsTheLeastProtected) {
  // Order: Overflow, Unknown, Checked, Safe.
  const SiteStatus order[] = {SiteStatus::Overflow, SiteStatus::Unknown, SiteStatus::Checked,
                              SiteStatus::Safe};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      const SiteStatus expected = order[std::min(i, j)];
      EXPECT_EQ(combineStatus(order[i], order[j]), expected)
          << statusName(order[i]) << " + " << statusName(order[j]);
    }
}

CoverageRecord makeRecord() {
  CoverageRecord record;
  record.compiler = "gcc 12.2.0";
  record.translationUnit = "x.c";
  record.site = makeSite(Problem::Overflow, "memcpy", "x.c", 12, 5, "main");
  record.status = SiteStatus::Checked;
  record.level = 3;
  return record;
}

TEST(ReportTest, FormatCoverageRecord) {
  EXPECT_EQ(formatCoverageRecord(makeRecord()),
            R"({"compiler":"gcc 12.2.0","tu":"x.c","function":"memcpy","file":"x.c","line":12,)"
            R"("column":5,"caller":"main","check":"write","status":"checked","level":3,)"
            R"("by":"plugin","libc_level":0})");
  CoverageRecord record = makeRecord();
  record.site.problem = Problem::FormatN;
  record.status = SiteStatus::Overflow;
  record.level = 1;
  record.by = Fortifier::Both;
  record.libcLevel = 2;
  record.site.line = 0;
  record.site.column = 0;
  record.site.file = "";
  const std::string line = formatCoverageRecord(record);
  EXPECT_NE(line.find(R"("file":"","line":0,"column":0,)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("check":"format","status":"overflow","level":1,"by":"both","libc_level":2})"), std::string::npos)
      << line;
}

TEST(ReportTest, FortifierNamesRoundTrip) {
  for (Fortifier f : {Fortifier::None, Fortifier::Plugin, Fortifier::Libc, Fortifier::Both}) {
    Fortifier parsed = Fortifier::None;
    EXPECT_TRUE(parseFortifier(fortifierName(f), parsed));
    EXPECT_EQ(parsed, f);
  }
  Fortifier parsed;
  EXPECT_FALSE(parseFortifier("glibc", parsed));
  EXPECT_TRUE(libcKnew(Fortifier::Both));
  EXPECT_TRUE(libcKnew(Fortifier::Libc));
  EXPECT_FALSE(libcKnew(Fortifier::Plugin));
}

TEST(ReportTest, FormatCoverageRecordEscapes) {
  CoverageRecord record = makeRecord();
  record.site.file = "a\"b\\c\nd\te\x01" "f\x1fg\x7f" "\xc3\xa9";
  record.site.caller = "operator\"\"_x";
  const std::string line = formatCoverageRecord(record);
  // Quote, backslash, \n and \t by name, other control characters as \u00XX;
  // DEL and UTF-8 bytes as they are.
  EXPECT_NE(line.find(R"("file":"a\"b\\c\nd\te\u0001f\u001fg)" "\x7f\xc3\xa9\""),
            std::string::npos)
      << line;
  EXPECT_NE(line.find(R"("caller":"operator\"\"_x")"), std::string::npos) << line;
  // One line per record, whatever the strings hold.
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

class TempFile {
public:
  TempFile() {
    char name[] = "/tmp/fortify-report-test-XXXXXX";
    const int fd = mkstemp(name);
    EXPECT_GE(fd, 0);
    if (fd >= 0)
      close(fd);
    path_ = name;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string &path() const { return path_; }
  std::string contents() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }

private:
  std::string path_;
};

TEST(ReportTest, AppendCoverageRecordsAppendsLines) {
  TempFile file;
  std::string error;
  CoverageRecord first = makeRecord(), second = makeRecord();
  second.site.problem = Problem::OverRead;
  second.status = SiteStatus::Safe;
  ASSERT_TRUE(appendCoverageRecords(file.path(), {first, second}, error)) << error;
  ASSERT_TRUE(appendCoverageRecords(file.path(), {first}, error)) << error;
  ASSERT_TRUE(appendCoverageRecords(file.path(), {}, error)) << error;
  EXPECT_EQ(file.contents(), formatCoverageRecord(first) + "\n" + formatCoverageRecord(second) +
                                 "\n" + formatCoverageRecord(first) + "\n");
}

TEST(ReportTest, AppendCoverageRecordsCreatesTheFile) {
  TempFile file;
  std::remove(file.path().c_str());
  std::string error;
  ASSERT_TRUE(appendCoverageRecords(file.path(), {makeRecord()}, error)) << error;
  EXPECT_EQ(file.contents(), formatCoverageRecord(makeRecord()) + "\n");
}

TEST(ReportTest, AppendCoverageRecordsReportsFailure) {
  std::string error;
  const std::string path = "/nonexistent-fortify-dir/report.jsonl";
  EXPECT_FALSE(appendCoverageRecords(path, {makeRecord()}, error));
  EXPECT_EQ(error, "fortify: cannot open the coverage report '" + path +
                       "': No such file or directory");
}

TEST(ReportTest, StatusCountsAdd) {
  StatusCounts counts;
  for (SiteStatus status : {SiteStatus::Safe, SiteStatus::Safe, SiteStatus::Checked,
                            SiteStatus::Unknown, SiteStatus::Overflow, SiteStatus::Overflow,
                            SiteStatus::Overflow})
    counts.add(status);
  EXPECT_EQ(counts.safe, 2u);
  EXPECT_EQ(counts.checked, 1u);
  EXPECT_EQ(counts.unknown, 1u);
  EXPECT_EQ(counts.overflow, 3u);
}

TEST(ReportTest, NotePayload) {
  Options options;
  StatusCounts counts;
  counts.safe = 3;
  counts.checked = 2;
  counts.unknown = 1;
  EXPECT_EQ(notePayload("0.2.0", "gcc 12.2.0", options, counts),
            "fortify-plugins 0.2.0; compiler=gcc 12.2.0; level=3; mode=trap; safe=3; "
            "checked=2; unknown=1; overflow=0");
  options.level = 1;
  options.mode = FailureMode::Abort;
  EXPECT_EQ(notePayload("1.0", "clang 19.1.7", options, StatusCounts()),
            "fortify-plugins 1.0; compiler=clang 19.1.7; level=1; mode=abort; safe=0; "
            "checked=0; unknown=0; overflow=0");
  options.mode = FailureMode::Report;
  EXPECT_NE(notePayload("1.0", "c", options, StatusCounts()).find("; mode=report; "),
            std::string::npos);
}

uint32_t hostWord(const std::string &bytes, size_t offset) {
  uint32_t word;
  std::memcpy(&word, bytes.data() + offset, sizeof word);
  return word;
}

TEST(ReportTest, NoteBytesLayout) {
  // Description lengths 0..8 cover every padding (with the NUL: 1..9 bytes).
  for (size_t length = 0; length <= 8; ++length) {
    const std::string payload(length, 'p');
    const std::string bytes = noteBytes(payload);
    const size_t descriptionSize = length + 1;
    const size_t paddedDescription = (descriptionSize + 3) / 4 * 4;
    ASSERT_EQ(bytes.size(), 12 + 8 + paddedDescription) << length;
    EXPECT_EQ(bytes.size() % 4, 0u);
    EXPECT_EQ(hostWord(bytes, 0), 8u);  // "fortify" and its NUL: no padding
    EXPECT_EQ(hostWord(bytes, 4), descriptionSize);
    EXPECT_EQ(hostWord(bytes, 8), kNoteType);
    EXPECT_EQ(bytes.substr(12, 8), "fortify\0"s);
    EXPECT_EQ(bytes.substr(20, length), payload);
    // The NUL and the padding are zeros.
    EXPECT_EQ(bytes.substr(20 + length), std::string(paddedDescription - length, '\0'));
  }
}

TEST(ReportTest, NoteBytesOfARealPayload) {
  Options options;
  const std::string payload = notePayload("0.2.0", "gcc 12.2.0", options, StatusCounts());
  const std::string bytes = noteBytes(payload);
  EXPECT_EQ(hostWord(bytes, 4), payload.size() + 1);
  EXPECT_EQ(std::string(bytes.data() + 20), payload);  // NUL-terminated
}

TEST(ReportTest, NoteNames) {
  EXPECT_EQ(kNoteSectionName, ".note.fortify");
  EXPECT_EQ(kNoteOwner, "fortify");
  EXPECT_EQ(kNoteType, 1u);
}

TEST(ReportTest, RecordsSection) {
  EXPECT_EQ(kRecordsSectionName, ".debug_fortify");
  const CoverageRecord record = makeRecord();
  EXPECT_EQ(recordsText({record, record}),
            formatCoverageRecord(record) + "\n" + formatCoverageRecord(record) + "\n");
  EXPECT_EQ(recordsText({}), "");
}

TEST(ReportTest, SectionAssembly) {
  EXPECT_EQ(sectionAssembly(".debug_fortify", "", "progbits", 1, "a\"\n"),
            "\t.pushsection .debug_fortify,\"\",@progbits\n\t.balign 1\n\t.byte 97,34,10\n"
            "\t.popsection\n");
  const std::string seventeen(17, 'x');
  EXPECT_EQ(sectionAssembly(".note.fortify", "", "note", 4, seventeen),
            "\t.pushsection .note.fortify,\"\",@note\n\t.balign 4\n\t.byte "
            "120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120\n\t.byte 120\n"
            "\t.popsection\n");
}

TEST(ReportTest, PrimaryProblem) {
  const Rule *memcpyRule = findRule("memcpy");
  ASSERT_NE(memcpyRule, nullptr);
  EXPECT_EQ(primaryProblem(*memcpyRule), Problem::Overflow);
  const Rule *openRule = findRule("open");
  ASSERT_NE(openRule, nullptr);
  EXPECT_EQ(primaryProblem(*openRule), Problem::OpenWithoutMode);
  const Rule *strlenRule = findRule("strlen");
  ASSERT_NE(strlenRule, nullptr);
  EXPECT_EQ(primaryProblem(*strlenRule), Problem::OverRead);
  const Rule *printfRule = findRule("printf");
  ASSERT_NE(printfRule, nullptr);
  EXPECT_EQ(primaryProblem(*printfRule), Problem::FormatN);
}

}  // namespace
}  // namespace fortify
