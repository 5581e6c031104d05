// Which GCC a plugin build belongs to, and the one-line complaint when it is
// loaded into another. Shared by the loader (loader.cpp), which must not
// reference any GCC symbol, and the plugin itself: plain C++ on GCC's
// plugin_gcc_version, which every GCC since 4.5 passes to plugin_init.
#ifndef FORTIFY_GCC_VERSION_CHECK_H
#define FORTIFY_GCC_VERSION_CHECK_H

#include <cstring>
#include <string>

namespace fortify_gcc {

// The value of --NAME= in GCC's configure arguments, or "".
inline std::string configureOption(const char *arguments, const char *name) {
  std::string key = std::string("--") + name + "=";
  for (const char *at = arguments ? strstr(arguments, key.c_str()) : nullptr; at;
       at = strstr(at + 1, key.c_str())) {
    if (at != arguments && at[-1] != ' ')
      continue;
    const char *value = at + key.size();
    return std::string(value, strcspn(value, " "));
  }
  return "";
}

// The fields plugin_default_version_check compares: the exact build.
inline bool sameGccBuild(const plugin_gcc_version &a, const plugin_gcc_version &b) {
  auto same = [](const char *x, const char *y) { return strcmp(x ? x : "", y ? y : "") == 0; };
  return same(a.basever, b.basever) && same(a.datestamp, b.datestamp) &&
         same(a.devphase, b.devphase) && same(a.revision, b.revision) &&
         same(a.configuration_arguments, b.configuration_arguments);
}

// The driver's installed name, which says the version and the target
// (x86_64-linux-gnu-gcc-12, aarch64-linux-gnu-gcc-12): Debian and most
// distributions configure GCC with a program prefix or suffix.
inline std::string gccDriverName(const plugin_gcc_version &v) {
  return configureOption(v.configuration_arguments, "program-prefix") + "gcc" +
         configureOption(v.configuration_arguments, "program-suffix");
}

// "GCC 12.2.0 (x86_64-linux-gnu-gcc-12)", with the build date when that is
// all that tells the two apart.
inline std::string describeGcc(const plugin_gcc_version &v, const plugin_gcc_version &other) {
  std::string text = std::string("GCC ") + v.basever;
  std::string driver = gccDriverName(v);
  std::string target = configureOption(v.configuration_arguments, "target");
  if (driver.find(target) == std::string::npos && !target.empty())
    driver += ", " + target;
  text += " (" + driver;
  if (strcmp(v.basever, other.basever) == 0 && gccDriverName(v) == gccDriverName(other))
    text += std::string(", ") + v.datestamp + (v.revision && *v.revision ? std::string(" ") + v.revision : "");
  return text + ")";
}

// The complaint, one line: what the plugin was built for, what loaded it,
// and what to do.
inline std::string versionMismatch(const char *plugin, const plugin_gcc_version &built,
                                   const plugin_gcc_version &running) {
  return std::string(plugin) + " was built for " + describeGcc(built, running) + ", this is " +
         describeGcc(running, built) + ": use -fplugin=fortify with the build installed for this " +
         "compiler, or build one with cmake -DFORTIFY_GCC=" + gccDriverName(running);
}

}  // namespace fortify_gcc

#endif
