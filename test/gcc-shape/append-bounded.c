// AppendBounded: strlen(arg(dest)) + strnlen(arg(source), arg(length)) + 1
// elements are written to arg(dest). Once the size is known (size != -1):
// what is appended must fit on its own, then the sum. wcsncat measures with
// wcslen and wcsnlen, in elements (size / 4). Bounded by the closest
// subobject from level 2.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/l3- %s
// RUN: cat %t/l3-*.fortify | FileCheck %s --check-prefixes=CHECK,SUB
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefixes=CHECK,WHOLE
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
#include <string.h>
#include <wchar.h>

struct two {
  char a[8];
  char b[8];
} two;
wchar_t wbuf[4];
void use(char *);

// CHECK-LABEL: ;; Function append (
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&two.a, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&two.a, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[PRESENT:fortify\.[0-9]+]] = __builtin_strlen (&two.a);
// CHECK-NEXT: [[ADDED:fortify\.[0-9]+]] = __builtin_strnlen (src, n);
// CHECK-NEXT: if ([[ADDED]] >= [[S]]) goto <[[FAIL1:D\.[0-9]+]]>; else goto <[[ALONE:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL1]]>:
// CHECK-NEXT: [[N1:fortify\.[0-9]+]] = [[ADDED]] + 1;
// CHECK-NEXT: __fortify_fail (&"write\x00strncat\x00{{[^"]*}}append-bounded.c\x00[[@LINE+10]]\x00{{[0-9]+}}\x00append"[0], [[N1]], [[S]]);
// CHECK-NEXT: <[[ALONE]]>:
// CHECK-NEXT: [[TOTAL:fortify\.[0-9]+]] = [[PRESENT]] + [[ADDED]];
// CHECK-NEXT: if ([[TOTAL]] >= [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: [[N:fortify\.[0-9]+]] = [[TOTAL]] + 1;
// CHECK-NEXT: __fortify_fail (&"write\x00strncat\x00{{[^"]*}}append-bounded.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00append"[0], [[N]], [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = strncat (&two.a, src, n);
// CHECK-NEXT: return [[R]];
char *append(const char *src, size_t n) { return strncat(two.a, src, n); }

// CHECK-LABEL: ;; Function wide (
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&wbuf, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&wbuf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[E:fortify\.[0-9]+]] = [[S]] / 4;
// CHECK-NEXT: [[PRESENT:fortify\.[0-9]+]] = wcslen (&wbuf);
// CHECK-NEXT: [[ADDED:fortify\.[0-9]+]] = wcsnlen (src, n);
// CHECK-NEXT: if ([[ADDED]] >= [[E]]) goto <[[FAIL1:D\.[0-9]+]]>; else goto <[[ALONE:D\.[0-9]+]]>;
// CHECK: <[[ALONE]]>:
// CHECK-NEXT: [[TOTAL:fortify\.[0-9]+]] = [[PRESENT]] + [[ADDED]];
// CHECK-NEXT: if ([[TOTAL]] >= [[E]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NOT: <D.
// CHECK: __fortify_fail (&"write\x00wcsncat\x00{{[^"]*}}"[0], {{fortify\.[0-9]+}}, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = wcsncat (&wbuf, src, n);
wchar_t *wide(const wchar_t *src, size_t n) { return wcsncat(wbuf, src, n); }

// Negative twins, after -O2: an unknown size leaves nothing; so does a
// bound of 0; contents GCC knows fold (fits exactly: nothing; one more:
// always fails); a literal whose bounded part alone is too long always
// fails; a shorter bound keeps the run-time comparison.
// O2-LABEL: ;; Function unknown (
// O2-NOT: strlen
// O2-NOT: __fortify_fail
// O2: strncat (d_{{[0-9]+}}(D), s_{{[0-9]+}}(D), n_{{[0-9]+}}(D));
// O2-NOT: wcslen
// O2-NOT: __fortify_fail
// O2: wcsncat (w_{{[0-9]+}}(D), ws_{{[0-9]+}}(D), n_{{[0-9]+}}(D));
// O2-NOT: __fortify_fail
// O2: return;
void unknown(char *d, const char *s, wchar_t *w, const wchar_t *ws, size_t n) {
  strncat(d, s, n);
  wcsncat(w, ws, n);
}

// O2-LABEL: ;; Function fits (
// O2-NOT: __fortify_fail
// O2: return;
void fits(const char *s) {
  char b[8] = "ab";
  strncat(b, "cdefghijk", 5);
  use(b);
  char c[8] = "abcdefg";
  strncat(c, s, 0);
  use(c);
}

// O2-LABEL: ;; Function one_over (
// O2: __fortify_fail (&"write\x00strncat\x00{{[^"]*}}"[0], 9, 8);
void one_over(void) {
  char b[8] = "ab";
  strncat(b, "cdefghijk", 6);
  use(b);
}

// O2-LABEL: ;; Function too_long_alone (
// O2: __fortify_fail (&"write\x00strncat\x00{{[^"]*}}"[0], 9, 8);
void too_long_alone(void) { strncat(two.b, "sixteen chars...", 8); }

// O2-LABEL: ;; Function run_time (
// O2: __builtin_strlen (&two.b);
// O2: __fortify_fail (&"write\x00strncat\x00{{[^"]*}}"[0], {{fortify\.[0-9_]+}}, 8);
// O2: strncat (&two.b, "sixteen chars...", 7);
void run_time(void) { strncat(two.b, "sixteen chars...", 7); }
