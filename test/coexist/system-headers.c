// Only the C library's fortify wrappers are left to the library: an
// always_inline function of a system header that makes no check of its own
// (a library's helper included with -isystem) is instrumented like the
// program's code, alone and beside glibc's fortify; and a no_fortify
// function that writes up to malloc_usable_size (as systemd does) keeps
// glibc's own size, with and without LTO (Clang's with LLVM 15 and later: 14 refuses -flto). The helper's block is malloc(n),
// sized at run time: stopped at level 3, not on GCC 11 (level 3 is level 2).
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: for CC in "%gcc-fortify" "%clang-fortify -fuse-ld=lld"; do \
// RUN:   for F in -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2; do \
// RUN:     for L in "" -flto; do \
// RUN:       %if llvm-ge-15 %{ %} %else %{ case "$CC$L" in *clang*-flto) continue;; esac; %} \
// RUN:       $CC -O2 $F $L -isystem %inputs/system-helper %s -o %t.dir/prog || exit 1; \
// RUN:       %t.dir/prog helper fit || { echo "false stop: helper $CC $F $L"; exit 1; }; \
// RUN:       %level3-stop %t.dir/prog helper over || { echo "missed: helper $CC $F $L"; exit 1; }; \
// RUN:       %t.dir/prog usable fit || { echo "false stop: usable $CC $F $L"; exit 1; }; \
// RUN:     done; \
// RUN:   done; \
// RUN: done
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <bufhelp.h>

#if defined(__has_attribute)
#if __has_attribute(no_fortify)
#define NO_FORTIFY __attribute__((no_fortify))
#endif
#endif
#ifndef NO_FORTIFY
#define NO_FORTIFY
#endif

__attribute__((noinline)) static void sink(const void *p) {
  __asm__ volatile("" : : "r"(p) : "memory");
}

NO_FORTIFY __attribute__((noinline)) static char *fill_usable(size_t n) {
  char *p = (char *)malloc(n);
  size_t usable = malloc_usable_size(p);
  memset(p, 'x', usable);
  p[usable - 1] = 0;
  return p;
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  size_t n = strlen(argv[1]) % 2 + 8;
  size_t k = n + (strcmp(argv[2], "over") == 0);
  if (!strcmp(argv[1], "helper")) {
    char *p = (char *)malloc(n);
    put_bytes(p, "0123456789abcdef", k);
    sink(p);
    free(p);
  } else {
    char *p = fill_usable(n);
    free(p);
  }
  return 0;
}
