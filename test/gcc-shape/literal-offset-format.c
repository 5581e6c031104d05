// A string literal plus a constant offset is a literal format: glibc
// (_FORTIFY_SOURCE=2) allows %n in a read-only format, and so do both
// plugins. The gimplifier puts `"a%nb\n" + 1` in a temporary
// (_1 = "a%nb\n" + 1) before the plugin runs; the plugin follows it. The
// Clang side: test/clang/format-scan.ll (a literal at a constant offset).
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null %plugin-dumps %t/ %s
// RUN: cat %t/*.fortify | FileCheck %s
// RUN: %gcc-fortify -O2 -S -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=QUIET --allow-empty
// QUIET-NOT: warning
#include <stdio.h>

// CHECK-LABEL: ;; Function literal_offset (
// CHECK-NOT: MEM[(char *)
// CHECK-NOT: __fortify_fail
// CHECK: printf (
int literal_offset(int *n) { return printf("a%nb\n" + 1, n); }
