// With glibc's own _FORTIFY_SOURCE (the default CFLAGS of Fedora, Ubuntu,
// Arch), calls reach the pass through glibc's inline wrappers as __*_chk
// calls: those are left to glibc, so no call is checked twice. At -O0 glibc's
// fortify is off and the plugin's checks remain.
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=GLIBC
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=3 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=GLIBC
// RUN: %clang-fortify -O0 -D_FORTIFY_SOURCE=2 -Wno-#warnings -S -emit-llvm %s -o - | FileCheck %s --check-prefix=PLUGIN
// The overflow is still stopped (by glibc's runtime) and exact fits run clean.
// RUN: %clang-fortify -O2 -D_FORTIFY_SOURCE=2 %s -o %t
// RUN: %t 8 && not --crash %t 9
#include <stdlib.h>
#include <string.h>

char global[8];

// GLIBC-LABEL: define {{.*}}void @copy(
// GLIBC-NOT: @llvm.trap
// GLIBC: call ptr @__memcpy_chk(ptr {{.*}}@global, ptr {{.*}}, i64 {{.*}}, i64 noundef 8)
// GLIBC-NOT: @llvm.trap
// GLIBC: call ptr @__strcpy_chk(ptr {{.*}}@global, ptr {{.*}}, i64 noundef 8)
// GLIBC-NOT: @llvm.trap
// GLIBC: ret void
// PLUGIN-LABEL: define {{.*}}void @copy(
// PLUGIN-NOT: _chk
// PLUGIN: call void @llvm.trap()
// PLUGIN: call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}@global{{.*}}, !fortify.checked
// PLUGIN: call void @llvm.trap()
// PLUGIN: call ptr @strcpy(ptr {{.*}}@global{{.*}}, !fortify.checked
__attribute__((noinline)) void copy(const char *s, size_t n) {
  memcpy(global, s, n);
  strcpy(global, s + n);
}

int main(int argc, char **argv) {
  static const char text[] = "0123456789";
  copy(text, strtoul(argv[1], NULL, 10) > 8 ? 9 : 8);
  return 0;
}
