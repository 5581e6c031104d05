// FormattedWrite: sprintf and vsprintf have no bound. With a known
// destination size the call goes through the bounded sibling (snprintf,
// vsnprintf) with the size inserted after the destination, and stops when
// the output did not fit (r >= 0 && r >= size, needing r + 1 bytes); its
// result is the call's. With an unknown size the original call is made
// unchanged. A literal format is not scanned for %n; vsprintf's is, before
// the rewrite (level 2 and up). A unit that defines the sibling itself is
// left alone: the sibling may be built on the very call being rewritten.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/l3- %s
// RUN: cat %t/l3-*.fortify | FileCheck %s --check-prefixes=CHECK,SUB
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefixes=CHECK,WHOLE
// RUN: %gcc-fortify -O0 -S -o /dev/null -DDEFINES_SIBLINGS %plugin-dumps %t/own- %s
// RUN: cat %t/own-*.fortify | FileCheck %s --check-prefix=OWN
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
#include <stdarg.h>
#include <stdio.h>

char buf[16];

#ifdef DEFINES_SIBLINGS
int snprintf(char *d, size_t n, const char *f, ...) { return 0; }
int vsnprintf(char *d, size_t n, const char *f, va_list ap) { return 0; }
#endif

// OWN-LABEL: ;; Function formatted (
// OWN-NEXT: {{^$}}
// OWN-NEXT: int formatted (const char * s, int x)
// OWN-NEXT: {
// OWN-NEXT: int [[RESULT:D\.[0-9]+]];
// OWN-EMPTY:
// OWN-NEXT: [[RESULT]] = sprintf (&buf, "%s-%d", s, x);
// OWN-NEXT: return [[RESULT]];
// CHECK-LABEL: ;; Function formatted (
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&buf, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&buf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[PLAIN:D\.[0-9]+]]>; else goto <[[BOUNDED:D\.[0-9]+]]>;
// CHECK-NEXT: <[[BOUNDED]]>:
// CHECK-NEXT: [[R:fortify\.[0-9]+]] = __builtin_snprintf (&buf, [[S]], "%s-%d", s, x);
// CHECK-NEXT: if ([[R]] < 0) goto <[[FITS:D\.[0-9]+]]>; else goto <[[WROTE:D\.[0-9]+]]>;
// CHECK-NEXT: <[[WROTE]]>:
// CHECK-NEXT: [[RS:fortify\.[0-9]+]] = (long unsigned int) [[R]];
// CHECK-NEXT: if ([[RS]] >= [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[FITS]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: [[RS2:fortify\.[0-9]+]] = (long unsigned int) [[R]];
// CHECK-NEXT: [[N:fortify\.[0-9]+]] = [[RS2]] + 1;
// CHECK-NEXT: __fortify_fail (&"write\x00sprintf\x00{{[^"]*}}formatted-write.c\x00[[@LINE+8]]\x00{{[0-9]+}}\x00formatted"[0], [[N]], [[S]]);
// CHECK-NEXT: <[[FITS]]>:
// CHECK-NEXT: [[RESULT:D\.[0-9]+]] = [[R]];
// CHECK-NEXT: goto <[[DONE:D\.[0-9]+]]>;
// CHECK-NEXT: <[[PLAIN]]>:
// CHECK-NEXT: [[RESULT]] = sprintf (&buf, "%s-%d", s, x);
// CHECK-NEXT: <[[DONE]]>:
// CHECK-NEXT: return [[RESULT]];
int formatted(const char *s, int x) { return sprintf(buf, "%s-%d", s, x); }

