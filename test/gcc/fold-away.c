// Checks that provably fit, or whose size is unknown, leave no code behind;
// checks with a run-time size stay; a provable overflow becomes a trap; the
// strlen of a strcpy check only runs when the destination size is known.
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t.O2 %s && FileCheck %s --check-prefixes=CHECK,O2 < %t.O2
// RUN: %gcc-fortify -O0 -S -o /dev/null -fdump-tree-optimized=%t.O0 %s && FileCheck %s --check-prefixes=CHECK,O0 < %t.O0
#include <stdlib.h>
#include <string.h>

char global[16];

// CHECK-LABEL: ;; Function fits
// CHECK-NOT: __builtin_trap
// CHECK: return;
void fits(const char *s) { memcpy(global, s, 16); }

// CHECK-LABEL: ;; Function fits_zero
// CHECK-NOT: __builtin_trap
// CHECK: return;
void fits_zero(const char *s) { memset(global, 0, 0); }

// CHECK-LABEL: ;; Function unknown_size
// CHECK-NOT: __builtin_trap
// CHECK: memcpy (
// CHECK-NOT: __builtin_trap
// CHECK: return;
void unknown_size(char *d, const char *s, size_t n) { memcpy(d, s, n); }

// CHECK-LABEL: ;; Function unknown_strcpy
// CHECK-NOT: strlen
// CHECK-NOT: __builtin_trap
// CHECK: strcpy (
// CHECK-NOT: __builtin_trap
// CHECK: return;
void unknown_strcpy(char *d, const char *s) { strcpy(d, s); }

// CHECK-LABEL: ;; Function unknown_strcat
// CHECK-NOT: strlen
// CHECK-NOT: __builtin_trap
// CHECK: strcat (
// CHECK: return;
void unknown_strcat(char *d, const char *s) { strcat(d, s); }

// CHECK-LABEL: ;; Function overflows
// CHECK: __builtin_trap
void overflows(const char *s) { memcpy(global, s, 17); }

// A size known only at run time keeps a comparison against it.
// CHECK-LABEL: ;; Function dynamic
// CHECK: malloc (
// O2: if (n_{{[0-9]+}}(D) < k_{{[0-9]+}}(D))
// O0: if (k_{{[0-9]+}}(D) > _{{[0-9]+}})
// CHECK: __builtin_trap
// CHECK: memcpy (
char *dynamic(const char *s, size_t n, size_t k) {
  char *p = malloc(n);
  memcpy(p, s, k);
  return p;
}

// CHECK-LABEL: ;; Function strcpy_known
// CHECK: strlen
// CHECK: __builtin_trap
void strcpy_known(const char *s) { strcpy(global, s); }
