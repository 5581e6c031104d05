// With glibc's own _FORTIFY_SOURCE (the default CFLAGS of Fedora, Ubuntu,
// Arch), calls reach the plugins through glibc's inline wrappers, which check
// them through __*_chk: those are left to glibc, so no call is checked twice.
// At -O0 glibc's fortify is off and the plugins' checks remain (inline; in
// mode=chk __*_chk calls, test/gcc-shape/mode-chk.c).
// UNSUPPORTED: mode-chk
// RUN: %gcc-fortify -O2 -D_FORTIFY_SOURCE=2 -S -o /dev/null -fdump-tree-optimized=%t.F2 %s && FileCheck %s --check-prefix=GCC-GLIBC < %t.F2
// RUN: %gcc-fortify -O2 -D_FORTIFY_SOURCE=3 -S -o /dev/null -fdump-tree-optimized=%t.F3 %s && FileCheck %s --check-prefix=GCC-GLIBC < %t.F3
// RUN: %gcc-fortify -O0 -D_FORTIFY_SOURCE=2 -Wno-cpp -S -o /dev/null -fdump-tree-optimized=%t.O0 %s && FileCheck %s --check-prefix=GCC-PLUGIN < %t.O0
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=CLANG-GLIBC
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=3 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=CLANG-GLIBC
// RUN: %clang-fortify -O0 -D_FORTIFY_SOURCE=2 -Wno-#warnings -S -emit-llvm %s -o - | FileCheck %s --check-prefix=CLANG-PLUGIN
// The overflow is still stopped (by glibc's runtime) and exact fits run clean.
// RUN: %gcc-fortify -O2 -D_FORTIFY_SOURCE=2 %s -o %t.gcc && %t.gcc 8 && not --crash %t.gcc 9
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 %s -o %t.clang && %t.clang 8 && not --crash %t.clang 9
#include <stdlib.h>
#include <string.h>

char global[8];

// GCC-GLIBC-LABEL: ;; Function copy
// GCC-GLIBC-NOT: __fortify_fail
// GCC-GLIBC: __builtin___memcpy_chk (&global, s_{{[0-9]+}}(D), n_{{[0-9]+}}(D), 8)
// GCC-GLIBC-NOT: __fortify_fail
// GCC-GLIBC: __builtin___strcpy_chk (&global, _{{[0-9]+}}, 8)
// GCC-GLIBC-NOT: __fortify_fail
// GCC-GLIBC: return;
// GCC-PLUGIN-LABEL: ;; Function copy
// GCC-PLUGIN-NOT: _chk
// GCC-PLUGIN: __fortify_fail
// GCC-PLUGIN: memcpy (&global
// GCC-PLUGIN: __fortify_fail
// GCC-PLUGIN: strcpy (&global
// LLVM 14 keeps an array's address as a constant GEP to its first element.
// CLANG-GLIBC-LABEL: define {{.*}}void @copy(
// CLANG-GLIBC-NOT: @llvm.trap
// CLANG-GLIBC: call ptr @__memcpy_chk(ptr {{.*}}@global{{(, i64 0, i64 0\))?}}, ptr {{.*}}, i64 {{.*}}, i64 noundef 8)
// CLANG-GLIBC-NOT: @llvm.trap
// CLANG-GLIBC: call ptr @__strcpy_chk(ptr {{.*}}@global{{(, i64 0, i64 0\))?}}, ptr {{.*}}, i64 noundef 8)
// CLANG-GLIBC-NOT: @llvm.trap
// CLANG-GLIBC: ret void
// CLANG-PLUGIN-LABEL: define {{.*}}void @copy(
// CLANG-PLUGIN-NOT: _chk
// CLANG-PLUGIN: call void @llvm.trap()
// CLANG-PLUGIN: call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}@global{{.*}}, !fortify.checked
// CLANG-PLUGIN: call void @llvm.trap()
// CLANG-PLUGIN: call ptr @strcpy(ptr {{.*}}@global{{.*}}, !fortify.checked
__attribute__((noinline)) void copy(const char *s, size_t n) {
  memcpy(global, s, n);
  strcpy(global, s + n);
}

int main(int argc, char **argv) {
  static const char text[] = "0123456789";
  copy(text, strtoul(argv[1], NULL, 10) > 8 ? 9 : 8);
  return 0;
}
