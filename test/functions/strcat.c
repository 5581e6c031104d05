// strcat writes strlen(dst) + strlen(src) + 1 bytes: here "a" plus n - 2 more plus the NUL.
// Every case of test/tools/run-cases.py: one byte past the end is stopped,
// the exact fit, size 0 and unknown sizes run clean.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --subobject --min-write 2 %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --subobject --min-write 2 %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-O0 && %run-cases --subobject --min-write 2 %t.musl-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-O2 && %run-cases --subobject --min-write 2 %t.musl-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --subobject --min-write 2 %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --subobject --min-write 2 %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases --subobject --min-write 2 %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases --subobject --min-write 2 %t.musl-clang-O2
#define WRITE(dst, n) (dst[0] = 'a', dst[1] = '\0', strcat(dst, text_of_bytes(n - 1)))
#include "cases.h"
