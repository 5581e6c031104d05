// Why the sizes of the unknown sites were unknown: the records' "why"
// (fortify::UnknownReason), counted over the sites of the input, so that a
// maintainer sees what to annotate first.
#ifndef FORTIFY_TOOLS_COVERAGE_REASONS_H
#define FORTIFY_TOOLS_COVERAGE_REASONS_H

#include "aggregate.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace fortify::coverage {

// The reason of a site of status unknown: the most common over its unknown
// records (ties: the vocabulary's order); none when no record gave one
// (plugins before 0.3).
std::optional<UnknownReason> siteReason(const Site &site);

// One row of the table: a reason (none: not recorded), its unknown sites,
// those of them in the headline group, and the callers with most of them.
struct ReasonRow {
  std::optional<UnknownReason> reason;
  unsigned sites = 0;
  unsigned headline = 0;
  std::vector<std::pair<std::string, unsigned>> callers;  // "main (a.c)", sites; most first
};
// Most sites first (ties: the vocabulary's order, unrecorded last); the
// share of a row is its sites over all unknown sites.
std::vector<ReasonRow> reasonRows(const Aggregate &aggregate);

// The table (nothing when no site is unknown, or no record gives a
// reason), with the `callers` callers with most sites per reason.
void printReasons(std::ostream &out, const Aggregate &aggregate, unsigned callers = 3);
// The JSON member "unknown_reasons": [...], with a trailing ",\n".
void printReasonsJson(std::ostream &out, const Aggregate &aggregate, unsigned callers = 3);

}  // namespace fortify::coverage

#endif
