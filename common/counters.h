// What the passes did, told as LLVM's passes tell it: counters per check
// kind (what `opt -stats` prints for a pass's STATISTICs) and a trace line
// per decision (what `-debug-only=` shows). Both plugins fill them from
// what they know: the instrumentation from its decision for each call, the
// end of the unit from the site table (site-model.h); the counting, the
// words and the format live here once.
#ifndef FORTIFY_COMMON_COUNTERS_H
#define FORTIFY_COMMON_COUNTERS_H

#include "site-model.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fortify {

// How a call reaches its C library function, as the instrumentation sees it.
enum class Route {
  Direct,       // the function itself (or its builtin or intrinsic): the plugin checks it
  LibcWrapper,  // the C library's inline fortify wrapper: the library checks the write
  LibcChecked,  // the C library's checked entry point, called by name (__memcpy_chk)
  OptedOut,     // in a function with __attribute__((no_fortify))
  NotLibc,      // a function of the same name with another prototype: left alone
  CompilerCopy, // an aggregate copy the compiler made (struct assignment): no call
};
std::string_view routeName(Route route);

// What the instrumentation decided for one call: its route and the record
// each of its checks got (memcpy: one for the write, one for the read).
struct CallDecision {
  const Rule *rule = nullptr;
  Route route = Route::Direct;
  std::vector<std::pair<Problem, Instrumented>> records;
  // Adds a record, once: a check may register its site at every failure path.
  void record(Problem problem, Instrumented what);
};

// The decision being made for one call, from construction to destruction:
// the records a plugin makes meanwhile (noteRecord, where it records a
// site) are its records. Scopes nest; the innermost gets the records.
class DecisionScope {
public:
  DecisionScope(const Rule &rule, Route route);
  ~DecisionScope();
  DecisionScope(const DecisionScope &) = delete;
  DecisionScope &operator=(const DecisionScope &) = delete;

  const CallDecision &decision() const { return decision_; }
  // A record of the call being decided, if one is.
  static void noteRecord(Problem problem, Instrumented what);

private:
  CallDecision decision_;
  DecisionScope *previous_;
};

// The trace line of a decision, the call at `where` (its problem unused):
//   memcpy at x.c:12:5 in main (copy-length, read-length): direct: write=check, read=check
std::string traceCall(const CallDecision &decision, const SiteDescriptor &where);
// The trace line of a site at the end of the unit, its status and who knew
// its size:
//   write memcpy at x.c:12:5 in main: checked by plugin
std::string traceSite(const SiteFacts &site);

// What is counted for each kind of check. Seen and Checked count the checks
// of calls at instrumentation (before inlining: a call is one call), the
// others the call sites at the end of the unit by status (copies of a call
// made by inlining are one site, and so are calls that share a descriptor).
enum class Measure {
  Seen,      // a call of the kind's functions was seen
  Checked,   // the plugin emitted a check for it
  Folded,    // the site is safe: its check folded away, or none was needed
  Kept,      // the site keeps a run-time check
  Unknown,   // the site's object size is unknown: not protected
  Overflow,  // the site always fails once reached (diagnosed)
};
inline constexpr std::array<Measure, 6> kAllMeasures = {
    Measure::Seen, Measure::Checked, Measure::Folded,
    Measure::Kept, Measure::Unknown, Measure::Overflow};

// Counters per kind of check: each write kind of the rule table (OpenMode
// and Unbounded included), each read kind, and the %n scan ("format").
class Counters {
public:
  // One row per CheckKind, then per ReadKind, then the format scan.
  static constexpr size_t kRows = kAllCheckKinds.size() + kAllReadKinds.size() + 1;
  // The row of a check of `problem` in a call of `rule`.
  static size_t rowOf(Problem problem, const Rule &rule);
  // "copy-length", "read-until-match", "format" ...
  static std::string_view rowName(size_t row);

  void count(const CallDecision &decision);
  // Every site of the unit by status (the site's function names its rule).
  void count(const SiteTable &table);

  unsigned get(size_t row, Measure measure) const;
  void add(size_t row, Measure measure, unsigned value);
  Counters &operator+=(const Counters &other);
  bool empty() const;

  // A counter as an LLVM statistic: `name` an identifier ("CopyLengthCalls"),
  // `description` what -stats prints ("copy-length calls seen").
  struct Counter {
    size_t row;
    Measure measure;
    std::string name, description;
    unsigned value;
  };
  // The counters that are not zero, in the order LLVM prints statistics
  // (by name).
  std::vector<Counter> nonZero() const;
  static std::string counterName(size_t row, Measure measure);
  static std::string counterDescription(size_t row, Measure measure);

private:
  std::array<std::array<unsigned, kAllMeasures.size()>, kRows> counts_{};
};

// The counters as LLVM's -stats prints its statistics (a header, then
// "VALUE DEBUG_TYPE - DESCRIPTION" per counter, values aligned, a blank
// line); empty when every counter is zero, as LLVM prints nothing then.
std::string formatCounters(const Counters &counters,
                           std::string_view debugType = "fortify");

}  // namespace fortify

#endif
