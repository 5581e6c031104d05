// What the passes decided, where GCC shows what a pass did: its dump file
// (GCC 12 cannot name a plugin pass's dump; -fdump-tree-all gives them, see
// test/gcc-shape/lit.local.cfg), and with the stats and trace options on
// stderr. The counters and the words are common/counters.h's:
//   - the instrumentation's dump (`fortify`), with -details: a line per call
//     decision (rule, route, the record of each check); with -stats or
//     -details, after each function, its counters of calls seen and checks
//     emitted;
//   - the finishing pass's dump (`fortify_finish`, the instance that ran), at
//     the end of the unit: the unit's counters, and with -details a line per
//     call site with its status.
#ifndef FORTIFY_GCC_DECISION_LOG_H
#define FORTIFY_GCC_DECISION_LOG_H

#include "gcc-compat.h"
#include "counters.h"

namespace fortify_gcc {

// The instrumentation's decision for one call while it is made: the sites
// recorded meanwhile (recordSite) are its records. Counted into the
// function's counters, and traced, when it ends.
class CallTrace {
public:
  CallTrace(const gcall *call, const fortify::Rule &rule, fortify::Route route);
  ~CallTrace();

private:
  fortify::DecisionScope scope_;
  fortify::SiteDescriptor where_;
};

// After the instrumentation of a function: its counters into the pass's dump.
void endFunctionCounters();

// The unit's counters at its end (PLUGIN_FINISH_UNIT); `finishPasses`: the
// two instances of the finishing pass, whose dump gets them.
void registerDecisionLog(const char *pluginName, const fortify::Options &options,
                         opt_pass *finishBeforeLinkTime, opt_pass *finishAfterOptimization);

}  // namespace fortify_gcc

#endif
