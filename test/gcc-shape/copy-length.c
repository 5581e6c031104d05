// CopyLength: arg(length) [* arg(count)] * elementSize bytes are written to
// arg(dest). The product is never computed, so that one that wraps is
// caught too:
//   memset:  n > size
//   fread:   size != -1 && nmemb != 0 && n > size / nmemb
//   wmemset: size != -1 && n > size / 4
// The guard on size != -1 keeps the division from being left behind when the
// size is unknown. The failure path passes the bytes needed, the product
// saturated at SIZE_MAX, and the size; the call follows the check.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/ %s
// RUN: cat %t/*.fortify | FileCheck %s
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
#include <stdio.h>
#include <string.h>
#include <wchar.h>

char buf[16];
wchar_t wbuf[4];

// CHECK-LABEL: ;; Function length (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (&buf, 0);
// CHECK-NEXT: if (n > [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"write\x00memset\x00{{[^"]*}}copy-length.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00length"[0], n, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: memset (&buf, 0, n);
// CHECK-NEXT: }
void length(size_t n) { memset(buf, 0, n); }

// CHECK-LABEL: ;; Function count (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (&buf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: if (k == 0) goto <[[CALL]]>; else goto <[[NONZERO:D\.[0-9]+]]>;
// CHECK-NEXT: <[[NONZERO]]>:
// CHECK-NEXT: [[PER:fortify\.[0-9]+]] = [[S]] / k;
// CHECK-NEXT: if (n > [[PER]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NOT: <D.
// CHECK: __fortify_fail (&"write\x00fread\x00{{[^"]*}}\x00[[@LINE+4]]\x00{{[0-9]+}}\x00count"[0], {{fortify\.[0-9]+}}, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = fread (&buf, n, k, f);
// CHECK-NEXT: return [[R]];
size_t count(FILE *f, size_t n, size_t k) { return fread(buf, n, k, f); }

// CHECK-LABEL: ;; Function wide (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (&wbuf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-DAG: if (n > [[ELEMENTS:fortify\.[0-9]+]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-DAG: [[ELEMENTS]] = [[S]] / 4;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NOT: <D.
// CHECK: __fortify_fail (&"write\x00wmemset\x00{{[^"]*}}\x00[[@LINE+4]]\x00{{[0-9]+}}\x00wide"[0], {{fortify\.[0-9]+}}, [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = wmemset (&wbuf, c, n);
// CHECK-NEXT: return [[R]];
wchar_t *wide(wchar_t c, size_t n) { return wmemset(wbuf, c, n); }

// Negative twins, after -O2: an unknown size leaves no check and no
// division; a length that fits exactly, a length or count of 0 leave
// nothing; one element too many always fails, with the constant sizes; so
// does a product that wraps (2^62 * 4 = 0 mod 2^64).
// O2-LABEL: ;; Function unknown (
// O2-NOT: __fortify_fail
// O2-NOT: {{ / }}
// O2: fread (d_{{[0-9]+}}(D), n_{{[0-9]+}}(D), k_{{[0-9]+}}(D), f_{{[0-9]+}}(D));
// O2-NOT: __fortify_fail
// O2: wmemset (w_{{[0-9]+}}(D), 0, n_{{[0-9]+}}(D));
// O2-NOT: __fortify_fail
// O2: return;
void unknown(char *d, wchar_t *w, FILE *f, size_t n, size_t k) {
  memset(d, 0, n);
  fread(d, n, k, f);
  wmemset(w, 0, n);
}

// O2-LABEL: ;; Function fits (
// O2-NOT: __fortify_fail
// O2: return;
void fits(FILE *f) {
  memset(buf, 0, 16);
  memset(buf, 0, 0);
  fread(buf, 4, 4, f);
  fread(buf, 1, 16, f);
  fread(buf, 100, 0, f);
  fread(buf, 0, 100, f);
  wmemset(wbuf, 0, 4);
}

// O2-LABEL: ;; Function one_over (
// O2: __fortify_fail (&"write\x00memset\x00{{[^"]*}}"[0], 17, 16);
// O2: __fortify_fail (&"write\x00fread\x00{{[^"]*}}"[0], 20, 16);
// O2: __fortify_fail (&"write\x00wmemset\x00{{[^"]*}}"[0], 20, 16);
// O2-LABEL: ;; Function wraps (
// O2: __fortify_fail (&"write\x00fread\x00{{[^"]*}}"[0], {{[0-9]+}}, 16);
void one_over(FILE *f, int which) {
  if (which == 0)
    memset(buf, 0, 17);
  else if (which == 1)
    fread(buf, 5, 4, f);
  else
    wmemset(wbuf, 0, 5);
}
void wraps(FILE *f) { fread(buf, 1ul << 62, 4, f); }
