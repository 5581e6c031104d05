#include "site-registry.h"

#include <map>

namespace fortify_gcc {
namespace {

// Ordered, so that records come out in a stable order.
std::map<std::string, SiteState> &sites() {
  static std::map<std::string, SiteState> registry;
  return registry;
}

}  // namespace

void SiteState::observe(fortify::SiteStatus status) {
  observedStatus = observed ? fortify::combineStatus(observedStatus, status) : status;
  observed = true;
}

// Copies of one call (the function holding it inlined in several places)
// may fare differently: a size counts as known when it is in every copy.
void SiteState::observeLibcSizes(bool libcKnew, bool pluginKnew) {
  libcSizeKnown = libcSizesObserved ? libcSizeKnown && libcKnew : libcKnew;
  pluginSizeKnown = libcSizesObserved ? pluginSizeKnown && pluginKnew : pluginKnew;
  libcSizesObserved = true;
}

fortify::SiteStatus SiteState::status() const {
  // The least protected of what the calls behind the descriptor got.
  fortify::SiteStatus status = fortify::SiteStatus::Safe;
  auto add = [&](fortify::SiteStatus next) { status = fortify::combineStatus(status, next); };
  if (throughLibc) {
    // The library's check is made where its checked entry point survived;
    // a check that folded with neither size known was no check at all. A
    // wrapper whose sizes folded before they could be observed had both
    // known (no folder before objsz gives up on a size).
    // glibc keeps __sprintf_chk with an unknown size, for its %n check.
    if (libcSizesObserved && !libcSizeKnown && !pluginSizeKnown)
      add(fortify::SiteStatus::Unknown);
    else if (libcCheckSurvives)
      add(fortify::SiteStatus::Checked);
  }
  if (unchecked)
    add(fortify::SiteStatus::Unknown);
  if (instrumented && observed)
    add(observedStatus);  // otherwise every copy of the check folded away
  return status;
}

fortify::Fortifier SiteState::knownBy(int libcLevel) const {
  if (status() == fortify::SiteStatus::Unknown)
    return fortify::Fortifier::None;
  // %n: glibc looks for it from its level 2; below, only the plugin does.
  if (descriptor.problem == fortify::Problem::FormatN && throughLibc) {
    if (libcLevel < 2)
      return fortify::Fortifier::Plugin;
    return instrumented ? fortify::Fortifier::Both : fortify::Fortifier::Libc;
  }
  if (!throughLibc || (libcSizesObserved && !libcSizeKnown))
    return instrumented || staticallySafe || pluginSizeKnown ? fortify::Fortifier::Plugin
                                                             : fortify::Fortifier::None;
  if (libcSizesObserved && !pluginSizeKnown)
    return fortify::Fortifier::Libc;
  return fortify::Fortifier::Both;
}

fortify::SiteDescriptor describeCall(const gimple *call, fortify::Problem problem,
                                     std::string_view function) {
  fortify::SiteDescriptor site;
  site.problem = problem;
  site.function = std::string(function);
  // The C++ front end puts the caret of a call on its "(": use the start of
  // the call's range, where C puts it too (the function name).
  expanded_location where = expand_location(get_start(gimple_location(call)));
  site.file = where.file ? where.file : "";
  site.line = where.line;
  site.column = where.column;
  if (cfun && cfun->decl)
    site.caller = lang_hooks.decl_printable_name(cfun->decl, 2);
  return site;
}

SiteState &registerSite(const fortify::SiteDescriptor &descriptor) {
  SiteState &state = sites()[fortify::encodeSite(descriptor)];
  state.descriptor = descriptor;
  return state;
}

SiteState *findSite(std::string_view encoded) {
  auto found = sites().find(std::string(encoded));
  return found == sites().end() ? nullptr : &found->second;
}

void forEachSite(const std::function<void(const SiteState &)> &visit) {
  for (const auto &entry : sites())
    visit(entry.second);
}

std::string_view markerDescriptor(const gcall *call) {
  if (gimple_call_num_args(call) < 1)
    return {};
  tree pointer = gimple_call_arg(call, 0);
  if (TREE_CODE(pointer) != ADDR_EXPR)
    return {};
  tree object = TREE_OPERAND(pointer, 0);
  if (TREE_CODE(object) == ARRAY_REF)
    object = TREE_OPERAND(object, 0);
  if (TREE_CODE(object) != STRING_CST)
    return {};
  return std::string_view(TREE_STRING_POINTER(object), TREE_STRING_LENGTH(object));
}

}  // namespace fortify_gcc
