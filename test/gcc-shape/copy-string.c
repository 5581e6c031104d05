// CopyString: (strlen(arg(source)) + 1) * elementSize bytes are written to
// arg(dest): size != -1 && strlen(src) >= size / elementSize. The string is
// measured only once the size is known, so that an unknown size leaves no
// strlen behind; the failure path passes strlen(src) + 1 (in bytes) and the
// size. Strings are bounded by the closest subobject from level 2
// (__builtin_object_size type 1), by the whole object at level 1 (type 0).
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/l3- %s
// RUN: cat %t/l3-*.fortify | FileCheck %s --check-prefixes=CHECK,SUB
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=2 %plugin-dumps %t/l2- %s
// RUN: cat %t/l2-*.fortify | FileCheck %s --check-prefixes=CHECK,SUB
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
char buf[16];
wchar_t wbuf[4];

// CHECK-LABEL: ;; Function member (
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&two.a, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&two.a, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[L:fortify\.[0-9]+]] = __builtin_strlen (src);
// CHECK-NEXT: if ([[L]] >= [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: [[N:fortify\.[0-9]+]] = [[L]] + 1;
// CHECK-NEXT: __fortify_fail (&"write\x00strcpy\x00{{[^"]*}}copy-string.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00member"[0], [[N]], [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = strcpy (&two.a, src);
// CHECK-NEXT: return [[R]];
char *member(const char *src) { return strcpy(two.a, src); }

// stpcpy is the same kind.
// CHECK-LABEL: ;; Function end (
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&two.b, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&two.b, 0);
// CHECK: [[L:fortify\.[0-9]+]] = __builtin_strlen (src);
// CHECK-NEXT: if ([[L]] >= [[S]])
// CHECK: __fortify_fail (&"write\x00stpcpy\x00
// CHECK: stpcpy (&two.b, src);
char *end(const char *src) { return stpcpy(two.b, src); }

// wcscpy: wcslen, compared in elements (size / 4).
// CHECK-LABEL: ;; Function wide (
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&wbuf, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&wbuf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[E:fortify\.[0-9]+]] = [[S]] / 4;
// CHECK-NEXT: [[L:fortify\.[0-9]+]] = wcslen (src);
// CHECK-NEXT: if ([[L]] >= [[E]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: [[N:fortify\.[0-9]+]] = [[L]] + 1;
// CHECK-NOT: <D.
// CHECK: __fortify_fail (&"write\x00wcscpy\x00{{[^"]*}}\x00[[@LINE+4]]\x00{{[0-9]+}}\x00wide"[0], {{fortify\.[0-9]+}}, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = wcscpy (&wbuf, src);
// CHECK-NEXT: return [[R]];
wchar_t *wide(const wchar_t *src) { return wcscpy(wbuf, src); }

// Negative twins, after -O2: an unknown size leaves no strlen and no check;
// a string that fits exactly leaves nothing; one character more always
// fails, with the constant sizes; the member bounds the copy.
// O2-LABEL: ;; Function unknown (
// O2-NOT: strlen
// O2-NOT: __fortify_fail
// O2: strcpy (d_{{[0-9]+}}(D), s_{{[0-9]+}}(D));
// O2-NOT: wcslen
// O2-NOT: __fortify_fail
// O2: wcscpy (w_{{[0-9]+}}(D), ws_{{[0-9]+}}(D));
// O2-NOT: __fortify_fail
// O2: return;
void unknown(char *d, const char *s, wchar_t *w, const wchar_t *ws) {
  strcpy(d, s);
  wcscpy(w, ws);
}

// O2-LABEL: ;; Function fits (
// O2-NOT: __fortify_fail
// O2: return;
void fits(void) {
  strcpy(buf, "fifteen chars..");
  strcpy(two.a, "seven..");
}

// O2-LABEL: ;; Function one_over (
// O2: __fortify_fail (&"write\x00strcpy\x00{{[^"]*}}"[0], 17, 16);
// O2: __fortify_fail (&"write\x00strcpy\x00{{[^"]*}}"[0], 9, 8);
void one_over(int which) {
  if (which == 0)
    strcpy(buf, "sixteen chars...");
  else
    strcpy(two.a, "eight...");
}

// GCC does not fold wcslen, even of a literal: with a known size the wide
// check stays, wcslen(src) > 3 for 4 elements.
// O2-LABEL: ;; Function wide_known (
// O2: [[L:fortify\.[0-9_]+]] = wcslen (
// O2-NEXT: if ([[L]] > 3)
// O2: __fortify_fail (&"write\x00wcscpy\x00
// O2: wcscpy (&wbuf,
void wide_known(void) { wcscpy(wbuf, L"three"); }
