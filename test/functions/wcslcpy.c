// wcslcpy's bound (in wide characters) must fit the destination, as glibc's
// __wcslcpy_chk. Neither libc here has it: the test defines it.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --subobject --element 4 %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --subobject --element 4 %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-gcc-O0 && %run-cases --subobject --element 4 %t.musl-gcc-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-gcc-O2 && %run-cases --subobject --element 4 %t.musl-gcc-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --subobject --element 4 %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --subobject --element 4 %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases --subobject --element 4 %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases --subobject --element 4 %t.musl-clang-O2
#include "wcslcpy-fallback.h"
#define WRITE(dst, n) wcslcpy((wchar_t *)(void *)dst, L"ab", n / 4)
#include "cases.h"
