// OpenMode: open without a mode argument. Flags that may ask for O_CREAT or
// O_TMPFILE ((flags & (0100 | 020000000)) != 0) stop at run time, the
// failure path passing no sizes (0, 0); openat's flags are its third
// argument. With a mode argument, or constant flags that need none, nothing
// is checked; constant flags that need one are a compile-time error.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/ %s
// RUN: cat %t/*.fortify | FileCheck %s
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
// RUN: not %gcc-fortify -O0 -S -o /dev/null -DCONSTANT_CREAT %s 2>&1 | FileCheck %s --check-prefix=ERROR
#define _GNU_SOURCE // O_TMPFILE
#include <fcntl.h>

// CHECK-LABEL: ;; Function runtime_flags (
// CHECK: [[M:fortify\.[0-9]+]] = flags & 4194368;
// CHECK-NEXT: if ([[M]] != 0) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"open\x00open\x00{{[^"]*}}open-mode.c\x00[[@LINE+11]]\x00{{[0-9]+}}\x00runtime_flags"[0], 0, 0);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: open (p, flags);
// CHECK-NEXT: [[M2:fortify\.[0-9]+]] = flags & 4194368;
// CHECK-NEXT: if ([[M2]] != 0) goto <[[FAIL2:D\.[0-9]+]]>; else goto <[[CALL2:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL2]]>:
// CHECK-NEXT: __fortify_fail (&"open\x00openat\x00{{[^"]*}}open-mode.c\x00[[@LINE+6]]\x00{{[0-9]+}}\x00runtime_flags"[0], 0, 0);
// CHECK-NEXT: <[[CALL2]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = openat (3, p, flags);
// CHECK-NEXT: return [[R]];
int runtime_flags(const char *p, int flags) {
  open(p, flags);
  return openat(3, p, flags);
}

// With a mode, or with constant flags that need none: nothing.
// CHECK-LABEL: ;; Function no_check (
// CHECK-NEXT: {{^$}}
// CHECK-NEXT: void no_check (const char * p, int flags)
// CHECK-NEXT: {
// CHECK-NEXT: open (p, flags, 420);
// CHECK-NEXT: open (p, 577, 420);
// CHECK-NEXT: open (p, 2);
// CHECK-NEXT: openat (3, p, 65, 384);
void no_check(const char *p, int flags) {
  open(p, flags, 0644);
  open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  open(p, O_RDWR);
  openat(3, p, O_WRONLY | O_CREAT, 0600);
}

// After -O2 the run-time test stays.
// O2-LABEL: ;; Function runtime_flags (
// O2: [[M:fortify\.[0-9_]+]] = flags_{{[0-9]+}}(D) & 4194368;
// O2-NEXT: if ([[M]] != 0)
// O2: __fortify_fail (&"open\x00open\x00{{[^"]*}}"[0], 0, 0);
// O2-LABEL: ;; Function no_check (
// O2-NOT: __fortify_fail
// O2: return;

#ifdef CONSTANT_CREAT
// ERROR: open-mode.c:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}open{{.*}}O_CREAT{{.*}}O_TMPFILE{{.*}}mode
int constant_creat(const char *p) { return open(p, O_WRONLY | O_CREAT); }
// ERROR: open-mode.c:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}openat{{.*}}O_CREAT{{.*}}O_TMPFILE{{.*}}mode
int constant_tmpfile(const char *p) { return openat(3, p, O_RDWR | O_TMPFILE); }
#endif
