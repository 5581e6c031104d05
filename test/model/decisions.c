// One model, two plugins: the same calls give the same decisions, the same
// site statuses and the same counters under GCC and Clang, word for word
// (common/counters.cpp), from -fplugin-arg-fortify-trace and -stats.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-trace -fplugin-arg-fortify-stats %s 2> %t/gcc.err
// RUN: %clang-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-trace -fplugin-arg-fortify-stats %s 2> %t/clang.err
// The per-function caller-sizes lines (docs/USAGE.md "Sizes from callers")
// are compared by test/gaps/caller-sizes-*.c: the functions come in each
// compiler's own order.
// RUN: grep -v ': caller sizes: ' %t/gcc.err > %t/gcc.calls; grep -v ': caller sizes: ' %t/clang.err > %t/clang.calls
// RUN: diff %t/gcc.calls %t/clang.calls
// RUN: FileCheck %s --input-file=%t/gcc.err
// At -O0 too (Clang's finishing pass lowers the sizes itself).
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-stats %s 2> %t/gcc0.err
// RUN: %clang-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-stats %s 2> %t/clang0.err
// RUN: diff %t/gcc0.err %t/clang0.err
// (strlen(buf) of a global array is left out: GCC's value ranges prove its
// result check safe, Clang keeps it.)
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char buf[8];
char big[4096];
char *sink;

// CHECK: fortify: memcpy at {{.*}}decisions.c:[[@LINE+1]]:{{[0-9]+}} in copy (copy-length, read-length): direct: write=check, read=check
void copy(const char *s, size_t n) { memcpy(buf, s, n); }
// CHECK: fortify: memcpy at {{.*}}:[[FITS:[0-9]+]]:{{[0-9]+}} in fits (copy-length, read-length): direct: write=check, read=check
void fits(const char *s) { memcpy(buf, s, 4); }
void string(const char *s) { strcpy(buf, s); }
void append(const char *s, size_t n) { strncat(buf, s, n); }
void *find(int c, size_t n) { return memchr(buf, c, n); }
void path(const char *p) { sink = realpath(p, big); }
// CHECK: fortify: sprintf at {{.*}}:[[@LINE+1]]:{{[0-9]+}} in print (formatted-write, format): direct: format=safe, write=check
int print(int x) { return sprintf(buf, "%d", x); }
int opens(const char *p) { return open(p, O_CREAT, 0600); }
void literal(void) { printf("%d\n", 1); }
void format(const char *f) { printf(f, 1); }
// CHECK: fortify: memcpy at {{.*}}:[[@LINE+1]]:{{[0-9]+}} in out (copy-length, read-length): no_fortify: write=none
__attribute__((no_fortify)) void out(const char *s, size_t n) { memcpy(buf, s, n); }

// CHECK: fortify: write memcpy at {{.*}}:[[FITS]]:{{[0-9]+}} in fits: safe by plugin
// CHECK: Statistics Collected
// CHECK: 3 fortify - copy-length calls seen
// CHECK: 1 fortify - minimum-size sites folded (safe)
// CHECK: 1 fortify - open-mode sites folded (safe)
