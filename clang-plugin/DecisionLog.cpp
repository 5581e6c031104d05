#include "DecisionLog.h"
#include "Sites.h"
#include "Strings.h"
#include "llvm-compat.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/Support/Debug.h"

#include <array>
#include <cstdlib>
#include <string>

#define DEBUG_TYPE "fortify"

using namespace llvm;

namespace fortify_llvm {
namespace {

// The counter's LLVM statistic. Not the STATISTIC macro: it declares a
// NoopStatistic wherever NDEBUG is defined (this plugin's release build),
// and clang's -print-stats prints TrackingStatistics even from an LLVM built
// without statistics. Created on first use and never freed: LLVM's registry
// keeps pointers to them and their names until it prints them at exit.
TrackingStatistic &statistic(size_t row, fortify::Measure measure) {
  static std::array<std::array<TrackingStatistic *, fortify::kAllMeasures.size()>,
                    fortify::Counters::kRows>
      table{};
  TrackingStatistic *&entry = table[row][size_t(measure)];
  if (!entry) {
    auto *name = new std::string(fortify::Counters::counterName(row, measure));
    auto *description = new std::string(fortify::Counters::counterDescription(row, measure));
    entry = new TrackingStatistic(DEBUG_TYPE, name->c_str(), description->c_str());
  }
  return *entry;
}

fortify::Counters &processTotal() {
  static auto *total = new fortify::Counters;
  return *total;
}

// As LLVM prints -stats, once, at exit: after every module of the process.
void printProcessTotal() {
  std::string text = fortify::formatCounters(processTotal());
  if (text.empty())
    return;
  raw_fd_ostream out(2, /*shouldClose=*/false);  // errs() may be gone by now
  out << text;
}

}  // namespace

bool tracing(const fortify::Options &options) {
  return options.trace || debugOnly(DEBUG_TYPE);
}

raw_ostream &traceStream() { return dbgs(); }

void publishCounters(const fortify::Counters &counters, const fortify::Options &options) {
  for (const fortify::Counters::Counter &counter : counters.nonZero())
    statistic(counter.row, counter.measure) += counter.value;
  processTotal() += counters;
  if (options.stats) {
    static const bool registered = std::atexit(printProcessTotal) == 0;
    (void)registered;
  }
}

CallTrace::CallTrace(const CallBase &call, const fortify::Rule &rule, fortify::Route route,
                     fortify::Counters &counters, bool trace)
    : scope_(rule, route), counters_(counters), trace_(trace) {
  // Before the checks go in: inlining a wrapper deletes the call.
  if (trace_)
    where_ = describeCall(call, fortify::Problem::Overflow, ref(rule.name));
}

CallTrace::~CallTrace() {
  counters_.count(scope_.decision());
  if (trace_)
    traceStream() << "fortify: " << fortify::traceCall(scope_.decision(), where_) << "\n";
}

}  // namespace fortify_llvm
