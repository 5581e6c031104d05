// What becomes of each call site, decided once for both plugins. A plugin
// tells the model the facts it reads off its IR (what the instrumentation
// gave a call, what each surviving copy of a check looks like after
// optimisation, what the C library's own check was given), and the model
// says the site's status, who knew its size, and what the unit reports.
#ifndef FORTIFY_COMMON_SITE_MODEL_H
#define FORTIFY_COMMON_SITE_MODEL_H

#include "report.h"
#include "unknown-reason.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fortify {

// What the instrumentation gave one check of one call: the record its site
// gets (the Clang plugin keeps these words in its IR, !fortify.sites).
enum class Instrumented {
  Check,      // "check": a check with a failure path
  Libc,       // "libc": the C library's own check, not observable
  LibcCheck,  // "libc-check": the C library's check, followed to the end
  Safe,       // "safe": fine without code (a literal format, open with a mode)
  Overflow,   // "overflow": always wrong (open(O_CREAT) with constant flags)
  None,       // "none": no check at all
};
std::string_view instrumentedName(Instrumented what);
bool parseInstrumented(std::string_view name, Instrumented &what);

// One call site (the calls that share a descriptor: those of one macro
// expansion share their location). Set by the plugin as it learns.
struct SiteFacts {
  SiteDescriptor descriptor;

  // What the instrumentation gave the calls.
  bool pluginCheck = false;     // a check with a failure path
  bool noCheck = false;         // nothing at all: not protected
  bool provenSafe = false;      // fine without code (a literal format; open with a mode)
  bool provenOverflow = false;  // always wrong (open(O_CREAT) with constant flags, no mode)
  // The C library's own fortification checks the call (an inline wrapper,
  // a __*_chk call); `libcUnobservable`: and nothing of that check can be
  // followed through optimisation, so it counts as a run-time check.
  bool libcCheck = false;
  bool libcUnobservable = false;
  // Sets the flag a record stands for.
  void record(Instrumented what);

  // After optimisation, the plugin's check: the least protected status of
  // its surviving copies (none survived: every copy folded away).
  void observeCheck(SiteStatus status);
  // One copy of the library's check, seen before its sizes fold: whether
  // the library's own size and the plugin's were known there. `Both` when
  // a size was known but whose is no longer visible.
  void observeLibcSizes(Fortifier knew);
  // One copy of the library's checked call survived optimisation, with a
  // known size or (-1) not.
  void observeLibcCheckSurvives(bool sizeKnown = true);
  // The library's check always fails once reached.
  void observeLibcOverflow() { libcOverflow_ = true; }

  SiteStatus status() const;
  // Which fortification knew the size the status rests on.
  Fortifier knownBy() const;

  // One copy's size was seen unknown (the plugin's check, or the size the
  // C library's check received), for this reason.
  void noteUnknownReason(UnknownReason why);
  // What a record of status unknown says: the most common reason over the
  // copies seen unknown (ties: the vocabulary's order, so that both
  // compilers and every build say the same), not-checked when the call got
  // no check and no copy was seen, other when none was classified. Empty
  // when the status is not unknown.
  std::optional<UnknownReason> unknownReason() const;

  // The proven-problem diagnostic was given (once per site).
  bool diagnosed = false;

