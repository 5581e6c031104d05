// The problems a check finds, and every phrase people read about them: the
// word in site descriptors and coverage records, the abort-mode line, the
// runtime's report and the compile-time diagnostic. One table, so that the
// two plugins, the runtime and the tools cannot word one problem two ways.
//
// Header-only and constexpr: the report runtime (runtime/), which must not
// need a C++ runtime, reads the same table.
#ifndef FORTIFY_COMMON_PROBLEMS_H
#define FORTIFY_COMMON_PROBLEMS_H

#include <string_view>

namespace fortify {

enum class Problem {
  Overflow,         // a write past the end of the destination
  OverRead,         // a read past the end of a source
  OpenWithoutMode,  // open(..., O_CREAT) with no mode argument
  FormatN,          // %n in a format that is not a string literal
};

struct ProblemInfo {
  Problem problem;
  // The descriptor's and the coverage record's word ("check" key).
  std::string_view word;
  // Whether the check compares sizes: the messages then give the bytes
  // needed and available, and a proven failure needs both as constants.
  bool hasSizes;
  // Sized problems: "buffer overflow" (abort mode), "writes" N bytes "into"
  // a region (compile time), "write of" N bytes "into" an object (runtime).
  std::string_view abortPhrase;
  std::string_view verb;
  std::string_view preposition;
  // Problems without sizes: what is wrong, as the abort line and the
  // runtime say it, and as the compile-time diagnostic completes
  // "'open' is called with ...".
  std::string_view condition;
  std::string_view calledWith;
};

inline constexpr ProblemInfo kProblems[] = {
    {Problem::Overflow, "write", true, "buffer overflow", "writes", "into", {}, {}},
    {Problem::OverRead, "read", true, "buffer over-read", "reads", "from", {}, {}},
    {Problem::OpenWithoutMode, "open", false, {}, {}, {},
     "O_CREAT or O_TMPFILE without a mode", "O_CREAT or O_TMPFILE and no mode"},
    {Problem::FormatN, "format", false, {}, {}, {},
     "%n in a format that is not a string literal", "%n in a format that is not a string literal"},
};

constexpr const ProblemInfo &problemInfo(Problem problem) {
  for (const ProblemInfo &info : kProblems)
    if (info.problem == problem)
      return info;
  return kProblems[0];
}

constexpr std::string_view problemWord(Problem problem) { return problemInfo(problem).word; }

// The problem a descriptor's or record's word names; null when none does.
constexpr const ProblemInfo *findProblem(std::string_view word) {
  for (const ProblemInfo &info : kProblems)
    if (info.word == word)
      return &info;
  return nullptr;
}

}  // namespace fortify

#endif
