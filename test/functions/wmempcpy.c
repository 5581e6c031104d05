// wmempcpy writes n wide characters (4n bytes). glibc only.
// One element past the end is stopped; exact fits, size 0 and unknown sizes run clean.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --element 4 %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --element 4 %t.gcc-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --element 4 %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --element 4 %t.clang-O2
#define _GNU_SOURCE
#include "io-helpers.h"
#define WRITE(dst, n) wmempcpy((wchar_t *)(void *)dst, wide_text_of(64), n / 4)
#include "cases.h"
