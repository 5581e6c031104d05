// Every sentence the plugins print about a call: the abort-mode line, the
// compile-time diagnostics, the warning about a function without a bound.
// Both plugins call these, so a GCC build and a Clang build say the same
// words (test/coexist/same-words.c compares them).
#ifndef FORTIFY_COMMON_MESSAGES_H
#define FORTIFY_COMMON_MESSAGES_H

#include "problems.h"
#include "rules.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace fortify {

struct SiteDescriptor;

// "file:line:column", "file:line" or "file" (or "<unknown>").
std::string formatLocation(std::string_view file, unsigned line, unsigned column);

// The line printed in abort mode, e.g.
// "fortify: buffer overflow in memcpy at demo.c:12:5\n".
std::string abortMessage(const SiteDescriptor &site);

// The same when the failure path cannot name its site (several sites share
// it).
std::string abortMessageWithoutSite();

// The diagnostic for a check that always fails when reached, e.g.
// "'memcpy' writes 16 bytes into a region of size 8 [fortify]" or
// "'open' is called with O_CREAT or O_TMPFILE and no mode argument [fortify]".
std::string provenProblemMessage(const SiteDescriptor &site, uint64_t needed,
                                 uint64_t available);

// The warning for a call no bound can be checked for (gets):
// "'gets' cannot be bounded; use 'fgets' instead [fortify]".
std::string unboundedMessage(const Rule &rule);

// "write, read, open or format": the words of kProblems, for errors about
// a record or descriptor that names none of them.
std::string problemWordList();

}  // namespace fortify

#endif
