// fortify.so as GCC loads it: a small file with no reference to any GCC
// symbol, so that it loads into every GCC. GCC loads plugins with RTLD_NOW,
// so the plugin itself (fortify-core.so), loaded into a GCC it was not built
// for, fails in dlopen with an undefined C++ symbol before any of its code
// can say what is wrong. This file compares the GCC that loads it with the
// one it was built for, exactly as plugin_default_version_check does, and
// either hands over to the plugin next to it or stops the compilation with
// one line that says which build to use.
#include "gcc-plugin.h"
#include "plugin-version.h"

#include "version-check.h"
#include "core-hash.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

int plugin_is_GPL_compatible;

// The SHA-256 of the fortify-core.so built with this file (core-hash.cmake):
// a new plugin makes a new fortify.so, which is what ccache hashes.
extern "C" __attribute__((used)) const char fortify_core_sha256[] = FORTIFY_CORE_SHA256;

namespace {

// One line, as GCC words a fatal error, and GCC's own fatal exit status.
// (GCC's fatal_error would add "compilation terminated.", and the loader
// would depend on a GCC symbol.)
[[noreturn]] void stop(const std::string &message) {
  fprintf(stderr, "%s: fatal error: %s\n", program_invocation_short_name, message.c_str());
  fflush(stderr);
  exit(1);
}

std::string directoryOf(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? std::string(path, slash - path) : std::string(".");
}

}  // namespace

int plugin_init(plugin_name_args *info, plugin_gcc_version *version) {
  const char *name = strrchr(info->full_name, '/');
  name = name ? name + 1 : info->full_name;
  if (!fortify_gcc::sameGccBuild(*version, gcc_version))
    stop(fortify_gcc::versionMismatch(name, gcc_version, *version));
  std::string core = directoryOf(info->full_name) + "/fortify-core.so";
  void *handle = dlopen(core.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    stop(std::string(name) + ": cannot load the plugin it loads, " + dlerror());
  auto init = reinterpret_cast<plugin_init_func>(dlsym(handle, "plugin_init"));
  if (!init)
    stop(std::string(name) + ": " + core + " has no plugin_init");
  return init(info, version);
}
