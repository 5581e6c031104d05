// MinimumSize: the destination must hold at least `minimum` bytes, whatever
// is written. realpath's PATH_MAX is a constant: size < 4096 stops, and an
// unknown size (-1) never does, so no guard is needed. wcrtomb's (and
// wctomb's) MB_CUR_MAX is read at run time through __ctype_get_mb_cur_max(),
// only once the size is known. The failure path passes the minimum and the
// size. A null destination (realpath(p, NULL), wcrtomb(NULL, ...)) has an
// unknown size: never stopped.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/O0- %s
// RUN: cat %t/O0-*.fortify | FileCheck %s
// RUN: cat %t/O0-*.fortify_o0_objsz | FileCheck %s --check-prefix=O0
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
#include <limits.h>
#include <stdlib.h>
#include <wchar.h>

char path[PATH_MAX];
char small[2];
void use(char *);

// CHECK-LABEL: ;; Function constant_minimum (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (d, 1);
// CHECK-NEXT: if ([[S]] < 4096) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"write\x00realpath\x00{{[^"]*}}minimum-size.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00constant_minimum"[0], 4096, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = realpath (p, d);
// CHECK-NEXT: return [[R]];
char *constant_minimum(const char *p, char *d) { return realpath(p, d); }

// CHECK-LABEL: ;; Function mb_cur_max (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (d, 1);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[M:fortify\.[0-9]+]] = __ctype_get_mb_cur_max ();
// CHECK-NEXT: if ([[S]] < [[M]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"write\x00wcrtomb\x00{{[^"]*}}\x00[[@LINE+4]]\x00{{[0-9]+}}\x00mb_cur_max"[0], [[M]], [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = wcrtomb (d, c, st);
// CHECK-NEXT: return [[R]];
size_t mb_cur_max(char *d, wchar_t c, mbstate_t *st) { return wcrtomb(d, c, st); }

// wctomb is the same kind with two arguments.
// CHECK-LABEL: ;; Function two_arguments (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (d, 1);
// CHECK: [[M:fortify\.[0-9]+]] = __ctype_get_mb_cur_max ();
// CHECK-NEXT: if ([[S]] < [[M]])
// CHECK: __fortify_fail (&"write\x00wctomb\x00
// CHECK: wctomb (d, c);
int two_arguments(char *d, wchar_t c) { return wctomb(d, c); }

// Negative twins. At -O0 (GCC's objsz run by the plugin, then a CFG
// cleanup) and after -O2: null destinations leave nothing.
// O0-LABEL: ;; Function null_destinations (
// O0-NOT: __ctype_get_mb_cur_max
// O0-NOT: __fortify_fail
// O0: realpath (p_{{[0-9]+}}(D), 0B);
// O0-NOT: __ctype_get_mb_cur_max
// O0-NOT: __fortify_fail
// O0: wcrtomb (0B,
// O0-NOT: __fortify_fail
// O0: return;
// O2-LABEL: ;; Function null_destinations (
// O2-NOT: __ctype_get_mb_cur_max
// O2-NOT: __fortify_fail
// O2: return;
void null_destinations(const char *p, wchar_t c, mbstate_t *st) {
  realpath(p, NULL);
  wcrtomb(NULL, c, st);
}

// After -O2, unknown sizes leave nothing; PATH_MAX bytes are enough; a
// known size is compared with MB_CUR_MAX at run time; 100 bytes for
// realpath always fail.
// O2-LABEL: ;; Function unknown (
// O2-NOT: __ctype_get_mb_cur_max
// O2-NOT: __fortify_fail
// O2: return;
void unknown(const char *p, char *d, wchar_t c, mbstate_t *st) {
  realpath(p, d);
  wcrtomb(d, c, st);
}

// O2-LABEL: ;; Function known (
// O2-NOT: __fortify_fail
// O2: realpath (p_{{[0-9]+}}(D), &path);
// O2: [[M:fortify\.[0-9_]+]] = __ctype_get_mb_cur_max ();
// O2-NEXT: if ([[M]] > 2)
// O2: __fortify_fail (&"write\x00wcrtomb\x00{{[^"]*}}"[0], [[M]], 2);
// O2: wcrtomb (&small,
void known(const char *p, wchar_t c, mbstate_t *st) {
  realpath(p, path);
  wcrtomb(small, c, st);
}

// O2-LABEL: ;; Function too_small (
// O2: __fortify_fail (&"write\x00realpath\x00{{[^"]*}}"[0], 4096, 100);
void too_small(const char *p) {
  char b[100];
  realpath(p, b);
  use(b);
}
