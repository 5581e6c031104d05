// Runs right after each of GCC's objsz passes. There every size a check
// compares against has just been folded, and one that folded to "unknown"
// is still visible as (size_t)-1 in its failure marker; the next CFG cleanup
// removes such a check, which would then look exactly like one that was
// proven safe. This is the one point that tells the two apart.
#include "check-markers.h"
#include "passes.h"
#include "unknown-reasons.h"

namespace fortify_gcc {
namespace {

const pass_data kSizeProbePassData = {
    GIMPLE_PASS,
    "fortify_probe",
    OPTGROUP_NONE,
    TV_NONE,
    PROP_cfg | PROP_ssa,
    0,
    0,
    0,
    0,
};

class SizeProbePass : public gimple_opt_pass {
public:
  explicit SizeProbePass(gcc::context *context)
      : gimple_opt_pass(kSizeProbePassData, context) {}

  opt_pass *clone() override { return new SizeProbePass(m_ctxt); }
  bool gate(function *) override { return isLateObjectSizeRun(); }

  unsigned int execute(function *fun) override {
    observeUnknownSizes(fun);
    return 0;
  }
};

}  // namespace

void observeUnknownSizes(function *fun) {
  forEachCheckMarker(fun, [](CheckMarker &marker) {
    if (marker.site && isUnknownSize(marker.available())) {
      marker.site->observeCheck(fortify::SiteStatus::Unknown);
      if (auto why = reasonOfMarker(marker.call))
        marker.site->noteUnknownReason(*why);
    }
  });
  observeCallerSizes(fun, false);
}

opt_pass *makeSizeProbePass(gcc::context *context) { return new SizeProbePass(context); }

}  // namespace fortify_gcc
