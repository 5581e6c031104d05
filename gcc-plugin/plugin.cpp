// Entry point of the GCC plugin: checks the GCC version, parses the
// -fplugin-arg-fortify-* options and schedules the passes.
#include "gcc-compat.h"

#include "chk-calls.h"
#include "decision-log.h"
#include "sequence-builder.h"
#include "options.h"
#include "libc-wrappers.h"
#include "field-sizes.h"
#include "passes.h"
#include "version-check.h"

int plugin_is_GPL_compatible;

namespace {

fortify::Options gOptions;

plugin_info kPluginInfo = {
    FORTIFY_VERSION,
    "fortify: inline buffer-overflow checks for libc calls.\n"
    "  -fplugin-arg-fortify-level=1|2|3   object sizes: whole object, +subobjects, +dynamic (default 3)\n"
    "  -fplugin-arg-fortify-mode=trap|abort|report|chk  how an overflow stops the program (default trap;\n"
    "                                        chk: glibc's __*_chk entry points where glibc has one)\n"
    "  -fplugin-arg-fortify-reads=on|off     over-read checks from level 2 (default on)\n"
    "  -fplugin-arg-fortify-caller-sizes=on|off  copies of static functions that take their callers'\n"
    "                                        sizes for pointer parameters (default on)\n"
    "  -fplugin-arg-fortify-werror           a call proven to overflow is an error\n"
    "  -fplugin-arg-fortify-report=PATH      append coverage records (JSON Lines) to PATH\n"
    "  -fplugin-arg-fortify-stats            print the counters of calls seen, checked, folded ... to stderr\n"
    "  -fplugin-arg-fortify-trace            print each call's decision and each site's status to stderr\n"};

bool parseOptions(const plugin_name_args *info) {
  for (int i = 0; i < info->argc; ++i) {
    const plugin_argument &argument = info->argv[i];
    std::string message;
    if (!fortify::applyOption(gOptions, argument.key, argument.value != nullptr,
                              argument.value ? argument.value : "", message)) {
      error("%s", message.c_str());
      return false;
    }
  }
  return true;
}

// Without __builtin_dynamic_object_size (GCC 11) no size is known only at
// run time, and a home-made object-size analysis is what the plugin never
// does: level 3 is level 2. Said once per compilation when the level was
// asked for; the default level says nothing (a distribution's every file).
void fallBackWithoutDynamicSizes(const plugin_name_args *info) {
  if (fortify_gcc::kHasDynamicObjectSize || !fortify::usesDynamicSizes(gOptions))
    return;
  gOptions.level = 2;
  for (int i = 0; i < info->argc; ++i)
    if (strcmp(info->argv[i].key, "level") == 0) {
      inform(UNKNOWN_LOCATION,
             "fortify: GCC %s has no %<__builtin_dynamic_object_size%>: level 3 checks as "
             "level 2 (no sizes known only at run time)",
             gcc_version.basever);
      return;
    }
}

// instance 0: next to every instance of the reference pass. References are
// GCC 12's pass names; gcc-compat.h maps them to this GCC's. Returns `pass`.
opt_pass *registerPass(const char *pluginName, opt_pass *pass, const char *reference,
                       pass_positioning_ops position, int instance = 1) {
  const fortify_gcc::PassReference here = fortify_gcc::referencePass(reference, instance);
  register_pass_info info;
  info.pass = pass;
  info.reference_pass_name = here.name;
  info.ref_pass_instance_number = here.instance;
  info.pos_op = position;
  register_callback(pluginName, PLUGIN_PASS_MANAGER_SETUP, nullptr, &info);
  return pass;
}

}  // namespace

int plugin_init(plugin_name_args *info, plugin_gcc_version *version) {
  if (!plugin_default_version_check(version, &gcc_version)) {
    error("%s", fortify_gcc::versionMismatch("fortify-core.so", gcc_version, *version).c_str());
    return 1;
  }
  if (!parseOptions(info))
    return 1;
  // Size fields need no object-size builtin: level 3 asked for keeps them
  // on GCC 11 too (field-sizes.h).
  const bool fieldSizes = fortify::usesDynamicSizes(gOptions);
  fallBackWithoutDynamicSizes(info);

  register_callback(info->base_name, PLUGIN_INFO, nullptr, &kPluginInfo);
  fortify_gcc::registerGarbageCollectorRoots(info->base_name);
  fortify_gcc::registerChkRoots(info->base_name);
  fortify_gcc::registerNoFortifyAttribute(info->base_name);
  fortify_gcc::registerFieldSizes(info->base_name, gOptions, fieldSizes);
  registerPass(info->base_name, fortify_gcc::makeInstrumentPass(g, gOptions), "lower",
               PASS_POS_INSERT_BEFORE);
  registerPass(info->base_name, fortify_gcc::makeO0ObjectSizePass(g, gOptions), "ssa",
               PASS_POS_INSERT_AFTER);
  registerPass(info->base_name, fortify_gcc::makeCallerSizesPass(g, gOptions), "opt_local_passes",
               PASS_POS_INSERT_BEFORE);
  registerPass(info->base_name, fortify_gcc::makeSharedQueriesPass(g), "early_objsz",
               PASS_POS_INSERT_BEFORE);
  registerPass(info->base_name, fortify_gcc::makeOptOutPass(g), "early_objsz",
               PASS_POS_INSERT_BEFORE);
  registerPass(info->base_name, fortify_gcc::makeCallerBoundPass(g), "early_objsz",
               PASS_POS_INSERT_BEFORE);
  registerPass(info->base_name, fortify_gcc::makeDynamicSizesPass(g, gOptions), "objsz",
               PASS_POS_INSERT_BEFORE, 0);
  registerPass(info->base_name, fortify_gcc::makeSizeProbePass(g), "objsz",
               PASS_POS_INSERT_AFTER, 0);
  opt_pass *finishBeforeLinkTime =
      registerPass(info->base_name, fortify_gcc::makeFinishPass(g, gOptions, true), "release_ssa",
                   PASS_POS_INSERT_BEFORE);
  opt_pass *finishAfterOptimization =
      registerPass(info->base_name, fortify_gcc::makeFinishPass(g, gOptions, false), "optimized",
                   PASS_POS_INSERT_AFTER);
  fortify_gcc::registerUnitReport(info->base_name, gOptions);
  fortify_gcc::registerDecisionLog(info->base_name, gOptions, finishBeforeLinkTime,
                                   finishAfterOptimization);
  return 0;
}
