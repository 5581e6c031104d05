// What fortify-advise finds for one translation unit: for each call site the
// coverage records say has an unknown size, the call in the AST, where its
// destination comes from, and the annotation that would give the plugins a
// size (docs/USAGE.md, "fortify-advise").
#ifndef FORTIFY_TOOLS_ADVISE_ADVISOR_H
#define FORTIFY_TOOLS_ADVISE_ADVISOR_H

#include "report.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class ASTConsumer;
}

namespace fortify::advise {

// One unknown-size call site to explain, from one or more records.
struct Site {
  std::string file;    // as the record gives it
  unsigned line = 0;
  unsigned column = 0;
  std::string function;  // the libc function called
  std::string caller;
};

// A text to insert before byte `offset` of a file (an absolute path).
struct Insertion {
  std::string file;
  unsigned offset = 0;
  std::string text;
  bool operator<(const Insertion &o) const {
    return std::tie(file, offset, text) < std::tie(o.file, o.offset, o.text);
  }
};

// One line of the report. Sites that lead to the same annotation share it:
// `key` names the annotation (the same in every translation unit that sees
// the declaration), the line is printed at the first site.
struct Suggestion {
  std::string key;
  Site site;           // the first site
  std::set<std::string> siteKeys;   // "file:line:column", one per site
  std::string text;    // after "FILE:LINE: function CALLER: "
  bool annotates = false;            // false: an explanation, nothing to insert
  std::set<Insertion> insertions;    // for --apply
};

// Everything found over the translation units, merged.
struct Findings {
  std::map<std::string, Suggestion> suggestions;  // by key
  std::vector<std::string> warnings;  // sites not found in the AST, and why
  void add(Suggestion suggestion);
};

// The consumer that looks the sites up in one translation unit's AST.
// `directory` is the compile command's, which relative record paths are
// taken from.
std::unique_ptr<clang::ASTConsumer> makeAdvisor(std::vector<Site> sites, std::string directory,
                                                Findings &findings);

}  // namespace fortify::advise

#endif
