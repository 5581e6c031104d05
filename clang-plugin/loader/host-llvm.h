// Which LLVM the process that loaded us runs, found through C symbols and
// the dynamic loader only, so that it is safe before any of LLVM's C++ is
// touched: the loader (fortify-clang.so) uses it to pick a build, and every
// per-version build (fortify-clang-N.so) to refuse a host it was not built
// for before its static constructors run (docs/CLANG-PLUGIN.md, "One
// plugin file for every Clang").
#ifndef FORTIFY_HOST_LLVM_H
#define FORTIFY_HOST_LLVM_H

#ifdef __cplusplus
extern "C" {
#endif

struct fortify_host_llvm {
  unsigned major, minor, patch;  // major 0: not an LLVM process, or unknown
  char library[512];             // the LLVM library it was found in ("" for LLVMGetVersion)
};

// Fills `host`; returns its major version (0 when unknown).
unsigned fortify_host_llvm(struct fortify_host_llvm *host);

// "14.0.6", "19.1", "14" (as much as is known), into `text`.
const char *fortify_host_llvm_version(const struct fortify_host_llvm *host, char *text,
                                      unsigned size);

// The path of the file that contains `address` ("" when unknown), as it
// was loaded, or with `resolved` !=0 after resolving symbolic links.
void fortify_own_path(const void *address, int resolved, char *path, unsigned size);

// The part of `path` after its last '/'.
const char *fortify_base_name(const char *path);

#ifdef __cplusplus
}
#endif

#endif
