// ReadKind StringResult (level 2 and up, unless reads=off): the string must
// end inside its object, checked after the call on its result, which costs
// no extra scan: strlen's result r means r + 1 bytes were read, strnlen(s,
// n)'s min(r + 1, n). An unknown size (-1) never compares lower, so no
// guard is needed. A call whose result is unused is not checked.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/on- %s
// RUN: cat %t/on-*.fortify | FileCheck %s
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-reads=off %plugin-dumps %t/off- %s
// RUN: cat %t/off-*.fortify | FileCheck %s --check-prefix=OFF
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefix=OFF
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
// OFF-NOT: __builtin_object_size
// OFF-NOT: __fortify_fail
#include <stdlib.h>
#include <string.h>

char buf[16];
void use(char *);

// CHECK-LABEL: ;; Function length (
// CHECK: [[R:D\.[0-9]+]] = strlen (s);
// CHECK-NEXT: [[S:fortify\.[0-9]+]] = __builtin_object_size (s, 0);
// CHECK-NEXT: [[READ:fortify\.[0-9]+]] = [[R]] + 1;
// CHECK-NEXT: if ([[READ]] > [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[PASS:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"read\x00strlen\x00{{[^"]*}}string-result.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00length"[0], [[READ]], [[S]]);
// CHECK-NEXT: <[[PASS]]>:
// CHECK-NEXT: return [[R]];
// CHECK-NEXT: }
size_t length(const char *s) { return strlen(s); }

// CHECK-LABEL: ;; Function bounded (
// CHECK: [[R:D\.[0-9]+]] = strnlen (s, n);
// CHECK-NEXT: [[S:fortify\.[0-9]+]] = __builtin_object_size (s, 0);
// CHECK-NEXT: [[PLUS:fortify\.[0-9]+]] = [[R]] + 1;
// CHECK-NEXT: [[READ:fortify\.[0-9]+]] = MIN_EXPR <[[PLUS]], n>;
// CHECK-NEXT: if ([[READ]] > [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[PASS:D\.[0-9]+]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: __fortify_fail (&"read\x00strnlen\x00{{[^"]*}}\x00[[@LINE+4]]\x00{{[0-9]+}}\x00bounded"[0], [[READ]], [[S]]);
// CHECK-NEXT: <[[PASS]]>:
// CHECK-NEXT: return [[R]];
// CHECK-NEXT: }
size_t bounded(const char *s, size_t n) { return strnlen(s, n); }

// CHECK-LABEL: ;; Function unused (
// CHECK-NOT: __builtin_object_size
// CHECK: strlen (s);
// CHECK-NOT: __builtin_object_size
// CHECK: ;; Function
void unused(const char *s) { strlen(s); }

// After -O2: unknown sizes leave nothing; a heap object keeps the run-time
// comparison, with its size. For a declared array GCC assumes strlen(a) <
// sizeof a (and strnlen's result likewise) and folds the check away: only
// heap and VLA over-reads are stopped there (test/functions/read-strlen.c).
// O2-LABEL: ;; Function unknown (
// O2-NOT: __fortify_fail
// O2: return
size_t unknown(const char *s, size_t n) { return strlen(s) + strnlen(s, n); }

// O2-LABEL: ;; Function heap (
// O2: [[R:_[0-9]+]] = strlen (p_{{[0-9]+}});
// O2-NEXT: [[READ:fortify\.[0-9_]+]] = [[R]] + 1;
// O2-NEXT: if ([[READ]] > 16)
// O2: __fortify_fail (&"read\x00strlen\x00{{[^"]*}}"[0], [[READ]], 16);
size_t heap(void) {
  char *p = malloc(16);
  use(p);
  return strlen(p);
}

// O2-LABEL: ;; Function declared (
// O2-NOT: __fortify_fail
// O2: return
size_t declared(void) { return strlen(buf) + strnlen(buf, 17); }
