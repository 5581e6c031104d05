// memset writes n bytes; bounded by the whole object at every level.
// Every case of test/tools/run-cases.py: one byte past the end is stopped,
// the exact fit, size 0 and unknown sizes run clean.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-O0 && %run-cases %t.musl-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-O2 && %run-cases %t.musl-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases %t.musl-clang-O2
#define WRITE(dst, n) memset(dst, 'x', n)
#include "cases.h"
