#include "decision-log.h"
#include "passes.h"
#include "site-registry.h"

#include <string>

namespace fortify_gcc {
namespace {

const fortify::Options *gOptions;
opt_pass *gFinishBeforeLinkTime, *gFinishAfterOptimization;
// The calls of the function being instrumented, then of the unit so far.
fortify::Counters gFunction, gUnit;

bool detailsInDump() { return dump_file && (dump_flags & TDF_DETAILS); }
bool tracing() { return detailsInDump() || (gOptions && gOptions->trace); }

void trace(const std::string &line) {
  if (detailsInDump())
    fprintf(dump_file, "fortify: %s\n", line.c_str());
  if (gOptions && gOptions->trace)
    fprintf(stderr, "fortify: %s\n", line.c_str());
}

void writeUnitCounters(void *, void *) {
  if (in_lto_p)
    return;  // the sites were the compile step's
  siteTable().settleSharedQueries();
  fortify::Counters unit = gUnit;
  unit.count(siteTable());
  const std::string counters = fortify::formatCounters(unit);
  opt_pass *finish = writesLinkTimeIr() ? gFinishBeforeLinkTime : gFinishAfterOptimization;
  dump_flags_t flags = TDF_NONE;
  if (FILE *file = finish && finish->static_pass_number > 0
                       ? dump_begin(finish->static_pass_number, &flags)
                       : nullptr) {
    fprintf(file, "\n;; fortify: the unit's counters\n%s", counters.c_str());
    if (flags & TDF_DETAILS)
      for (const auto &[text, site] : siteTable().sites())
        fprintf(file, "fortify: %s\n", fortify::traceSite(site).c_str());
    dump_end(finish->static_pass_number, file);
  }
  if (gOptions->trace)
    for (const auto &[text, site] : siteTable().sites())
      fprintf(stderr, "fortify: %s\n", fortify::traceSite(site).c_str());
  if (gOptions->stats)
    fputs(counters.c_str(), stderr);
}

}  // namespace

CallTrace::CallTrace(const gcall *call, const fortify::Rule &rule, fortify::Route route)
    : scope_(rule, route) {
  // Before the checks go in: the sprintf rewrite replaces the call.
  if (tracing())
    where_ = describeCall(call, fortify::Problem::Overflow, rule.name);
}

CallTrace::~CallTrace() {
  gFunction.count(scope_.decision());
  if (tracing())
    trace(fortify::traceCall(scope_.decision(), where_));
}

void endFunctionCounters() {
  // GCC's passes print statistics with -stats: the shape tests read this
  // dump line by line.
  if (dump_file && (dump_flags & (TDF_STATS | TDF_DETAILS)) && !gFunction.empty())
    fprintf(dump_file, "\n;; fortify: the function's counters\n%s",
            fortify::formatCounters(gFunction).c_str());
  gUnit += gFunction;
  gFunction = fortify::Counters();
}

void registerDecisionLog(const char *pluginName, const fortify::Options &options,
                         opt_pass *finishBeforeLinkTime, opt_pass *finishAfterOptimization) {
  gOptions = &options;
  gFinishBeforeLinkTime = finishBeforeLinkTime;
  gFinishAfterOptimization = finishAfterOptimization;
  register_callback(pluginName, PLUGIN_FINISH_UNIT, writeUnitCounters, nullptr);
}

}  // namespace fortify_gcc
