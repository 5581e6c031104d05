// -fplugin= alone turns the checks on, -fpass-plugin= alone too, and both at
// once (even two copies of the file) still check each call once, and the
// late pass runs once: one note. (%opaque-pointers: clang-14 needs
// -mllvm -opaque-pointers with -fpass-plugin= alone, docs/CLANG-PLUGIN.md.)
// RUN: %clang-fortify -O0 -S -emit-llvm %s -o - | grep -c "call void @llvm.trap" | FileCheck %s
// RUN: clang %opaque-pointers -fpass-plugin=%clang-plugin -O0 -S -emit-llvm %s -o - | grep -c "call void @llvm.trap" | FileCheck %s
// RUN: %clang-fortify -fpass-plugin=%clang-plugin -O0 -S -emit-llvm %s -o %t.ll
// RUN: grep -c "call void @llvm.trap" %t.ll | FileCheck %s
// RUN: grep -c "pushsection .note.fortify" %t.ll | FileCheck %s --check-prefix=ONE
// A copy: the loader and the build for this LLVM in another directory.
// RUN: rm -rf %t.copy && mkdir %t.copy && cp %clang-plugin %clang-plugin-dir/fortify-clang-%llvm-major.so %t.copy/
// RUN: %clang-fortify -fpass-plugin=%t.copy/fortify-clang.so -O0 -S -emit-llvm %s -o - | grep -c "call void @llvm.trap" | FileCheck %s
// RUN: %clang-fortify -fpass-plugin=%t.copy/fortify-clang.so -O2 %s -o %t && %t
// memset and memcpy write, memcpy reads, strcpy writes: four checks (the
// sizes are known, the lengths are not).
// CHECK: {{^}}4{{$}}
// ONE: {{^}}1{{$}}
#include <string.h>

int main(int argc, char **argv) {
  char a[16], b[32];
  memset(a, 0, argc);
  memcpy(b, a, argc);
  strcpy(b, a + argc);
  __asm__ volatile("" : : "r"(a), "r"(b) : "memory");
  return 0;
}
