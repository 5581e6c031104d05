// fortify-coverage's two outputs for report files: the table people read and
// the JSON machines read (the same numbers, plus every call site).
#ifndef FORTIFY_TOOLS_COVERAGE_OUTPUT_H
#define FORTIFY_TOOLS_COVERAGE_OUTPUT_H

#include "aggregate.h"

#include <ostream>
#include <string>
#include <vector>

namespace fortify::coverage {

// "57.14%", or "-" when there are no sites.
std::string formatPercent(const Counts &counts);

// The counts as JSON members: "sites": N, "safe": N, ... "coverage": 57.14
// (null when there are no sites).
std::string jsonCounts(const Counts &counts);

void printTable(std::ostream &out, const Aggregate &aggregate, unsigned files,
                const std::vector<Grouping> &groupings);

// Every grouping is in the JSON, whatever the table shows.
void printJson(std::ostream &out, const Aggregate &aggregate, unsigned files);

}  // namespace fortify::coverage

#endif
