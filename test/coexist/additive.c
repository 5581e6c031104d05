// Beside the C library's fortify headers the plugins are additive: every
// overflow the plugin stops alone (level 3: sizes known at run time,
// closest subobjects, over-reads) is still stopped beside glibc's
// _FORTIFY_SOURCE=1, 2 and 3, and the exact fits still run. Each case runs
// once with a length that fits exactly ("fit") and once one byte over ("over")
// (format_n: a writable format without and with %n). The blocks sized at run
// time (heap, vla, realloc, alloc_size, read_heap, snprintf_heap) are
// stopped at level 3 (%level3-stop): GCC 11, whose level 3 is level 2, and
// glibc's _FORTIFY_SOURCE=3 under it (which needs GCC 12's
// __builtin_dynamic_object_size) do not stop them.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: for CC in "%gcc-fortify" "%clang-fortify" "%gxx-fortify -x c++" "%clangxx-fortify -x c++"; do \
// RUN:   for F in -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=1 -D_FORTIFY_SOURCE=2 -D_FORTIFY_SOURCE=3; do \
// RUN:     $CC -O2 $F %s -o %t.dir/prog || exit 1; \
// RUN:     for c in heap vla realloc alloc_size member member_strncpy read_source read_heap snprintf_heap format_n; do \
// RUN:       %t.dir/prog $c fit || { echo "false stop: $c $CC $F"; exit 1; }; \
// RUN:     done; \
// RUN:     for c in member member_strncpy read_source format_n; do \
// RUN:       not --crash %t.dir/prog $c over 2>/dev/null || { echo "missed: $c $CC $F"; exit 1; }; \
// RUN:     done; \
// RUN:     for c in heap vla realloc alloc_size read_heap snprintf_heap; do \
// RUN:       %level3-stop %t.dir/prog $c over 2>/dev/null || { echo "missed: $c $CC $F"; exit 1; }; \
// RUN:     done; \
// RUN:   done; \
// RUN: done
// Without optimisation only the plugins check (glibc's headers are off).
// RUN: for CC in "%gcc-fortify" "%clang-fortify"; do \
// RUN:   $CC -O0 -D_FORTIFY_SOURCE=2 -Wno-cpp -Wno-#warnings %s -o %t.dir/prog0 || exit 1; \
// RUN:   for c in member read_source; do \
// RUN:     %t.dir/prog0 $c fit && not --crash %t.dir/prog0 $c over 2>/dev/null || { echo "O0: $c $CC"; exit 1; }; \
// RUN:   done; \
// RUN:   for c in heap vla; do \
// RUN:     %t.dir/prog0 $c fit && %level3-stop %t.dir/prog0 $c over 2>/dev/null || { echo "O0: $c $CC"; exit 1; }; \
// RUN:   done; \
// RUN: done
// Glibc's check with the plugin's tighter size keeps glibc's entry points
// (what hardening-check and checksec look for).
// (glibc 2.36 wraps read for GCC only.)
// RUN: %gcc-fortify -O2 -D_FORTIFY_SOURCE=2 %s -o %t.dir/chk && nm -D %t.dir/chk | FileCheck %s --check-prefixes=CHK,CHK-L%gcc-level3,CHK-GCC%gcc-level3
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 %s -o %t.dir/chk && nm -D %t.dir/chk | FileCheck %s --check-prefixes=CHK,CHK-L3
// CHK-DAG: U __memcpy_chk
// CHK-DAG: U __strcpy_chk
// snprintf and read into malloc(n): the plugin's size is a level-3 one.
// CHK-L3-DAG: U __snprintf_chk
// CHK-GCC3-DAG: U __read_chk
// On GCC 11 (level 3 is level 2) no size is known: glibc's wrappers call the
// plain functions.
// CHK-L2-DAG: U snprintf@
// CHK-GCC2-DAG: U read@
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

__attribute__((alloc_size(1), malloc, noinline)) static void *my_alloc(size_t n) {
  return malloc(n);
}

__attribute__((noinline)) static void sink(const void *p) {
  __asm__ volatile("" : : "r"(p) : "memory");
}

struct rec {
  int id;  // not all bytes: see issue-12 notes in docs/CLANG-PLUGIN.md
  char key[8];
  char val[8];
};

static const char source[] = "0123456789abcdefghijklmnopqrstuvwxyz";

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  const char *c = argv[1];
  // n: the object's size; k: the bytes the call uses (n, or n + 1).
  size_t n = (size_t)(strlen(argv[1]) % 4) + 8;
  size_t k = n + (strcmp(argv[2], "over") == 0);
  if (!strcmp(c, "heap")) {
    char *p = (char *)malloc(n);
    memcpy(p, source, k);
    sink(p);
  } else if (!strcmp(c, "vla")) {
    char v[n];
    memset(v, 'x', k);
    sink(v);
  } else if (!strcmp(c, "realloc")) {
    char *p = (char *)realloc(NULL, n);
    memset(p, 0, k);
    sink(p);
  } else if (!strcmp(c, "alloc_size")) {
    char *p = (char *)my_alloc(n);
    memcpy(p, source, k);
    sink(p);
  } else if (!strcmp(c, "member")) {
    struct rec *r = (struct rec *)malloc(sizeof *r);
    char text[32];
    size_t length = k - n + sizeof r->key - 1;  // with its NUL: 8 fits, 9 does not
    memcpy(text, source, length);
    text[length] = 0;
    strcpy(r->key, text);
    sink(r);
  } else if (!strcmp(c, "member_strncpy")) {
    struct rec r;
    strncpy(r.key, source, k - n + sizeof r.key);
    sink(&r);
  } else if (!strcmp(c, "read_source")) {
    char small[8], big[64];
    memcpy(small, source, sizeof small);
    memcpy(big, small, k - n + sizeof small);
    sink(big);
  } else if (!strcmp(c, "read_heap")) {
    char *p = (char *)malloc(n);
    int fd = open("/dev/zero", O_RDONLY);
    if (read(fd, p, k) < 0)
      return 3;
    close(fd);
    sink(p);
  } else if (!strcmp(c, "snprintf_heap")) {
    char *p = (char *)malloc(n);
    snprintf(p, k, "%s", source);
    sink(p);
  } else if (!strcmp(c, "format_n")) {
    // %n in a writable format: glibc looks for it only from its level 2.
    char format[16];
    int count = 0;
    strcpy(format, k > n ? "%s%n\n" : "%s\n");
    printf(format, "x", &count);
  } else {
    return 2;
  }
  return 0;
}
