// sprintf through snprintf with the known size: when the output fits, the
// same output and return value as plain sprintf (compared with snprintf into
// a large buffer); one byte too long is stopped; an unknown size keeps
// sprintf itself. vsprintf likewise.
// RUN: %clang-fortify -O0 %s -o %t.O0
// RUN: %clang-fortify -O2 %s -o %t.O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-O2
// RUN: for bin in %t.O0 %t.O2 %t.musl-O0 %t.musl-O2; do \
// RUN:   $bin fit abcdefghij | FileCheck %s && \
// RUN:   $bin vfit abcdefghij | FileCheck %s && \
// RUN:   $bin unknown abcdefghijklmnopqrstuvwxyz | FileCheck %s --check-prefix=UNKNOWN && \
// RUN:   $bin member abcd | FileCheck %s --check-prefix=MEMBER && \
// RUN:   not --crash $bin fit abcdefghijk && not --crash $bin vfit abcdefghijk && \
// RUN:   not --crash $bin heap abcdefghijk && not --crash $bin member abcde || exit 1; \
// RUN: done
// CHECK: 15 [abcdefghij-1234] same
// UNKNOWN: 31 [abcdefghijklmnopqrstuvwxyz-1234] same
// MEMBER: 7 [abcd-12] same
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static char *opaque(char *p) {
  __asm__ volatile("" : "+r"(p));
  return p;
}

// vsprintf into a local buffer of 16 bytes (visible at -O0 too), copied out.
static int v(char *out, const char *format, ...) {
  char local[16];
  va_list ap;
  va_start(ap, format);
  int r = vsprintf(local, format, ap);
  va_end(ap);
  memcpy(out, local, sizeof local);
  return r;
}

static void report(int r, const char *out, const char *format, const char *s, int x) {
  char expected[256];
  int e = snprintf(expected, sizeof expected, format, s, x);
  printf("%d [%s] %s\n", r, out, r == e && !strcmp(out, expected) ? "same" : "DIFFERENT");
}

struct two {
  char a[8];
  char b[8];
};

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  const char *s = argv[2];
  char buffer[16];
  if (!strcmp(argv[1], "fit")) {
    int r = sprintf(buffer, "%s-%d", s, 1234);
    report(r, buffer, "%s-%d", s, 1234);
  } else if (!strcmp(argv[1], "vfit")) {
    char out[16];
    int r = v(out, "%s-%d", s, 1234);
    report(r, out, "%s-%d", s, 1234);
  } else if (!strcmp(argv[1], "heap")) {
    char *p = malloc(16);
    int r = sprintf(p, "%s-%d", s, 1234);
    report(r, p, "%s-%d", s, 1234);
    free(p);
  } else if (!strcmp(argv[1], "member")) {
    // Bounded by s.a (closest subobject, level 2 and up).
    struct two t;
    int r = sprintf(t.a, "%s-%d", s, 12);
    report(r, t.a, "%s-%d", s, 12);
  } else if (!strcmp(argv[1], "unknown")) {
    char big[64];
    char *p = opaque(big);
    int r = sprintf(p, "%s-%d", s, 1234);
    report(r, p, "%s-%d", s, 1234);
  }
  return 0;
}
