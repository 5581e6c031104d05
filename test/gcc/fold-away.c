// Checks that provably fit, or whose size is unknown, leave no code behind;
// checks with a run-time size stay; a provable overflow always fails; the
// strlen of a strcpy check only runs when the destination size is known.
// The "optimized" dump is taken before the plugin's last pass turns the
// failure markers (__fortify_fail) into traps.
// GCC 11 (no feature gcc-dynamic-sizes) has no size known only at run time:
// there the dynamic check folds away as unknown (STATIC).
// RUN: %gcc-fortify -O2 -S -o /dev/null -fdump-tree-optimized=%t.O2 %s
// RUN: %if gcc-dynamic-sizes %{ FileCheck %s --check-prefixes=CHECK,DYNAMIC,O2 < %t.O2 %} %else %{ FileCheck %s --check-prefixes=CHECK,STATIC < %t.O2 %}
// RUN: %gcc-fortify -O0 -S -o /dev/null -fdump-tree-optimized=%t.O0 %s
// RUN: %if gcc-dynamic-sizes %{ FileCheck %s --check-prefixes=CHECK,DYNAMIC,O0 < %t.O0 %} %else %{ FileCheck %s --check-prefixes=CHECK,STATIC < %t.O0 %}
#include <stdlib.h>
#include <string.h>

char global[16];

// CHECK-LABEL: ;; Function fits
// CHECK-NOT: __fortify_fail
// CHECK: return;
void fits(const char *s) { memcpy(global, s, 16); }

// CHECK-LABEL: ;; Function fits_zero
// CHECK-NOT: __fortify_fail
// CHECK: return;
void fits_zero(const char *s) { memset(global, 0, 0); }

// CHECK-LABEL: ;; Function unknown_size
// CHECK-NOT: __fortify_fail
// CHECK: memcpy (
// CHECK-NOT: __fortify_fail
// CHECK: return;
void unknown_size(char *d, const char *s, size_t n) { memcpy(d, s, n); }

// CHECK-LABEL: ;; Function unknown_strcpy
// CHECK-NOT: strlen
// CHECK-NOT: __fortify_fail
// CHECK: strcpy (
// CHECK-NOT: __fortify_fail
// CHECK: return;
void unknown_strcpy(char *d, const char *s) { strcpy(d, s); }

// CHECK-LABEL: ;; Function unknown_strcat
// CHECK-NOT: strlen
// CHECK-NOT: __fortify_fail
// CHECK: strcat (
// CHECK: return;
void unknown_strcat(char *d, const char *s) { strcat(d, s); }

// CHECK-LABEL: ;; Function overflows
// CHECK: __fortify_fail
void overflows(const char *s) { memcpy(global, s, 17); }

// A size known only at run time keeps a comparison against it.
// CHECK-LABEL: ;; Function dynamic
// CHECK: malloc (
// O2: if (n_{{[0-9]+}}(D) < k_{{[0-9]+}}(D))
// O0: if (k_{{[0-9]+}}(D) > _{{[0-9]+}})
// DYNAMIC: __fortify_fail
// STATIC-NOT: __fortify_fail
// CHECK: memcpy (
char *dynamic(const char *s, size_t n, size_t k) {
  char *p = malloc(n);
  memcpy(p, s, k);
  return p;
}

// CHECK-LABEL: ;; Function strcpy_known
// CHECK: strlen
// CHECK: __fortify_fail
void strcpy_known(const char *s) { strcpy(global, s); }

// The kinds added for the stdio, unistd and wide families fold away too.
#include <stdio.h>
#include <wchar.h>
#include <fcntl.h>

// CHECK-LABEL: ;; Function unknown_sprintf
// CHECK-NOT: snprintf
// CHECK-NOT: __fortify_fail
// CHECK: sprintf (
// CHECK: return
int unknown_sprintf(char *d, const char *s) { return sprintf(d, "%s", s); }

// CHECK-LABEL: ;; Function known_sprintf
// CHECK: snprintf (&global, 16,
// CHECK: __fortify_fail
int known_sprintf(const char *s) { return sprintf(global, "%s", s); }

// CHECK-LABEL: ;; Function unknown_fread
// CHECK-NOT: /
// CHECK-NOT: __fortify_fail
// CHECK: fread (
// CHECK: return
size_t unknown_fread(char *d, size_t a, size_t b, FILE *f) { return fread(d, a, b, f); }

// CHECK-LABEL: ;; Function unknown_wcscpy
// CHECK-NOT: wcslen
// CHECK-NOT: __fortify_fail
// CHECK: wcscpy (
// CHECK: return
wchar_t *unknown_wcscpy(wchar_t *d, const wchar_t *s) { return wcscpy(d, s); }

// CHECK-LABEL: ;; Function unknown_strlen
// CHECK-NOT: __fortify_fail
// CHECK: strlen (
// CHECK-NOT: __fortify_fail
// CHECK: return
size_t unknown_strlen(const char *s) { return strlen(s); }

// CHECK-LABEL: ;; Function literal_printf
// CHECK-NOT: __fortify_fail
// CHECK: return
void literal_printf(int *n) { printf("%d%n\n", 1, n); }

// CHECK-LABEL: ;; Function open_with_mode
// CHECK-NOT: __fortify_fail
// CHECK: open (
// CHECK: return
int open_with_mode(const char *path, int flags) { return open(path, flags | O_CREAT, 0600); }

// CHECK-LABEL: ;; Function unknown_wcrtomb
// CHECK-NOT: __ctype_get_mb_cur_max
// CHECK-NOT: __fortify_fail
// CHECK: wcrtomb (
// CHECK: return
size_t unknown_wcrtomb(char *d, mbstate_t *st) { return wcrtomb(d, L'a', st); }
