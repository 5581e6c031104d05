// strrchr must find the NUL inside the object (checked before the call).
// Exact fits, unknown sizes and size 0 run clean. reads=off and level 1 turn
// the over-read checks off.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --min-write 1 %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --min-write 1 %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-gcc-O0 && %run-cases --min-write 1 %t.musl-gcc-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-gcc-O2 && %run-cases --min-write 1 %t.musl-gcc-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --min-write 1 %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --min-write 1 %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases --min-write 1 %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases --min-write 1 %t.musl-clang-O2
// RUN: %gcc-fortify -O0 -fplugin-arg-fortify-reads=off %s -o %t.off && %t.off stack 16 17 && %t.off heap 16 17
// RUN: %clang-fortify -O0 -fplugin-arg-fortify-reads=off %s -o %t.coff && %t.coff stack 16 17 && %t.coff heap 16 17
// RUN: %gcc-fortify -O0 -fplugin-arg-fortify-level=1 %s -o %t.L1 && %t.L1 stack 16 17
#define READ(src, n) read_sink[0] = strrchr(src, 'z') != 0
#include "read-cases.h"
