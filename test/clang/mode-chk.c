// mode=chk in the Clang plugin: the calls of test/gcc-shape/mode-chk.c (the
// same source) become glibc's entry points with the plugin's size where a
// run-time check is needed; unknown sizes and copies that fit stay plain
// calls (LLVM's own folding at -O2, the finishing pass at -O0); the flag of
// the printf family is 1 from level 2; the over-read stays inline.
// RUN: %clang-fortify -O2 -g0 -fplugin-arg-fortify-mode=chk -S -emit-llvm %S/../gcc-shape/mode-chk.c -o - | FileCheck %s --check-prefixes=CHECK,O2
// RUN: %clang-fortify -O0 -g0 -fplugin-arg-fortify-mode=chk -S -emit-llvm %S/../gcc-shape/mode-chk.c -o - | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang-fortify -O2 -g0 -fplugin-arg-fortify-mode=chk -fplugin-arg-fortify-level=1 -S -emit-llvm %S/../gcc-shape/mode-chk.c -o - | FileCheck %s --check-prefix=L1

// LLVM 14 keeps an array's address as a constant GEP to its first element.
// CHECK-LABEL: define {{.*}} @copy(
// CHECK: call ptr @__memcpy_chk(ptr {{.*}}@global{{(, i64 0, i64 0\))?}}, ptr %{{[0-9]+}}, i64 %{{[0-9]+}}, i64 16)
// CHECK-LABEL: define {{.*}} @member(
// CHECK: call ptr @__strcpy_chk(ptr {{.*}}@pair, {{.*}}, ptr %{{[0-9]+}}, i64 8)
// L1-LABEL: define {{.*}} @member(
// L1: call ptr @__strcpy_chk(ptr {{.*}}@pair, {{.*}}, ptr %{{[0-9]+}}, i64 16)
// O2-LABEL: define {{.*}} @heap(
// O2: call i64 @__read_chk(i32 0, ptr %{{[0-9]+}}, i64 %1, i64 %0)
// CHECK-LABEL: define {{.*}} @wide(
// O2: call ptr @__wmemcpy_chk(ptr {{.*}}%{{[0-9]+}}, ptr %0, i64 %1, i64 4)
// At -O0 the size in wide characters is a select of the lowered size.
// O0: select i1 false, i64 16, i64 4
// O0-NEXT: call ptr @__wmemcpy_chk(ptr %{{[0-9]+}}, ptr %{{[0-9]+}}, i64 %{{[0-9]+}}, i64 %{{[0-9]+}})
// CHECK-LABEL: define {{.*}} @formats(
// CHECK: call i32 (ptr, i64, i32, i64, ptr, ...) @__snprintf_chk(ptr {{.*}}@global{{(, i64 0, i64 0\))?}}, i64 %{{[0-9]+}}, i32 1, i64 16, ptr {{.*}}@.str{{(, i64 0, i64 0\))?}}, ptr %{{[0-9]+}})
// CHECK: call i32 (i32, ptr, ...) @__printf_chk(i32 1, ptr %{{[0-9]+}}, i32 1)
// CHECK: call i32 (ptr, ...) @printf(
// L1-LABEL: define {{.*}} @formats(
// L1: @__snprintf_chk(ptr {{.*}}@global{{(, i64 0, i64 0\))?}}, i64 %1, i32 0, i64 16,
// L1: call i32 (ptr, ...) @printf(
// CHECK-LABEL: define {{.*}} @plain(
// CHECK-NOT: _chk
// CHECK-LABEL: define {{.*}} @over_read(
// CHECK: call i64 @write(i32 2,
// CHECK: call void @abort()
// CHECK-NOT: _chk
// CHECK: ret void
