// sprintf writes its whole output: checked through snprintf with the known size.
// One element past the end is stopped; exact fits, size 0 and unknown sizes run clean.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --subobject --min-write 1 %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --subobject --min-write 1 %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-gcc-O0 && %run-cases --subobject --min-write 1 %t.musl-gcc-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-gcc-O2 && %run-cases --subobject --min-write 1 %t.musl-gcc-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --subobject --min-write 1 %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --subobject --min-write 1 %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases --subobject --min-write 1 %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases --subobject --min-write 1 %t.musl-clang-O2
#define WRITE(dst, n) sprintf(dst, "%s", text_of_bytes(n))
#include "cases.h"
