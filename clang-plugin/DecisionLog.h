// What the passes decided, told as LLVM's passes tell it, with the counters
// and words of common/counters.h:
//  - the counters as LLVM statistics (DEBUG_TYPE "fortify"), which `clang
//    -Xclang -print-stats` and `-save-stats` print, and `opt -stats` in an
//    LLVM built with assertions or LLVM_FORCE_ENABLE_STATS;
//  - the `stats` option: the same counters on stderr in -stats format when
//    the process exits, on any LLVM (Debian's LLVM 19 is built without
//    statistics: its `opt -stats` says "Statistics are disabled");
//  - a trace on dbgs(), a line per call decision and per site, behind
//    -debug-only=fortify (an LLVM with assertions) or the `trace` option.
#ifndef FORTIFY_CLANG_DECISION_LOG_H
#define FORTIFY_CLANG_DECISION_LOG_H

#include "counters.h"

#include "llvm/Support/raw_ostream.h"

namespace llvm {
class CallBase;
}

namespace fortify_llvm {

// Whether the trace is on: the `trace` option, or -debug-only=fortify.
bool tracing(const fortify::Options &options);
// Where it goes (LLVM's dbgs(): stderr).
llvm::raw_ostream &traceStream();

// Adds what a pass counted to the LLVM statistics and to the process's
// total, which the stats option prints at exit.
void publishCounters(const fortify::Counters &counters, const fortify::Options &options);

// The instrumentation's decision for one call while it is made: the sites
// recorded meanwhile (recordSite) are its records. Counted into `counters`
// and traced when it ends.
class CallTrace {
public:
  CallTrace(const llvm::CallBase &call, const fortify::Rule &rule, fortify::Route route,
            fortify::Counters &counters, bool trace);
  ~CallTrace();

private:
  fortify::DecisionScope scope_;
  fortify::SiteDescriptor where_;
  fortify::Counters &counters_;
  bool trace_;
};

}  // namespace fortify_llvm

#endif
