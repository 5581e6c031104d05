// wcscat writes wcslen(dst) + wcslen(src) + 1 wide characters.
// One element past the end is stopped; exact fits, size 0 and unknown sizes run clean.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --subobject --element 4 --min-write 8 %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --subobject --element 4 --min-write 8 %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-gcc-O0 && %run-cases --subobject --element 4 --min-write 8 %t.musl-gcc-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-gcc-O2 && %run-cases --subobject --element 4 --min-write 8 %t.musl-gcc-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --subobject --element 4 --min-write 8 %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --subobject --element 4 --min-write 8 %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases --subobject --element 4 --min-write 8 %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases --subobject --element 4 --min-write 8 %t.musl-clang-O2
#include "io-helpers.h"
#define WRITE(dst, n) (((wchar_t *)(void *)dst)[0] = L'a', ((wchar_t *)(void *)dst)[1] = 0, wcscat((wchar_t *)(void *)dst, wide_text_of(n / 4 - 1)))
#include "cases.h"
