// Every call of a rule-table function in the translation unit, and what the
// passes after instrumentation learn about each of its checks: the source of
// the coverage records, the note section and the compile-time diagnostics.
//
// A check's failure path passes its site descriptor (fortify::encodeSite) to
// the failure marker, so copies of a check made by inlining, cloning or
// unrolling all lead back to one site here.
#ifndef FORTIFY_GCC_SITE_REGISTRY_H
#define FORTIFY_GCC_SITE_REGISTRY_H

#include "gcc-compat.h"
#include "report.h"

#include <functional>
#include <string>

namespace fortify_gcc {

struct SiteState {
  fortify::SiteDescriptor descriptor;
  // What the calls that share this descriptor were given (calls of one
  // macro expansion share their location): a check, nothing (not
  // protected), the C library's own fortify wrapper, or nothing because
  // the call is statically fine (a printf with a literal format).
  bool instrumented = false;
  bool unchecked = false;
  bool throughLibc = false;  // the C library's wrapper checks it (libc-wrappers.h)
  bool staticallySafe = false;
  // Calls through the C library's wrapper: whether the library's and the
  // plugin's sizes were known to objsz (seen while still apart), and whether
  // a checked entry point survived optimisation.
  bool libcSizesObserved = false;
  bool libcSizeKnown = false, pluginSizeKnown = false;
  bool libcCheckSurvives = false;
  // What copies of the check showed after optimisation; none: all folded.
  bool observed = false;
  fortify::SiteStatus observedStatus = fortify::SiteStatus::Safe;
  bool diagnosed = false;

  void observe(fortify::SiteStatus status);
  void observeLibcSizes(bool libcKnew, bool pluginKnew);
  fortify::SiteStatus status() const;
  // Which fortification knew the size the site's check uses (for %n:
  // which looked for it), given the C library headers' fortify level.
  fortify::Fortifier knownBy(int libcLevel) const;
};

// The descriptor of a check of `call` (to the libc function `function`),
// made in the function being compiled.
fortify::SiteDescriptor describeCall(const gimple *call, fortify::Problem problem,
                                     std::string_view function);

// Adds the site (once per descriptor) and returns it.
SiteState &registerSite(const fortify::SiteDescriptor &descriptor);
// The site a marker's descriptor text names, or nullptr.
SiteState *findSite(std::string_view encoded);

void forEachSite(const std::function<void(const SiteState &)> &visit);

// The descriptor text a marker call passes (its first argument, a string
// constant), or empty when the argument is not one.
std::string_view markerDescriptor(const gcall *call);

}  // namespace fortify_gcc

#endif
