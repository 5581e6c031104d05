// Turns coverage records into call sites (duplicates of one site merged) and
// counts them per function, per file and per calling function.
//
// coverage = protected sites / all sites, where a site is protected unless
// its status is "unknown" (fortify::isProtected): the compiler knew the
// object's size, so the call was proven safe, is checked at run time, or was
// proven to overflow. The headline figure is Red Hat's: the size checks of
// the functions glibc fortifies (fortify::CheckGroup); the other checks are
// counted apart.
#ifndef FORTIFY_TOOLS_COVERAGE_AGGREGATE_H
#define FORTIFY_TOOLS_COVERAGE_AGGREGATE_H

#include "report.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace fortify::coverage {

// One call site's check: records agreeing on all of these are one site
// (the same file compiled twice, for PIC and non-PIC, or a header's inline
// function compiled into several translation units).
struct SiteKey {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string function;
  std::string caller;
  Problem check = Problem::Overflow;

  bool operator<(const SiteKey &other) const {
    return std::tie(file, line, column, function, caller, check) <
           std::tie(other.file, other.line, other.column, other.function, other.caller,
                    other.check);
  }
};

struct Site {
  SiteStatus status = SiteStatus::Unknown;  // combineStatus over its records
  bool libcKnew = true;  // the C library's own fortify knew the size (every record)
  unsigned records = 0;
  std::set<std::string> translationUnits;
  std::set<std::string> compilers;
  // How many of its records of status unknown gave each reason ("why").
  std::map<UnknownReason, unsigned> reasons;
};

CheckGroup groupOf(const SiteKey &key);

using Counts = StatusCounts;

// One table row: a function, file or caller, and one check group.
struct Row {
  std::string name;
  CheckGroup group = CheckGroup::Headline;
  std::set<Problem> checks;  // the check kinds seen in this row
  Counts counts;
};

enum class Grouping { Function, File, Caller };
const char *groupingName(Grouping grouping);

struct Aggregate {
  std::map<SiteKey, Site> sites;
  unsigned records = 0;
  std::set<std::string> compilers;
  std::set<int> levels;
  std::set<int> libcLevels;  // the C library's fortify levels seen (none: off)

  void add(const CoverageRecord &record);
  unsigned duplicates() const { return records - unsigned(sites.size()); }
  Counts total(CheckGroup group) const;
  // The headline sites, as protected by the C library's own fortification
  // alone.
  Counts libcAlone() const;
  // Sorted by name, then in the order of kAllCheckGroups.
  std::vector<Row> rows(Grouping grouping) const;
};

}  // namespace fortify::coverage

#endif
