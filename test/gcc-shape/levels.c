// Which object size bounds a check, by level:
//   - raw data (memcpy, read ...) and every read: the whole object
//     (__builtin_object_size type 0), at every level;
//   - strings and text buffers (strncpy, snprintf's bound ...): the closest
//     subobject (type 1) from level 2, the whole object at level 1;
//   - level 3 also asks for sizes known only at run time (malloc(n)): the
//     instrumentation emits static queries, which fortify_dynamic_sizes
//     turns into __builtin_dynamic_object_size right before GCC's objsz
//     pass, after inlining; the program's own queries stay as written.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/l3- %s
// RUN: cat %t/l3-*.fortify | FileCheck %s --check-prefixes=CHECK,SUB
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=2 %plugin-dumps %t/l2- %s
// RUN: cat %t/l2-*.fortify | FileCheck %s --check-prefixes=CHECK,SUB
// RUN: %gcc-fortify -O0 -S -o /dev/null -fplugin-arg-fortify-level=1 %plugin-dumps %t/l1- %s
// RUN: cat %t/l1-*.fortify | FileCheck %s --check-prefixes=CHECK,WHOLE
// RUN: %gcc-fortify -O2 -S -o /dev/null %plugin-dumps %t/O2-l3- -fdump-tree-optimized=%t/O2-l3.optimized %s
// GCC 11 (no feature gcc-dynamic-sizes): level 3 is level 2, and the pass
// next to the early objsz (its instance 1) does nothing, so the dump that
// exists is the one before the late objsz (fortify_dynamic_sizes2).
// RUN: %if gcc-dynamic-sizes %{ cat %t/O2-l3-*.fortify_dynamic_sizes1 | FileCheck %s --check-prefix=DYNAMIC %} %else %{ cat %t/O2-l3-*.fortify_dynamic_sizes? | FileCheck %s --check-prefix=STATIC %}
// RUN: %if gcc-dynamic-sizes %{ FileCheck %s --check-prefix=RUNTIME < %t/O2-l3.optimized %} %else %{ FileCheck %s --check-prefix=NO-RUNTIME < %t/O2-l3.optimized %}
// RUN: %gcc-fortify -O2 -S -o /dev/null -fplugin-arg-fortify-level=2 %plugin-dumps %t/O2-l2- -fdump-tree-optimized=%t/O2-l2.optimized %s
// RUN: cat %t/O2-l2-*.fortify_dynamic_sizes? | FileCheck %s --check-prefix=STATIC
// RUN: FileCheck %s --check-prefix=NO-RUNTIME < %t/O2-l2.optimized
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct two {
  char a[8];
  char b[8];
} two;

// CHECK-LABEL: ;; Function member (
// CHECK: __builtin_object_size (&two.a, 0);
// CHECK: __fortify_fail (&"write\x00memcpy\x00
// Reads are checked from level 2.
// SUB: __builtin_object_size (s, 0);
// SUB: __fortify_fail (&"read\x00memcpy\x00
// CHECK: memcpy (&two.a, s, n);
// SUB-NEXT: __builtin_object_size (&two.a, 1);
// WHOLE-NEXT: __builtin_object_size (&two.a, 0);
// CHECK: __fortify_fail (&"write\x00strncpy\x00
// CHECK: strncpy (&two.a, s, n);
// SUB-NEXT: __builtin_object_size (&two.b, 1);
// WHOLE-NEXT: __builtin_object_size (&two.b, 0);
// CHECK: __fortify_fail (&"write\x00snprintf\x00
// CHECK: snprintf (&two.b, n, "%s", s);
// SUB-NEXT: __builtin_object_size (&two.a, 0);
// SUB: __fortify_fail (&"read\x00write\x00
// WHOLE-NEXT: write (1, &two.a, n);
// SUB: write (1, &two.a, n);
void member(const char *s, size_t n) {
  memcpy(two.a, s, n);
  strncpy(two.a, s, n);
  snprintf(two.b, n, "%s", s);
  write(1, two.a, n);
}

// DYNAMIC-LABEL: ;; Function own (
// DYNAMIC-NOT: __builtin_dynamic_object_size
// DYNAMIC: __builtin_object_size (p_{{[0-9]+}}(D), 0);
// STATIC-LABEL: ;; Function own (
size_t own(char *p) { return __builtin_object_size(p, 0); }

// DYNAMIC-LABEL: ;; Function heap (
// DYNAMIC: [[D:fortify\.[0-9_]+]] = __builtin_dynamic_object_size (p_{{[0-9]+}}, 0);
// DYNAMIC-NEXT: if ([[D]] < k_{{[0-9]+}}(D))
// DYNAMIC: __builtin_dynamic_object_size (s_{{[0-9]+}}(D), 0);
// STATIC-LABEL: ;; Function heap (
// STATIC-NOT: __builtin_dynamic_object_size
// STATIC: __builtin_object_size (p_{{[0-9]+}}, 0);
// STATIC-NOT: __builtin_dynamic_object_size
// Level 3 compares with malloc's argument; level 2 knows no size.
// RUNTIME-LABEL: ;; Function heap (
// RUNTIME: if (n_{{[0-9]+}}(D) < k_{{[0-9]+}}(D))
// RUNTIME: __fortify_fail (&"write\x00memcpy\x00{{[^"]*}}"[0], k_{{[0-9]+}}(D), n_{{[0-9]+}}(D));
// NO-RUNTIME-LABEL: ;; Function heap (
// NO-RUNTIME-NOT: __fortify_fail
// NO-RUNTIME: return
char *heap(const char *s, size_t n, size_t k) {
  char *p = malloc(n);
  memcpy(p, s, k);
  return p;
}
