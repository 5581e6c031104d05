// See host-llvm.h. Two ways, in order:
//  - LLVMGetVersion (LLVM's C API, from LLVM 16), exported by libLLVM and by
//    every clang and opt built to take plugins;
//  - the file name of the LLVM library the process has loaded, as its
//    soname spells the version: libLLVM-14.so.1 (Debian, LLVM 14-16),
//    libLLVM.so.19.1 (LLVM 18 and later), libLLVM-14.0.6.so, or
//    libclang-cpp.so.15 (clang's own library, whose version is LLVM's).
// A host with neither (an LLVM before 16 linked statically) is unknown.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "host-llvm.h"

#include <dlfcn.h>
#include <link.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_version(const char *text, struct fortify_host_llvm *host) {
  unsigned numbers[3] = {0, 0, 0};
  int count = 0;
  while (count < 3 && *text >= '0' && *text <= '9') {
    numbers[count++] = (unsigned)strtoul(text, (char **)&text, 10);
    if (*text != '.')
      break;
    text++;
  }
  if (count == 0 || numbers[0] == 0)
    return 0;
  host->major = numbers[0];
  host->minor = numbers[1];
  host->patch = numbers[2];
  return count;
}

// The version in an LLVM library's file name, or 0.
static int version_of_library(const char *path, struct fortify_host_llvm *host) {
  const char *name = strrchr(path, '/');
  name = name ? name + 1 : path;
  static const char *const prefixes[] = {"libLLVM-", "libLLVM.so.", "libclang-cpp.so."};
  for (unsigned i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
    size_t length = strlen(prefixes[i]);
    if (strncmp(name, prefixes[i], length) == 0)
      return parse_version(name + length, host);
  }
  return 0;
}

static int find_library(struct dl_phdr_info *info, size_t size, void *data) {
  struct fortify_host_llvm *host = data;
  (void)size;
  if (!info->dlpi_name || !*info->dlpi_name)
    return 0;
  struct fortify_host_llvm found = {0};
  int parts = version_of_library(info->dlpi_name, &found);
  if (!parts)
    return 0;
  // libLLVM-14.so.1 says only the major: its real name may say more.
  char real[PATH_MAX];
  struct fortify_host_llvm better = {0};
  if (parts < 2 && realpath(info->dlpi_name, real) &&
      version_of_library(real, &better) > parts && better.major == found.major)
    found = better;
  snprintf(found.library, sizeof found.library, "%s", info->dlpi_name);
  *host = found;
  return 1;
}

unsigned fortify_host_llvm(struct fortify_host_llvm *host) {
  memset(host, 0, sizeof *host);
  typedef void (*get_version)(unsigned *, unsigned *, unsigned *);
  get_version version = (get_version)dlsym(RTLD_DEFAULT, "LLVMGetVersion");
  if (version) {
    version(&host->major, &host->minor, &host->patch);
    // Where the LLVM is, for the loader's search (when it is a library).
    struct fortify_host_llvm library;
    memset(&library, 0, sizeof library);
    if (dl_iterate_phdr(find_library, &library) && library.major == host->major)
      memcpy(host->library, library.library, sizeof host->library);
    return host->major;
  }
  dl_iterate_phdr(find_library, host);
  return host->major;
}

const char *fortify_host_llvm_version(const struct fortify_host_llvm *host, char *text,
                                      unsigned size) {
  if (host->patch)
    snprintf(text, size, "%u.%u.%u", host->major, host->minor, host->patch);
  else if (host->minor)
    snprintf(text, size, "%u.%u", host->major, host->minor);
  else
    snprintf(text, size, "%u", host->major);
  return text;
}

void fortify_own_path(const void *address, int resolved, char *path, unsigned size) {
  Dl_info info;
  path[0] = 0;
  if (!dladdr(address, &info) || !info.dli_fname)
    return;
  char real[PATH_MAX];
  if (resolved && realpath(info.dli_fname, real))
    snprintf(path, size, "%s", real);
  else
    snprintf(path, size, "%s", info.dli_fname);
}

const char *fortify_base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}
