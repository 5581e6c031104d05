// AppendString: strlen(arg(dest)) + strlen(arg(source)) + 1 elements are
// written to arg(dest). Once the size is known (size != -1): what is
// appended must fit on its own (strlen(src) >= size stops: it folds for a
// literal source even where the sum does not), then the sum
// (strlen(dst) + strlen(src) >= size stops). wcscat measures with wcslen,
// in elements (size / 4). Bounded by the closest subobject from level 2.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/l3- %s
// RUN: cat %t/l3-*.fortify | FileCheck %s --check-prefixes=CHECK,SUB
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefixes=CHECK,WHOLE
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
#include <string.h>
#include <wchar.h>

char buf[16];
wchar_t wbuf[4];
void use(char *);

// CHECK-LABEL: ;; Function append (
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&buf, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&buf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[PRESENT:fortify\.[0-9]+]] = __builtin_strlen (&buf);
// CHECK-NEXT: [[ADDED:fortify\.[0-9]+]] = __builtin_strlen (src);
// CHECK-NEXT: if ([[ADDED]] >= [[S]]) goto <[[FAIL1:D\.[0-9]+]]>; else goto <[[ALONE:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL1]]>:
// CHECK-NEXT: [[N1:fortify\.[0-9]+]] = [[ADDED]] + 1;
// CHECK-NEXT: __fortify_fail (&"write\x00strcat\x00{{[^"]*}}append-string.c\x00[[@LINE+10]]\x00{{[0-9]+}}\x00append"[0], [[N1]], [[S]]);
// CHECK-NEXT: <[[ALONE]]>:
// CHECK-NEXT: [[TOTAL:fortify\.[0-9]+]] = [[PRESENT]] + [[ADDED]];
// CHECK-NEXT: if ([[TOTAL]] >= [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: [[N:fortify\.[0-9]+]] = [[TOTAL]] + 1;
// CHECK-NEXT: __fortify_fail (&"write\x00strcat\x00{{[^"]*}}append-string.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00append"[0], [[N]], [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = strcat (&buf, src);
// CHECK-NEXT: return [[R]];
char *append(const char *src) { return strcat(buf, src); }

// CHECK-LABEL: ;; Function wide (
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&wbuf, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&wbuf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[E:fortify\.[0-9]+]] = [[S]] / 4;
// CHECK-NEXT: [[PRESENT:fortify\.[0-9]+]] = wcslen (&wbuf);
// CHECK-NEXT: [[ADDED:fortify\.[0-9]+]] = wcslen (src);
// CHECK-NEXT: if ([[ADDED]] >= [[E]]) goto <[[FAIL1:D\.[0-9]+]]>; else goto <[[ALONE:D\.[0-9]+]]>;
// CHECK: <[[ALONE]]>:
// CHECK-NEXT: [[TOTAL:fortify\.[0-9]+]] = [[PRESENT]] + [[ADDED]];
// CHECK-NEXT: if ([[TOTAL]] >= [[E]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NOT: <D.
// CHECK: __fortify_fail (&"write\x00wcscat\x00{{[^"]*}}"[0], {{fortify\.[0-9]+}}, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = wcscat (&wbuf, src);
wchar_t *wide(const wchar_t *src) { return wcscat(wbuf, src); }

// Negative twins, after -O2: an unknown size leaves nothing; a known size
// with contents GCC knows folds (fits exactly: nothing; one more: always
// fails); a literal too long on its own always fails whatever the
// destination holds; otherwise the two lengths are compared at run time.
// O2-LABEL: ;; Function unknown (
// O2-NOT: strlen
// O2-NOT: __fortify_fail
// O2: strcat (d_{{[0-9]+}}(D), s_{{[0-9]+}}(D));
// O2-NOT: wcslen
// O2-NOT: __fortify_fail
// O2: wcscat (w_{{[0-9]+}}(D), ws_{{[0-9]+}}(D));
// O2-NOT: __fortify_fail
// O2: return;
void unknown(char *d, const char *s, wchar_t *w, const wchar_t *ws) {
  strcat(d, s);
  wcscat(w, ws);
}

// O2-LABEL: ;; Function fits (
// O2-NOT: __fortify_fail
// O2: return;
void fits(void) {
  char b[8] = "ab";
  strcat(b, "cdefg");
  use(b);
}

// O2-LABEL: ;; Function one_over (
// O2: __fortify_fail (&"write\x00strcat\x00{{[^"]*}}"[0], 9, 8);
void one_over(void) {
  char b[8] = "ab";
  strcat(b, "cdefgh");
  use(b);
}

// O2-LABEL: ;; Function too_long_alone (
// O2: __fortify_fail (&"write\x00strcat\x00{{[^"]*}}"[0], 17, 16);
void too_long_alone(void) { strcat(buf, "sixteen chars..."); }

// O2-LABEL: ;; Function run_time (
// O2: [[PRESENT:fortify\.[0-9_]+]] = __builtin_strlen (&buf);
// O2-NEXT: [[ADDED:fortify\.[0-9_]+]] = __builtin_strlen (s_{{[0-9]+}}(D));
// O2-NEXT: if ([[ADDED]] > 15)
// O2: __fortify_fail (&"write\x00strcat\x00{{[^"]*}}"[0], {{fortify\.[0-9_]+}}, 16);
// O2: [[TOTAL:fortify\.[0-9_]+]] = [[PRESENT]] + [[ADDED]];
// O2-NEXT: if ([[TOTAL]] > 15)
// O2: __fortify_fail (&"write\x00strcat\x00{{[^"]*}}"[0], {{fortify\.[0-9_]+}}, 16);
void run_time(const char *s) { strcat(buf, s); }
