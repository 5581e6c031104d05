// LLVM 14 refuses -flto (test/clang/options.c checks the error).
// REQUIRES: llvm-ge-15
// An overflow that only inlining across files shows (issue 12): put() copies
// into its parameter, which it cannot size; main() in another file passes
// objects of every kind of test/Inputs/cases.h. Only the link inlines put()
// into main(): the checks' size queries must reach the link unfolded. The
// full-LTO pre-link pipeline used to fold them to -1 (LowerConstantIntrinsics)
// and nothing was stopped (clang-plugin/LinkTimeSizes.cpp).
// RUN: rm -rf %t && split-file %s %t
// Clang, full LTO, with lld-19 and with gold (LLVMgold.so), levels 3 and 2;
// ThinLTO for comparison.
// RUN: %clang-fortify -O2 -flto -fuse-ld=lld %t/put.c %t/main.c -o %t/full-lld
// RUN: %run-cases %t/full-lld
// RUN: %clang-fortify -O2 -flto -fuse-ld=gold %t/put.c %t/main.c -o %t/full-gold
// RUN: %run-cases %t/full-gold
// RUN: %clang-fortify -O2 -flto -fuse-ld=lld -fplugin-arg-fortify-level=2 %t/put.c %t/main.c -o %t/full-L2
// RUN: %run-cases --level 2 %t/full-L2
// RUN: %clang-fortify -Os -flto -fuse-ld=lld %t/put.c %t/main.c -o %t/full-Os
// RUN: %run-cases %t/full-Os
// RUN: %clang-fortify -O2 -flto=thin -fuse-ld=lld %t/put.c %t/main.c -o %t/thin
// RUN: %run-cases %t/thin
// The plugin loaded both ways (each query kept once, restored once), and
// through -fpass-plugin alone.
// RUN: %clang-fortify -fpass-plugin=%clang-plugin -O2 -flto -fuse-ld=lld %t/put.c %t/main.c -o %t/twice
// RUN: %run-cases %t/twice
// RUN: clang -g -I%inputs -fpass-plugin=%clang-plugin -O2 -flto -fuse-ld=lld %t/put.c %t/main.c -o %t/pass-plugin
// RUN: %run-cases %t/pass-plugin
// What stops it is the plugin's check, at put's call of memcpy. A plain
// caller (GCC inlines put into it at the link, not into cases.h's main, which
// calls it from many places), on both compilers: the exact fit runs.
// RUN: %clang-fortify -O2 -flto -fuse-ld=lld -fplugin-arg-fortify-mode=abort %t/put.c %t/main.c -o %t/abort
// RUN: not --crash %t/abort stack 16 17 2>&1 | FileCheck %s
// RUN: %t/abort stack 16 16
// RUN: %clang-fortify -O2 -flto -fuse-ld=lld -fplugin-arg-fortify-mode=abort %t/put.c %t/simple.c -o %t/simple-clang
// RUN: not --crash %t/simple-clang 12345678 2>&1 | FileCheck %s
// RUN: %t/simple-clang 1234567 | FileCheck %s --check-prefix=FITS
// RUN: %gcc-fortify -O2 -flto -fplugin-arg-fortify-mode=abort %t/put.c %t/simple.c -o %t/simple-gcc
// RUN: not --crash %t/simple-gcc 12345678 2>&1 | FileCheck %s
// RUN: %t/simple-gcc 1234567 | FileCheck %s --check-prefix=FITS
// CHECK: fortify: buffer overflow in memcpy at {{.*}}put.c:3:3
// FITS: 1234567
// The pre-link bitcode carries the queries (no placeholder is left), and
// an ordinary compilation of the same file is unchanged.
// RUN: %clang-fortify -O2 -flto -c %t/put.c -o %t/put.bc
// RUN: llvm-dis %t/put.bc -o - | FileCheck %s --check-prefix=BITCODE
// BITCODE-NOT: fortify.kept
// BITCODE: call i64 @llvm.objectsize.i64.p0(ptr %0, i1 false, i1 true, i1 true)
// BITCODE-NOT: fortify.kept
// RUN: %clang-fortify -O2 -S -emit-llvm %t/put.c -o - | FileCheck %s --check-prefix=PLAIN
// PLAIN-NOT: objectsize
// PLAIN-NOT: fortify.kept

//--- put.c
#include <string.h>
void put(char *dst, const char *src, size_t n) {
  memcpy(dst, src, n);
}

//--- main.c
#include <stddef.h>
void put(char *dst, const char *src, size_t n);
#define WRITE(dst, n) put(dst, copy_source, n)
#include "cases.h"

//--- simple.c
#include <stdio.h>
#include <string.h>
void put(char *dst, const char *src, size_t n);
int main(int argc, char **argv) {
  char buf[8];
  put(buf, argv[1], strlen(argv[1]) + 1);
  puts(buf);
  return 0;
}
