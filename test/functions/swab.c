// swab(src, dest, n) swaps pairs of bytes: it writes and reads n & ~1 bytes,
// none when n is negative (ssize_t). Not in glibc's fortify; fortify-headers
// checks it. Every case of test/tools/run-cases.py counted in pairs: one pair
// past the end is stopped, the exact fit, size 0 and unknown sizes run clean.
// RUN: %gcc-fortify -O0 %s -o %t.gcc-O0 && %run-cases --element 2 %t.gcc-O0
// RUN: %gcc-fortify -O2 %s -o %t.gcc-O2 && %run-cases --element 2 %t.gcc-O2
// RUN: %musl-gcc-fortify -O0 %s -o %t.musl-O0 && %run-cases --element 2 %t.musl-O0
// RUN: %musl-gcc-fortify -O2 %s -o %t.musl-O2 && %run-cases --element 2 %t.musl-O2
// RUN: %clang-fortify -O0 %s -o %t.clang-O0 && %run-cases --element 2 %t.clang-O0
// RUN: %clang-fortify -O2 %s -o %t.clang-O2 && %run-cases --element 2 %t.clang-O2
// RUN: %musl-clang-fortify -O0 %s -o %t.musl-clang-O0 && %run-cases --element 2 %t.musl-clang-O0
// RUN: %musl-clang-fortify -O2 %s -o %t.musl-clang-O2 && %run-cases --element 2 %t.musl-clang-O2
//
// An odd n one past the end moves one byte less: it fits (16 bytes, n = 17;
// malloc(5) + 4 holds 1, n = 1 moves nothing). A negative n moves nothing
// (cases.h reads "-1" as SIZE_MAX, (ssize_t)-1 in the call).
// RUN: for b in %t.gcc-O0 %t.gcc-O2 %t.clang-O0 %t.clang-O2; do \
// RUN:   $b stack 16 17 && $b heap 16 17 && $b vla 15 15 && $b offset 5 1 && \
// RUN:   $b stack 16 -1 && $b heap 4 -1 && $b heap 4 -3 && $b unknown 64 -2 || exit 1; done
//
// Over-reads of src, the same way: one pair past stops, odd one past runs.
// RUN: %gcc-fortify -O0 -DREAD_SOURCE %s -o %t.read-gcc-O0 && %run-cases --element 2 %t.read-gcc-O0
// RUN: %gcc-fortify -O2 -DREAD_SOURCE %s -o %t.read-gcc-O2 && %run-cases --element 2 %t.read-gcc-O2
// RUN: %clang-fortify -O0 -DREAD_SOURCE %s -o %t.read-clang-O0 && %run-cases --element 2 %t.read-clang-O0
// RUN: %clang-fortify -O2 -DREAD_SOURCE %s -o %t.read-clang-O2 && %run-cases --element 2 %t.read-clang-O2
// RUN: for b in %t.read-gcc-O0 %t.read-gcc-O2 %t.read-clang-O0 %t.read-clang-O2; do \
// RUN:   $b stack 16 17 && $b heap 16 17 && $b stack 16 -1 && $b heap 4 -1 || exit 1; done
// reads=off turns the over-read check off.
// RUN: %gcc-fortify -O0 -DREAD_SOURCE -fplugin-arg-fortify-reads=off %s -o %t.off && %t.off heap 16 18
// RUN: %clang-fortify -O0 -DREAD_SOURCE -fplugin-arg-fortify-reads=off %s -o %t.coff && %t.coff heap 16 18
#define _GNU_SOURCE
#include <unistd.h>
#ifdef READ_SOURCE
#define READ(src, n) swab(src, read_sink, (ssize_t)(n))
#include "read-cases.h"
#else
#define WRITE(dst, n) swab(copy_source, dst, (ssize_t)(n))
#include "cases.h"
#endif
