// Every call of a rule-table function in the translation unit, kept in the
// shared site model (common/site-model.h) that decides each one's status.
//
// A check's failure path passes its site descriptor (fortify::encodeSite) to
// the failure marker, so copies of a check made by inlining, cloning or
// unrolling all lead back to one site here.
#ifndef FORTIFY_GCC_SITE_REGISTRY_H
#define FORTIFY_GCC_SITE_REGISTRY_H

#include "gcc-compat.h"
#include "site-model.h"

#include <string>

namespace fortify_gcc {

// A source file name as __FILE__ spells it: GCC's -fmacro-prefix-map (and
// -ffile-prefix-map, which implies it) applied, so that file names in
// messages, descriptors, notes and records leave no build path behind and
// two build directories give the same object.
std::string sourceFileName(const char *file);

// The descriptor of a check of `call` (to the libc function `function`),
// made in the function being compiled.
fortify::SiteDescriptor describeCall(const gimple *call, fortify::Problem problem,
                                     std::string_view function);

// The translation unit's sites.
fortify::SiteTable &siteTable();

// Records what the instrumentation gave one check of a call: adds the site
// (once per descriptor), sets the fact the record stands for, and tells the
// decision being made for the call (decision-log.h).
fortify::SiteFacts &recordSite(const fortify::SiteDescriptor &descriptor,
                               fortify::Instrumented what);
// The site a marker's descriptor text names, or nullptr.
inline fortify::SiteFacts *findSite(std::string_view encoded) { return siteTable().find(encoded); }

// The descriptor text a marker call passes (its first argument, a string
// constant), or empty when the argument is not one.
std::string_view markerDescriptor(const gcall *call);

}  // namespace fortify_gcc

#endif