// vsprintf: its format is no literal, so it is scanned for %n first (see
// format-scan.c; not at level 1), then the call goes through vsnprintf.
// CHECK-LABEL: ;; Function vformatted (
// SUB: __fortify_fail (&"format\x00vsprintf\x00{{[^"]*}}"[0], 0, 0);
// WHOLE-NOT: "format\x00
// SUB: [[S:fortify\.[0-9]+]] = __builtin_object_size (&buf, 1);
// WHOLE: [[S:fortify\.[0-9]+]] = __builtin_object_size (&buf, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[PLAIN:D\.[0-9]+]]>; else goto <[[BOUNDED:D\.[0-9]+]]>;
// CHECK-NEXT: <[[BOUNDED]]>:
// CHECK-NEXT: [[R:fortify\.[0-9]+]] = __builtin_vsnprintf (&buf, [[S]], f, ap);
// CHECK: __fortify_fail (&"write\x00vsprintf\x00
// CHECK: [[RESULT:D\.[0-9]+]] = [[R]];
// CHECK: [[RESULT]] = vsprintf (&buf, f, ap);
// OWN-LABEL: ;; Function vformatted (
// OWN-NOT: vsnprintf
// OWN: vsprintf (&buf, f, ap);
int vformatted(const char *f, va_list ap) { return vsprintf(buf, f, ap); }

// An unused result: both paths join with nothing to assign.
// CHECK-LABEL: ;; Function unused (
// CHECK: __builtin_snprintf (&buf,
// CHECK: __fortify_fail (&"write\x00sprintf\x00
// CHECK-NEXT: <[[FITS:D\.[0-9]+]]>:
// CHECK-NEXT: goto <[[DONE:D\.[0-9]+]]>;
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: sprintf (&buf, "%d", x);
// CHECK-NEXT: <[[DONE]]>:
// CHECK-NEXT: }
void unused(int x) { sprintf(buf, "%d", x); }

// A result the gimplifier already made an SSA name (GCC's torture test
// pr78586) keeps a single definition: both paths set a temporary, which
// defines it after the join.
// CHECK-LABEL: ;; Function ssa_result (
// CHECK: [[R:fortify\.[0-9]+]] = __builtin_snprintf (&a,
// CHECK: [[JOINED:fortify\.[0-9]+]] = [[R]];
// CHECK: [[JOINED]] = __builtin_sprintf (&a, "%lu", x);
// CHECK-NEXT: <{{D\.[0-9]+}}>:
// CHECK-NEXT: [[SSA:_[0-9]+]] = [[JOINED]];
// CHECK-NEXT: b = (long unsigned int) [[SSA]];
void ssa_result(unsigned long x) {
  char a[30];
  unsigned long b = __builtin_sprintf(a, "%lu", x);
  if (b != 4)
    __builtin_abort();
}

// After -O2: an unknown size keeps sprintf alone; a known one leaves only
// snprintf with the size and the comparison with it.
// O2-LABEL: ;; Function unknown (
// O2-NOT: snprintf
// O2-NOT: __fortify_fail
// O2: [[R:_[0-9]+]] = sprintf (d_{{[0-9]+}}(D), "%s-%d", s_{{[0-9]+}}(D), x_{{[0-9]+}}(D));
// O2-NEXT: return [[R]];
int unknown(char *d, const char *s, int x) { return sprintf(d, "%s-%d", s, x); }

// O2-LABEL: ;; Function known (
// O2-NOT: sprintf (
// O2: [[R:fortify\.[0-9_]+]] = __builtin_snprintf (&buf, 16, "%s-%d", s_{{[0-9]+}}(D), x_{{[0-9]+}}(D));
// O2: if ({{.*}} > 15)
// O2: __fortify_fail (&"write\x00sprintf\x00{{[^"]*}}"[0], {{[^,]+}}, 16);
// O2-NOT: sprintf (
// O2: return [[R]];
int known(const char *s, int x) { return sprintf(buf, "%s-%d", s, x); }

// Output GCC can count: fitting exactly leaves no check (and no sprintf);
// one byte more always fails, after snprintf wrote what fit.
// O2-LABEL: ;; Function fits (
// O2-NOT: __fortify_fail
// O2-NOT: sprintf (
// O2: return 15;
int fits(void) { return sprintf(buf, "%s", "fifteen chars.."); }

// O2-LABEL: ;; Function one_over (
// O2: __builtin_snprintf (&buf, 16, "%s", "sixteen chars...");
// O2-NEXT: __fortify_fail (&"write\x00sprintf\x00{{[^"]*}}"[0], 17, 16);
int one_over(void) { return sprintf(buf, "%s", "sixteen chars..."); }
