// %n checks (level 2 and up): a printf-family format that is not a string
// literal, nor a constant object in read-only storage (as glibc's checked
// printf allows), is scanned before the call, conversion by conversion; a
// %n stops the program, the failure path passing no sizes (0, 0). After
// '%' the scanner skips flags, digits, '.', '*', '$' and length modifiers
// (kFormatSpecificationCharacters); any other character ends the
// specification, so "%%n" is no %n. Level 1 scans nothing.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/l3- %s
// RUN: cat %t/l3-*.fortify | FileCheck %s
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefix=L1
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
// L1-NOT: MEM[(char *)
// L1-NOT: "format\x00
#include <stdio.h>
#include <syslog.h>

char writable[] = "%n\n";
static const char readonly[] = "%n\n";

// CHECK-LABEL: ;; Function scanned (
// CHECK: [[CURSOR:fortify\.[0-9]+]] = f;
// CHECK-NEXT: <[[TEXT:D\.[0-9]+]]>:
// CHECK-NEXT: [[C:fortify\.[0-9]+]] = MEM[(char *)[[CURSOR]]];
// CHECK-NEXT: [[CURSOR]] = [[CURSOR]] + 1;
// CHECK-NEXT: if ([[C]] == 0) goto <[[PASS:D\.[0-9]+]]>; else goto <[[NOTEND:D\.[0-9]+]]>;
// CHECK-NEXT: <[[NOTEND]]>:
// CHECK-NEXT: if ([[C]] == 37) goto <[[SPEC:D\.[0-9]+]]>; else goto <[[TEXT]]>;
// CHECK-NEXT: <[[SPEC]]>:
// CHECK-NEXT: [[D:fortify\.[0-9]+]] = MEM[(char *)[[CURSOR]]];
// CHECK-NEXT: [[CURSOR]] = [[CURSOR]] + 1;
// CHECK-NEXT: if ([[D]] == 0) goto <[[PASS]]>; else goto <[[NOTEND2:D\.[0-9]+]]>;
// CHECK-NEXT: <[[NOTEND2]]>:
// CHECK-NEXT: if ([[D]] == 110) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[SKIP:D\.[0-9]+]]>;
// CHECK-NEXT: <[[SKIP]]>:
// The 26 characters of a specification go on scanning it: '0' first, 'I' last.
// CHECK-NEXT: if ([[D]] == 48) goto <[[SPEC]]>;
// CHECK-COUNT-24: if ([[D]] == {{[0-9]+}}) goto <[[SPEC]]>;
// CHECK: if ([[D]] == 73) goto <[[SPEC]]>; else goto <[[END:D\.[0-9]+]]>;
// CHECK-NEXT: <[[END]]>:
// CHECK-NEXT: goto <[[TEXT]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"format\x00printf\x00{{[^"]*}}format-scan.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00scanned"[0], 0, 0);
// CHECK-NEXT: <[[PASS]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = printf (f, n);
// CHECK-NEXT: return [[R]];
int scanned(const char *f, int *n) { return printf(f, n); }

// A writable global is no literal; syslog's format is its second argument.
// CHECK-LABEL: ;; Function others (
// CHECK: [[CURSOR:fortify\.[0-9]+]] = &writable;
// CHECK: __fortify_fail (&"format\x00fprintf\x00
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: fprintf (out, &writable, n);
// CHECK-NEXT: [[CURSOR2:fortify\.[0-9]+]] = f;
// CHECK: __fortify_fail (&"format\x00syslog\x00
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: syslog (3, f);
void others(FILE *out, const char *f, int *n) {
  fprintf(out, writable, n);
  syslog(3, f);
}

// snprintf has a bound and a format: both are checked before the call.
// CHECK-LABEL: ;; Function bounded (
// CHECK-DAG: __fortify_fail (&"write\x00snprintf\x00
// CHECK-DAG: __fortify_fail (&"format\x00snprintf\x00
// CHECK: [[R:D\.[0-9]+]] = snprintf (d, n, f);
// CHECK-NEXT: return [[R]];
int bounded(char *d, size_t n, const char *f) { return snprintf(d, n, f); }

// String literals, also an element's address, and read-only constant
// objects: no scan. (A literal plus an offset is scanned: a known bug,
// literal-offset-format.c.)
// CHECK-LABEL: ;; Function literals (
// CHECK-NEXT: {{^$}}
// CHECK-NEXT: void literals (int * n)
// CHECK-NEXT: {
// CHECK-NEXT: printf ("a%nb\n", n);
// CHECK-NEXT: printf (&"a%nb\n"[1], n);
// CHECK-NEXT: printf (&readonly, n);
// CHECK-NEXT: }
void literals(int *n) {
  printf("a%nb\n", n);
  printf(&"a%nb\n"[1], n);
  printf(readonly, n);
}

// After -O2 the scan stays for a format that is no literal (GCC turns the
// character tests into range and bit tests); literals leave nothing.
// O2-LABEL: ;; Function scanned (
// O2: MEM[(char *)
// O2: if ({{.*}} == 37)
// O2: __fortify_fail (&"format\x00printf\x00{{[^"]*}}"[0], 0, 0);
// O2: printf (f_{{[0-9]+}}(D), n_{{[0-9]+}}(D));
// O2-LABEL: ;; Function literals (
// O2-NOT: __fortify_fail
// O2: return;
