// Unbounded: gets has no bound to check. A compile-time warning at the call
// names fgets, under GCC's own switch for writes (-Wstringop-overflow, which
// %gcc-fortify turns off), at every level and in every mode; the call is
// left as written, with no check around it.
// RUN: rm -rf %t && mkdir %t
// RUN: %gcc-fortify -O0 -S -o /dev/null -Wstringop-overflow %plugin-dumps %t/ %s 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=warning:
// RUN: cat %t/*.fortify | FileCheck %s
// RUN: %gcc-fortify -O2 -S -o /dev/null -Wstringop-overflow -fplugin-arg-fortify-level=1 -fplugin-arg-fortify-mode=abort %s 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=warning:
// RUN: %gcc-fortify -O2 -S -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=QUIET --allow-empty
// QUIET-NOT: gets
#include <stddef.h>

char *gets(char *s); // no longer declared by <stdio.h> from C11

// CHECK-LABEL: ;; Function local (
// CHECK-NOT: __builtin_object_size
// CHECK-NOT: __fortify_fail
// CHECK: gets (&b);
// CHECK-NOT: __fortify_fail
void local(void) {
  char b[16];
  // WARN: unbounded.c:[[@LINE+1]]:3: warning: {{.*}}gets{{.*}}fgets{{.*}} [-Wstringop-overflow=]
  gets(b);
}

// CHECK-LABEL: ;; Function parameter (
// CHECK-NOT: __builtin_object_size
// CHECK-NOT: __fortify_fail
// CHECK: [[R:D\.[0-9]+]] = gets (p);
// CHECK-NEXT: return [[R]];
// WARN: unbounded.c:[[@LINE+1]]:35: warning: {{.*}}gets{{.*}}fgets{{.*}} [-Wstringop-overflow=]
char *parameter(char *p) { return gets(p); }
