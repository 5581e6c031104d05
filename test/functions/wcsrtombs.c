// wcsrtombs writes at most len bytes: len must fit.
// One element past the end is stopped; exact fits, size 0 and unknown sizes run clean.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --subobject %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --subobject %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-gcc-O0 && %run-cases --subobject %t.musl-gcc-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-gcc-O2 && %run-cases --subobject %t.musl-gcc-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --subobject %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --subobject %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases --subobject %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases --subobject %t.musl-clang-O2
#include <wchar.h>
static const wchar_t *wide = L"abc";
#define WRITE(dst, n) ({ const wchar_t *source_ = wide; mbstate_t st = {0}; wcsrtombs(dst, &source_, n, &st); })
#include "cases.h"
