// Site descriptors for the unit tests of common/.
#ifndef FORTIFY_TEST_UNIT_SITES_H
#define FORTIFY_TEST_UNIT_SITES_H

#include "report.h"

#include <string>

namespace fortify {

inline SiteDescriptor makeSite(Problem problem, std::string function, std::string file,
                               unsigned line, unsigned column, std::string caller) {
  SiteDescriptor site;
  site.problem = problem;
  site.function = std::move(function);
  site.file = std::move(file);
  site.line = line;
  site.column = column;
  site.caller = std::move(caller);
  return site;
}

}  // namespace fortify

#endif
