// mode=chk: a call that needs a run-time check becomes glibc's entry point
// with the plugin's own size (subobject for the string functions, dynamic at
// level 3, in wide characters where glibc counts them) in the place
// common/rules.cpp lays out; a call whose size is unknown or that provably
// fits stays the plain call, as glibc's headers leave it; the printf
// family's flag is 1 from level 2 and is checked only for a format that is
// not a literal; over-reads (no entry point) stay inline, abort-style.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-mode=chk %plugin-dumps %t/o2- %s
// RUN: cat %t/o2-*.fortify_finish | FileCheck %s --check-prefixes=CHECK,O2-L%gcc-level3
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-mode=chk %plugin-dumps %t/o0- %s
// RUN: cat %t/o0-*.fortify_finish | FileCheck %s --check-prefixes=CHECK
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-mode=chk -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify_finish | FileCheck %s --check-prefix=L1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

struct three { char a[8]; char b[8]; char c[8]; };
char global[16];

// CHECK-LABEL: ;; Function copy (
// CHECK: __memcpy_chk (&global, {{.*}}, n_{{[0-9]+}}(D), 16);
void copy(const char *s, size_t n) { memcpy(global, s, n); }

// The member's 8 bytes from level 2, the 16 left in the whole object at level 1.
// CHECK-LABEL: ;; Function member (
// CHECK: __strcpy_chk (&pair.b, s_{{[0-9]+}}(D), 8);
// L1-LABEL: ;; Function member (
// L1: __strcpy_chk (&pair.b, s_{{[0-9]+}}(D), 16);
struct three pair;
void member(const char *s) { strcpy(pair.b, s); }

// Level 3: the size of a block allocated at run time. GCC 11 checks level 3
// as level 2: the size is unknown there, and the call stays the plain one.
// O2-L3-LABEL: ;; Function heap (
// O2-L3: __read_chk (0, {{.*}}, m_{{[0-9]+}}(D), n_{{[0-9]+}}(D));
// O2-L2-LABEL: ;; Function heap (
// O2-L2-NOT: __read_chk
// O2-L2: read (0, p_{{[0-9]+}}, m_{{[0-9]+}}(D));
char *heap(size_t n, size_t m) {
  char *p = malloc(n);
  read(0, p, m);
  return p;
}

// Wide: glibc counts the size in wide characters.
// CHECK-LABEL: ;; Function wide (
// CHECK: __wmemcpy_chk (&w, s_{{[0-9]+}}(D), n_{{[0-9]+}}(D), 4);
void wide(const wchar_t *s, size_t n) {
  wchar_t w[4];
  wmemcpy(w, s, n);
  fputws(w, stdout);
}

// The printf family: flag and size where glibc takes them.
// CHECK-LABEL: ;; Function formats (
// CHECK: __snprintf_chk (&global, n_{{[0-9]+}}(D), 1, 16, "%s", s_{{[0-9]+}}(D));
// CHECK: __printf_chk (1, f_{{[0-9]+}}(D), 1);
// CHECK: printf ("%d\n", 2);
// L1-LABEL: ;; Function formats (
// L1: __snprintf_chk (&global, n_{{[0-9]+}}(D), 0, 16, "%s", s_{{[0-9]+}}(D));
// L1: printf (f_{{[0-9]+}}(D), 1);
void formats(const char *s, size_t n, const char *f) {
  snprintf(global, n, "%s", s);
  printf(f, 1);
  printf("%d\n", 2);
}

// Unknown size, and a copy that provably fits: plain calls.
// CHECK-LABEL: ;; Function plain (
// CHECK-NOT: _chk
// CHECK: memcpy (p_{{[0-9]+}}(D), s_{{[0-9]+}}(D), n_{{[0-9]+}}(D));
// CHECK-NOT: _chk
void plain(char *p, const char *s, size_t n) {
  memcpy(p, s, n);
  memcpy(global, s, 12);
}

// The source's over-read has no entry point: an inline check that writes
// its line and aborts.
// CHECK-LABEL: ;; Function over_read (
// CHECK: write (2, &"fortify: buffer over-read in memcpy at
// CHECK: __builtin_abort ();
// CHECK: memcpy (p_{{[0-9]+}}(D), &global, n_{{[0-9]+}}(D));
void over_read(char *p, size_t n) { memcpy(p, global, n); }
