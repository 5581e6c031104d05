// strcpy writes strlen(src) + 1 bytes; closest subobject from level 2.
// Every case of test/tools/run-cases.py: one byte past the end is stopped,
// the exact fit, size 0 and unknown sizes run clean.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --subobject --min-write 1 %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --subobject --min-write 1 %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-O0 && %run-cases --subobject --min-write 1 %t.musl-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-O2 && %run-cases --subobject --min-write 1 %t.musl-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --subobject --min-write 1 %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --subobject --min-write 1 %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases --subobject --min-write 1 %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases --subobject --min-write 1 %t.musl-clang-O2
#define WRITE(dst, n) strcpy(dst, text_of_bytes(n))
#include "cases.h"
