// ReadKind String (level 2 and up, unless reads=off): strchr and strrchr
// scan their string, which must end inside its object. Checked before the
// call, once the size is known, with strnlen(s, size): a result equal to
// the size means the scan would leave the object (size + 1 bytes read).
// The bound is the whole object (type 0).
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/on- %s
// RUN: cat %t/on-*.fortify | FileCheck %s
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-reads=off %plugin-dumps %t/off- %s
// RUN: cat %t/off-*.fortify | FileCheck %s --check-prefix=OFF
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefix=OFF
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t/O2 %s
// RUN: FileCheck %s --check-prefix=O2 < %t/O2
// OFF-NOT: strnlen
// OFF-NOT: __fortify_fail
#include <stdlib.h>
#include <string.h>

struct two {
  char a[8];
  char b[8];
} two;
void use(char *);

// CHECK-LABEL: ;; Function find (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (&two.a, 0);
// CHECK-NEXT: if ([[S]] == 18446744073709551615) goto <[[CALL:D\.[0-9]+]]>; else goto <[[KNOWN:D\.[0-9]+]]>;
// CHECK-NEXT: <[[KNOWN]]>:
// CHECK-NEXT: [[L:fortify\.[0-9]+]] = __builtin_strnlen (&two.a, [[S]]);
// CHECK-NEXT: if ([[L]] >= [[S]]) goto <[[FAIL:D\.[0-9]+]]>; else goto <[[CALL]]>;
// CHECK-NEXT: <[[FAIL]]>:
// CHECK-NEXT: [[N:fortify\.[0-9]+]] = [[L]] + 1;
// CHECK-NEXT: __fortify_fail (&"read\x00strchr\x00{{[^"]*}}read-string.c\x00[[@LINE+4]]\x00{{[0-9]+}}\x00find"[0], [[N]], [[S]]);
// CHECK-NEXT: <[[CALL]]>:
// CHECK-NEXT: [[R:D\.[0-9]+]] = strchr (&two.a, c);
// CHECK-NEXT: return [[R]];
char *find(int c) { return strchr(two.a, c); }

// CHECK-LABEL: ;; Function find_last (
// CHECK: [[S:fortify\.[0-9]+]] = __builtin_object_size (s, 0);
// CHECK: [[L:fortify\.[0-9]+]] = __builtin_strnlen (s, [[S]]);
// CHECK-NEXT: if ([[L]] >= [[S]])
// CHECK: __fortify_fail (&"read\x00strrchr\x00
// CHECK: strrchr (s, c);
char *find_last(const char *s, int c) { return strrchr(s, c); }

// After -O2: an unknown size leaves no strnlen; a heap object is measured
// against its size at run time.
// O2-LABEL: ;; Function unknown (
// O2-NOT: strnlen
// O2-NOT: __fortify_fail
// O2: return
char *unknown(const char *s, int c) { return strchr(s, c); }

// O2-LABEL: ;; Function heap (
// O2: [[L:fortify\.[0-9_]+]] = __builtin_strnlen (p_{{[0-9]+}}, 16);
// O2-NEXT: if ([[L]] == 16)
// O2: __fortify_fail (&"read\x00strchr\x00{{[^"]*}}"[0], {{[^,]+}}, 16);
// O2: strchr (p_{{[0-9]+}}, 120);
char *heap(void) {
  char *p = malloc(16);
  use(p);
  return strchr(p, 'x');
}
