// strncat appends strnlen(src, n) bytes and a NUL after the destination's
// current string; strcat appends the whole source. Checked at every -O level.
// RUN: %clang-fortify -O0 %s -o %t.O0 && %run-cases --subobject --min-write 1 %t.O0
// RUN: %clang-fortify -O1 %s -o %t.O1 && %run-cases --subobject --min-write 1 %t.O1
// RUN: %clang-fortify -O2 %s -o %t.O2 && %run-cases --subobject --min-write 1 %t.O2
// RUN: %clang-fortify -O3 %s -o %t.O3 && %run-cases --subobject --min-write 1 %t.O3
// RUN: %clang-fortify -Os %s -o %t.Os && %run-cases --subobject --min-write 1 %t.Os
// RUN: %clang-fortify -Oz %s -o %t.Oz && %run-cases --subobject --min-write 1 %t.Oz
// RUN: %clang-fortify -O2 -DAPPEND_ALL %s -o %t.cat && %run-cases --subobject --min-write 1 %t.cat
// RUN: %clang-fortify -O0 -DAPPEND_ALL %s -o %t.cat0 && %run-cases --subobject --min-write 1 %t.cat0
#ifdef APPEND_ALL
#define WRITE(dst, n) ((dst)[0] = 0, strcat(dst, text_of_bytes(n)))
#else
#define WRITE(dst, n) ((dst)[0] = 0, strncat(dst, text_of_bytes(n), (n) - 1))
#endif
#include "cases.h"
