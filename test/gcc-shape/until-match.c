// ReadKind LengthUntilMatch (level 2 and up, unless reads=off): memchr and
// wmemchr read at most n elements but stop at the first match, so a bound
// past the object is valid when a match lies inside it (memchr(s, c,
// SIZE_MAX) is an idiom). Only a bound past the object is questioned, once
// the size is known: the same call bounded by the object (size /
// elementSize) must find a match, else the scan would have left it.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/on- %s
// RUN: cat %t/on-*.fortify | FileCheck %s
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-reads=off %plugin-dumps %t/off- %s
// RUN: cat %t/off-*.fortify | FileCheck %s --check-prefix=OFF
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefix=OFF
// RUN: %gcc-fortify -O2 -S -o /dev/null -Wno-stringop-overread -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
// OFF-NOT: __builtin_object_size
// OFF-NOT: __fortify_fail
#include <stdint.h>
#include <string.h>
#include <wchar.h>

char buf[16];
wchar_t wbuf[4];

// CHECK-LABEL: ;; Function scan (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (s, 0);
// An unknown size (-1) is never passed: a guard on it may come first.
// CHECK-NOT: memchr
// CHECK: if (n > [[S]]) goto <[[RESCAN:D\.[0-9]+]]>; else goto <[[CALL:D\.[0-9]+]]>;
// CHECK-NEXT: <[[RESCAN]]>:
// CHECK-NEXT: [[M:fortify\.[0-9]+]] = memchr (s, c, [[S]]);
// CHECK-NEXT: if ([[M]] == 0B) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"read\x00memchr\x00{{[^"]*}}until-match.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00scan"[0], n, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = memchr (s, c, n);
// CHECK-NEXT: return [[R]];
void *scan(const void *s, int c, size_t n) { return memchr(s, c, n); }

// wmemchr: in elements, size / 4 for the bound and for the rescan.
// CHECK-LABEL: ;; Function wide (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (&wbuf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[E:fortify\.[0-9]+]] = [[S]] / 4;
// CHECK-NEXT: if (n > [[E]]) goto <[[RESCAN:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[RESCAN]]>:
// CHECK-NEXT: [[E2:fortify\.[0-9]+]] = [[S]] / 4;
// CHECK-NEXT: [[M:fortify\.[0-9]+]] = wmemchr (&wbuf, c, [[E2]]);
// CHECK-NEXT: if ([[M]] == 0B) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NOT: <D.
// CHECK: __fortify_fail (&"read\x00wmemchr\x00{{[^"]*}}"[0], {{fortify\.[0-9]+}}, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = wmemchr (&wbuf, c, n);
wchar_t *wide(wchar_t c, size_t n) { return wmemchr(wbuf, c, n); }

// After -O2: an unknown size leaves nothing; a bound inside the object
// leaves nothing; the SIZE_MAX idiom keeps only the bounded rescan.
// O2-LABEL: ;; Function unknown (
// O2-NOT: __fortify_fail
// O2: return
void *unknown(const void *s, int c, size_t n) { return memchr(s, c, n); }

// O2-LABEL: ;; Function inside (
// O2-NOT: __fortify_fail
// O2: return
void *inside(int c) { return memchr(buf, c, 16); }

// O2-LABEL: ;; Function idiom (
// O2: [[M:fortify\.[0-9_]+]] = memchr (&buf, c_{{[0-9]+}}(D), 16);
// O2-NEXT: if ([[M]] == 0B)
// O2: __fortify_fail (&"read\x00memchr\x00{{[^"]*}}"[0], 18446744073709551615, 16);
// O2: memchr (&buf, c_{{[0-9]+}}(D), 18446744073709551615);
void *idiom(int c) { return memchr(buf, c, SIZE_MAX); }