  // The plugin's check asked the same size query as the checks of other
  // sites (SiteTable::shareSizeQuery); 0: none known.
  unsigned sizeQueryGroup = 0;
  // The plugin's check was made and no copy of it was seen after
  // optimisation; seen with an unknown size in some copy.
  bool checkFoldedAway() const { return pluginCheck && !checkObserved_; }
  bool checkSeenUnknown() const { return checkObserved_ && checkStatus_ == SiteStatus::Unknown; }
  // The library's check was inlined and nothing of it was seen again: not
  // its sizes, not its checked call.
  bool libcCheckFoldedAway() const {
    return libcCheck && !libcUnobservable && !libcSizesSeen_ && !libcSurvives_ && !libcOverflow_;
  }
  // The check (the plugin's, or the library's) vanished because a check of
  // its size-query group that was seen unknown made it redundant (SiteTable::settleSharedQueries): the
  // site is unknown for that check's reason.
  void inheritUnknownQuery(UnknownReason why);

private:
  bool checkObserved_ = false;
  SiteStatus checkStatus_ = SiteStatus::Safe;
  bool libcSizesSeen_ = false;
  bool libcSizeUnknownSomewhere_ = false;
  unsigned libcKnewEverywhere_ = 0, libcKnewSomewhere_ = 0;  // Fortifier bits
  bool libcSurvives_ = false, libcSurvivesUnknown_ = false;
  bool libcOverflow_ = false;
  bool sharedQueryUnknown_ = false;
  unsigned reasonCounts_[kUnknownReasonCount] = {};
};

// What the finishing pass sees of one surviving failure path. The two
// structural questions are asked only when needed (they walk the function).
struct MarkerFacts {
  Problem problem = Problem::Overflow;
  bool sizeUnknown = false;           // the available size folded to -1 (or cannot fold)
  std::function<bool()> guardedByItsCheck;  // still entered through the check's own test
  std::function<bool()> callSurvivesElsewhere;  // the call runs on a path not ending here
  bool sharedBySeveralSites = false;  // one failure path for several descriptors
  std::optional<uint64_t> needed, available;  // when constant
};

// Unknown (the size is unknown), Checked (a run-time check), or Overflow
// (the check always fails once reached: diagnosed at compile time).
SiteStatus markerStatus(const MarkerFacts &marker);

// Every site of a translation unit, by descriptor text.
class SiteTable {
public:
  // The site, added when new.
  SiteFacts &add(const SiteDescriptor &descriptor);
  // The site a descriptor text names; null when none was added.
  SiteFacts *find(std::string_view encoded);
  // The same, adding the site when the text is a descriptor; null if not.
  SiteFacts *findOrDecode(std::string_view encoded);

  using Sites = std::map<std::string, SiteFacts, std::less<>>;
  const Sites &sites() const { return sites_; }
  Sites &sites() { return sites_; }

  // The checks of two sites asked the same size query (the same pointer,
  // offset and object-size type) when they were made. The optimiser may
  // then merge the queries and drop the dominated check as redundant, which
  // would look like a check that folded because its size was known: when
  // one check of the group is seen with an unknown size, a check of the
  // group that vanished unseen is unknown too (settleSharedQueries).
  void shareSizeQuery(SiteFacts &first, SiteFacts &second);
  // Once the checks' copies have been observed: a site whose check (the
  // plugin's or the library's) folded away while a check of its group was seen unknown becomes unknown, for
  // that check's reason. Each plugin calls it before it traces, counts or
  // records the sites, so that all three say the same; calling it again
  // changes nothing.
  void settleSharedQueries();

private:
  Sites sites_;
  unsigned lastGroup_ = 0;
};

// What the unit leaves behind (after settleSharedQueries): one coverage
// record per site, in source order, and the counts of the note section (glibc's size checks:
// isHeadlineSite).
struct UnitSummary {
  std::vector<CoverageRecord> records;
  StatusCounts counts;
};
UnitSummary summarizeUnit(const SiteTable &table, std::string_view compiler,
                          std::string_view translationUnit, const Options &options,
                          int libcLevel);

// Report mode skips a call whose check failed before it; the program then
// sees this result: its destination for a pointer (memcpy, strcpy ...
// return it), null when nothing is written or null means failure (fgets,
// getcwd, realpath: Rule::nullOnFailure), -1 (the error value of read,
// snprintf, open ...) for a signed integer, 0 for an unsigned one.
enum class ResultType { Pointer, SignedInteger, UnsignedInteger, Other };
enum class SkippedResult { Destination, Null, MinusOne, Zero };
// `destinationFits`: the destination argument is a pointer of the result's type.
SkippedResult skippedCallResult(const Rule &rule, ResultType type, bool destinationFits);

}  // namespace fortify

#endif
