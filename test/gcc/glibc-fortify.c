// With glibc's own _FORTIFY_SOURCE (the default CFLAGS of Fedora, Ubuntu,
// Arch), calls reach the plugin through glibc's inline wrappers, which check
// them through __*_chk: those are left alone, so no call is checked twice.
// At -O0 glibc's fortify is off and the plugin's checks remain.
// RUN: %gcc-fortify -O2 -D_FORTIFY_SOURCE=2 -S -o /dev/null -fdump-tree-optimized=%t.F2 %s && FileCheck %s --check-prefix=GLIBC < %t.F2
// RUN: %gcc-fortify -O2 -D_FORTIFY_SOURCE=3 -S -o /dev/null -fdump-tree-optimized=%t.F3 %s && FileCheck %s --check-prefix=GLIBC < %t.F3
// RUN: %gcc-fortify -O0 -D_FORTIFY_SOURCE=2 -Wno-cpp -S -o /dev/null -fdump-tree-optimized=%t.O0 %s && FileCheck %s --check-prefix=PLUGIN < %t.O0
// The overflow is still stopped (by glibc's runtime) and exact fits run clean.
// RUN: %gcc-fortify -O2 -D_FORTIFY_SOURCE=2 %s -o %t
// RUN: %t 8 && not --crash %t 9
#include <stdlib.h>
#include <string.h>

char global[8];

// GLIBC-LABEL: ;; Function copy
// GLIBC-NOT: __builtin_trap
// GLIBC: __builtin___memcpy_chk (&global, s_{{[0-9]+}}(D), n_{{[0-9]+}}(D), 8)
// GLIBC-NOT: __builtin_trap
// GLIBC: __builtin___strcpy_chk (&global, _{{[0-9]+}}, 8)
// GLIBC-NOT: __builtin_trap
// GLIBC: return;
// PLUGIN-LABEL: ;; Function copy
// PLUGIN-NOT: _chk
// PLUGIN: __builtin_trap
// PLUGIN: memcpy (&global
// PLUGIN: __builtin_trap
// PLUGIN: strcpy (&global
__attribute__((noinline)) void copy(const char *s, size_t n) {
  memcpy(global, s, n);
  strcpy(global, s + n);
}

int main(int argc, char **argv) {
  static const char text[] = "0123456789";
  copy(text, strtoul(argv[1], NULL, 10) > 8 ? 9 : 8);
  return 0;
}
