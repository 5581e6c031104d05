#include "site-registry.h"
#include "counters.h"

#include "file-prefix-map.h"

namespace fortify_gcc {

fortify::SiteTable &siteTable() {
  static fortify::SiteTable table;
  return table;
}

fortify::SiteFacts &recordSite(const fortify::SiteDescriptor &descriptor,
                               fortify::Instrumented what) {
  fortify::SiteFacts &site = siteTable().add(descriptor);
  site.record(what);
  fortify::DecisionScope::noteRecord(descriptor.problem, what);  // decision-log.h
  return site;
}

std::string sourceFileName(const char *file) {
  return file ? remap_macro_filename(file) : "";
}

fortify::SiteDescriptor describeCall(const gimple *call, fortify::Problem problem,
                                     std::string_view function) {
  fortify::SiteDescriptor site;
  site.problem = problem;
  site.function = std::string(function);
  // The C++ front end puts the caret of a call on its "(": use the start of
  // the call's range, where C puts it too (the function name).
  expanded_location where = expand_location(get_start(gimple_location(call)));
  site.file = sourceFileName(where.file);
  site.line = where.line;
  site.column = where.column;
  if (cfun && cfun->decl)
    site.caller = lang_hooks.decl_printable_name(cfun->decl, 2);
  return site;
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
