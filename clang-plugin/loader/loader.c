// fortify-clang.so, the loader: one file for every Clang and opt. It has no
// LLVM dependency; loaded into a process, it asks which LLVM that process
// runs (host-llvm.c), loads the build of the plugin for that LLVM,
// fortify-clang-N.so, and hands on its pass-plugin entry point. The build's
// own constructors then register the frontend action (-fplugin=), and
// llvmGetPassPluginInfo below serves -fpass-plugin= and
// opt -load-pass-plugin. Where the builds are looked for, in order:
//   1. the loader's directory, as loaded (a build tree: clang-plugin/);
//   2. the loader's directory after resolving symbolic links;
//   3. the host LLVM's library directory (where `cmake --install` puts the
//      build for that LLVM: /usr/lib/llvm-N/lib on Debian), as the program's
//      own ../lib (clang's run path, where -fplugin=NAME finds files) and
//      as the directory libLLVM was loaded from.
// No build for the host, or a host that cannot be told: one line and exit
// status 1, as a per-version build loaded into another LLVM does.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "host-llvm.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

// llvm::PassPluginLibraryInfo (llvm/Passes/PassPlugin.h): a plain struct,
// returned by value; its layout has not changed since LLVM 11.
struct pass_plugin_info {
  uint32_t api_version;
  const char *name;
  const char *version;
  void (*register_callbacks)(void *builder);
};
typedef struct pass_plugin_info (*get_info)(void);
static get_info plugin_info;

static void fail(const char *self, const char *text) {
  fprintf(stderr, "error: %s: %s\n", fortify_base_name(self), text);
  fflush(stderr);
  _exit(1);
}

__attribute__((constructor)) static void fortify_load(void) {
  char self[4096], text[8192], version[32];
  fortify_own_path((const void *)&fortify_load, 0, self, sizeof self);
  struct fortify_host_llvm host;
  if (!fortify_host_llvm(&host)) {
    // A program without LLVM (gcc -fplugin=): nothing to load, nothing to say.
    if (!dlsym(RTLD_DEFAULT, "_ZN4llvm11raw_ostream5writeEPKcm"))
      return;
    fail(self, "cannot tell which LLVM this is (no LLVMGetVersion, no libLLVM loaded): load "
               "the build for it, fortify-clang-N.so, directly");
  }
  fortify_host_llvm_version(&host, version, sizeof version);
  char name[64];
  snprintf(name, sizeof name, "fortify-clang-%u.so", host.major);

  char directories[4][4096];
  unsigned count = 0;
  char path[4096 + 64];
  fortify_own_path((const void *)&fortify_load, 0, path, sizeof path);
  snprintf(directories[count++], sizeof *directories, "%.*s", (int)(fortify_base_name(path) - path), path);
  fortify_own_path((const void *)&fortify_load, 1, path, sizeof path);
  snprintf(directories[count++], sizeof *directories, "%.*s", (int)(fortify_base_name(path) - path), path);
  char program[PATH_MAX];
  if (realpath("/proc/self/exe", program)) {
    char libraries[PATH_MAX + 8], real[PATH_MAX];
    snprintf(libraries, sizeof libraries, "%.*s../lib",
             (int)(fortify_base_name(program) - program), program);
    if (realpath(libraries, real))
      snprintf(directories[count++], sizeof *directories, "%s/", real);
  }
  if (host.library[0]) {
    // Its directory without symbolic links or "..", not the file's: Debian's
    // /usr/lib/llvm-N/lib/libLLVM-N.so.1 is a link into the multiarch directory.
    char directory[4096];
    snprintf(directory, sizeof directory, "%.*s",
             (int)(fortify_base_name(host.library) - host.library), host.library);
    char real[PATH_MAX];
    snprintf(directories[count++], sizeof *directories, "%s/",
             realpath(directory, real) ? real : directory);
  }

  char looked[1024] = "";
  for (unsigned i = 0; i < count; i++) {
    int seen = 0;
    for (unsigned j = 0; j < i; j++)
      seen |= strcmp(directories[i], directories[j]) == 0;
    if (seen)
      continue;
    snprintf(path, sizeof path, "%s%s", directories[i][0] ? directories[i] : "./", name);
    if (access(path, F_OK) != 0) {
      size_t used = strlen(looked);
      snprintf(looked + used, sizeof looked - used, "%s%s", used ? ", " : "",
               directories[i][0] ? directories[i] : "./");
      continue;
    }
    void *build = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (!build) {
      snprintf(text, sizeof text, "cannot load %s: %s", path, dlerror());
      fail(self, text);
    }
    plugin_info = (get_info)dlsym(build, "llvmGetPassPluginInfo");
    if (!plugin_info) {
      snprintf(text, sizeof text, "%s is not a build of the fortify plugin", path);
      fail(self, text);
    }
    return;
  }
  snprintf(text, sizeof text,
           "no build of the plugin for this LLVM %s: %s is not in %s (build it with cmake "
           "-DFORTIFY_LLVM_VERSION=%u)",
           version, name, looked, host.major);
  fail(self, text);
}

__attribute__((visibility("default"))) struct pass_plugin_info llvmGetPassPluginInfo(void) {
  return plugin_info();
}
