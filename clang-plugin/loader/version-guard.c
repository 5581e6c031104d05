// Part of every per-version build (fortify-clang-N.so): refuses, with one
// line and exit status 1, a process whose LLVM is not the one the file was
// built for. It runs before the file's C++ static constructors (which call
// into LLVM and Clang and crash another version: the priority puts it first
// in .init_array), and it touches LLVM only through C symbols and the
// dynamic loader (host-llvm.c). A host whose version cannot be told (no
// LLVMGetVersion, no LLVM library) is let through.
#include "host-llvm.h"

#include <stdio.h>
#include <unistd.h>

#if !defined(FORTIFY_LLVM_MAJOR) || !defined(FORTIFY_LLVM_VERSION_TEXT)
#error "FORTIFY_LLVM_MAJOR and FORTIFY_LLVM_VERSION_TEXT: the LLVM this build is for"
#endif

__attribute__((constructor(101))) static void fortify_version_guard(void) {
  struct fortify_host_llvm host;
  if (!fortify_host_llvm(&host) || host.major == FORTIFY_LLVM_MAJOR)
    return;
  char self[4096], text[32];
  fortify_own_path((const void *)&fortify_version_guard, 0, self, sizeof self);
  fprintf(stderr,
          "error: %s was built for LLVM %s, this is LLVM %s: use fortify-clang.so (the loader) "
          "or the build for %u\n",
          self[0] ? fortify_base_name(self) : "fortify-clang", FORTIFY_LLVM_VERSION_TEXT,
          fortify_host_llvm_version(&host, text, sizeof text), host.major);
  fflush(stderr);
  _exit(1);
}
