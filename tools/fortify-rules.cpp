// Prints the rule table as the markdown table of docs/FUNCTIONS.md, so that
// the documentation is generated from the one place where semantics live
// (test/tools/functions-doc.test keeps the two in step).
#include "rules.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

using fortify::CheckKind;
using fortify::kNoArg;
using fortify::ReadKind;
using fortify::Rule;

std::string arg(int index) { return "arg" + std::to_string(index); }

// "arg2", "arg1 × arg2", "arg2 × 4", "max(arg2, 0) & ~1" ...: the length a
// rule compares.
std::string length(const Rule &rule) {
  std::string text = arg(rule.length);
  if (rule.lengthForm == fortify::LengthForm::WholePairs)
    text = "max(" + text + ", 0) & ~1";
  if (rule.count != kNoArg)
    text += " × " + arg(rule.count);
  if (rule.elementSize != 1)
    text += " × " + std::to_string(rule.elementSize);
  return text;
}

std::string write(const Rule &rule) {
  std::string unit = rule.elementSize == 1 ? "" : " (wide)";
  std::string dest = arg(rule.dest);
  switch (rule.kind) {
  case CheckKind::None:
    return "";
  case CheckKind::CopyLength:
    return length(rule) + " bytes fit in " + dest;
  case CheckKind::CopyString:
    return "strlen(" + arg(rule.source) + ") + 1" + unit + " fit in " + dest;
  case CheckKind::AppendString:
    return "strlen(" + dest + ") + strlen(" + arg(rule.source) + ") + 1" + unit + " fit in " + dest;
  case CheckKind::AppendBounded:
    return "strlen(" + dest + ") + strnlen(" + arg(rule.source) + ", " + arg(rule.length) +
           ") + 1" + unit + " fit in " + dest;
  case CheckKind::MinimumSize:
    return dest + " holds at least " +
           (rule.minimum == fortify::kMinimumIsMbCurMax ? std::string("MB_CUR_MAX")
                                                        : std::to_string(rule.minimum)) +
           " bytes";
  case CheckKind::FormattedWrite:
    return "output fits in " + dest + " (through " + std::string(rule.boundedSibling) + ")";
  case CheckKind::Unbounded:
    return "cannot be bounded: a compile-time warning (use " + std::string(rule.replacement) + ")";
  case CheckKind::OpenMode:
    return "a mode is passed when " + arg(rule.flags) +
           " has O_CREAT or O_TMPFILE (compile-time error when constant)";
  }
  return "";
}

std::string read(const Rule &rule) {
  std::string source = arg(rule.readArg);
  switch (rule.read) {
  case ReadKind::None:
    return "";
  case ReadKind::Length:
    return length(rule) + " bytes readable in " + source;
  case ReadKind::StringResult:
    return source + " ends inside its object (checked on the result)";
  case ReadKind::String:
    return source + " ends inside its object (strnlen first)";
  case ReadKind::LengthUntilMatch:
    return "a match inside " + source + " when " + length(rule) + " bytes pass its end";
  }
  return "";
}

void printMarkdown() {
  std::printf("| function | kind | checked (levels 1-3 unless noted) | destination size |\n");
  std::printf("|---|---|---|---|\n");
  for (const Rule *rule = fortify::rulesBegin(); rule != fortify::rulesEnd(); ++rule) {
    std::string kinds = fortify::checkKindName(rule->kind);
    std::string checked = write(*rule);
    if (rule->read != ReadKind::None) {
      kinds += rule->kind == CheckKind::None ? "" : " + ";
      kinds = rule->kind == CheckKind::None ? std::string(fortify::readKindName(rule->read))
                                            : kinds + fortify::readKindName(rule->read);
      checked += (checked.empty() ? "" : "; ") + read(*rule) + " (level ≥ 2, reads=on)";
    }
    if (rule->format != kNoArg)
      checked += std::string(checked.empty() ? "" : "; ") + "no %n in a non-literal " +
                 arg(rule->format) + " (level ≥ 2)";
    const char *size = rule->dest == kNoArg ? "—"
                       : rule->objectSize == fortify::ObjectSize::ClosestSubobject
                           ? "subobject from level 2"
                           : "whole object";
    std::printf("| `%s` | %s | %s | %s |\n", std::string(rule->name).c_str(), kinds.c_str(),
                checked.c_str(), size);
  }
}

}  // namespace

int main(int argc, char **argv) {
  if (argc == 2 && std::strcmp(argv[1], "--markdown") == 0) {
    printMarkdown();
    return 0;
  }
  std::fprintf(stderr, "usage: %s --markdown\n", argv[0]);
  return 2;
}
