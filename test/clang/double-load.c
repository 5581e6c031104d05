// -fplugin= alone turns the checks on, -fpass-plugin= alone too, and both at
// once (even two copies of the file) still check each call once.
// RUN: %clang-fortify -O0 -S -emit-llvm %s -o - | grep -c "call i64 @llvm.objectsize" | FileCheck %s
// RUN: clang -fpass-plugin=%clang-plugin -O0 -S -emit-llvm %s -o - | grep -c "call i64 @llvm.objectsize" | FileCheck %s
// RUN: %clang-fortify -fpass-plugin=%clang-plugin -O0 -S -emit-llvm %s -o - | grep -c "call i64 @llvm.objectsize" | FileCheck %s
// RUN: cp %clang-plugin %t.copy.so
// RUN: %clang-fortify -fpass-plugin=%t.copy.so -O0 -S -emit-llvm %s -o - | grep -c "call i64 @llvm.objectsize" | FileCheck %s
// RUN: %clang-fortify -fpass-plugin=%t.copy.so -O2 %s -o %t && %t
// memset and memcpy write, memcpy reads, strcpy writes: four sizes.
// CHECK: {{^}}4{{$}}
#include <string.h>

int main(int argc, char **argv) {
  char a[16], b[16];
  memset(a, 0, sizeof a);
  memcpy(b, a, sizeof b);
  strcpy(b, a + argc);
  __asm__ volatile("" : : "r"(a), "r"(b) : "memory");
  return 0;
}
